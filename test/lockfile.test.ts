/**
 * `npm install` on a fresh clone must leave `git status` clean: the lockfile's root entry repeats
 * package.json's name, version, bin, engines and dependency ranges, and npm rewrites it whenever
 * they differ. (`.ci/run` also checks `git status --porcelain` after `npm ci` and the build.)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(resolve(ROOT, "package-lock.json"), "utf8"));

describe("package-lock.json", () => {
  it("its root entry agrees with package.json, so npm install does not rewrite it", () => {
    const root = lock.packages[""];
    expect(lock.name).toBe(pkg.name);
    expect(lock.version).toBe(pkg.version);
    for (const key of ["name", "version", "license", "bin", "engines", "dependencies", "devDependencies"])
      expect({ [key]: root[key] }).toEqual({ [key]: pkg[key] });
  });

  it("locks every declared dependency", () => {
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });
});
