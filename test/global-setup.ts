/**
 * Builds dist/ once before the suites run, so the tests that spawn the `ballast` executable run
 * the code under test (incremental: a no-op when nothing changed).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  const r = spawnSync(
    process.execPath,
    [resolve(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}
