/** Where the package's own files are, whether running from source or from dist/. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package root not found");
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const DEMO_SCENARIO = resolve(PACKAGE_ROOT, "scenarios/examples/demo.yaml");
export const PRESETS_DIR = resolve(PACKAGE_ROOT, "scenarios/presets");
