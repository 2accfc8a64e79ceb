/**
 * A population run and a population sweep give byte-identical folders with `--workers 1` and
 * `--workers 2`: path i's outcome depends on (scenario, seed, i) only, and the blocks of paths the
 * worker threads return are merged in path order (cli/systemic/run.ts). Every file of the folders
 * is compared; none holds a timing field. 2 000 accounts and 6 paths keep it quick.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const SCENARIO = join(ROOT, "scenarios/examples/eth-cascade.yaml");
const SMALL = ["--set", "population.generate.accounts=2000", "--paths", "6", "--quiet"];

function ballast(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.trim().split("\n")[0] as string;
}

/** Every file under `dir`, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function expectSameFolders(a: string, b: string, least: number): void {
  const fa = files(a);
  const fb = files(b);
  expect([...fb.keys()]).toEqual([...fa.keys()]);
  expect(fa.size).toBeGreaterThanOrEqual(least);
  for (const [name, bytes] of fa) expect(fb.get(name)?.equals(bytes), name).toBe(true);
}

describe("population runs on worker threads", () => {
  it("writes the same run folder with --workers 1 and --workers 2", () => {
    const tmp = mkdtempSync(join(tmpdir(), "ballast-pop-workers-"));
    const one = ballast(["run", SCENARIO, "--out", join(tmp, "w1"), "--workers", "1", ...SMALL]);
    const two = ballast(["run", SCENARIO, "--out", join(tmp, "w2"), "--workers", "2", ...SMALL]);
    expectSameFolders(one, two, 6);
    const paths = JSON.parse(readFileSync(join(one, "summary.json"), "utf8")).metrics.loss_usd;
    // Six distinct Monte-Carlo paths: the blocks were not copies of one another.
    expect(paths.n).toBe(6);
    expect(paths.max).toBeGreaterThan(paths.min);
  });

  it("writes the same sweep folder with --workers 1 and --workers 2", () => {
    const tmp = mkdtempSync(join(tmpdir(), "ballast-pop-sweep-"));
    const grid = ["--grid", "venues.lend.assets.ETH.lt=0.81,0.83"];
    const args = ["sweep", SCENARIO, ...grid, ...SMALL];
    const one = ballast([...args, "--out", join(tmp, "w1"), "--workers", "1"]);
    const two = ballast([...args, "--out", join(tmp, "w2"), "--workers", "2"]);
    // 2 point folders of 6 files, points.parquet, summary.json, report.md and report.html.
    expectSameFolders(one, two, 2 * 6 + 4);
  });
});
