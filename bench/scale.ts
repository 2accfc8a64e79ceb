/**
 * Scale workloads of issue 14: the demo on 1 worker vs every core (target ≥ 1.8× on 2 cores), a
 * 20-point sweep of the demo at 1 000 paths against 20 bare runs (per-point overhead target
 * < 5 % of a point's run time), start-up of `validate` and `list` (target well under 0.5 s), and
 * the peak RSS of a large demo run (target < 1 GiB at 1 000 000 paths).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PACKAGE_ROOT } from "../cli/paths.js";
import { progressBar } from "../cli/progress.js";
import { runRange } from "../cli/run-range.js";
import { prepareRun } from "../cli/run-setup.js";
import { blockPool } from "../cli/workers.js";
import { runPaths } from "../engine/sim/run.js";

const BIN = resolve(PACKAGE_ROOT, "dist/cli/bin.js");
const DEMO = "scenarios/examples/demo.yaml";
const quiet = progressBar(0, true);

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Wall time of the demo at `paths` on `workers` threads (compiled once, pool start-up included). */
export async function benchWorkers(paths: number, workers: number): Promise<number> {
  const run = await prepareRun({ file: DEMO, sets: ["report.sampleSeries=0", "report.eventPaths=0"], paths });
  const t0 = process.hrtime.bigint();
  const pool = await blockPool(workers);
  await runRange(run, 0, paths, pool, quiet);
  await pool.close();
  return seconds(t0);
}

export const allCores = (): number => availableParallelism();

/**
 * A 20-point sweep of the demo at `paths` (the points change the perp collateral, which changes no
 * work) on one worker, and the same 20 runs bare (runPaths only): per-point overhead = (sweep −
 * Σ bare) / 20, reported as a share of one bare run.
 */
export async function benchSweepOverhead(
  paths: number,
): Promise<{ sweep: number; bare: number; share: number }> {
  const out = mkdtempSync(join(tmpdir(), "ballast-bench-sweep-"));
  const grid = Array.from({ length: 20 }, (_, i) => 20000 + i).join(",");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      BIN,
      "sweep",
      DEMO,
      "--grid",
      `book[1].collateral=${grid}`,
      "--paths",
      String(paths),
      "--workers",
      "1",
      "--quiet",
      "--out",
      out,
    ],
    { cwd: PACKAGE_ROOT, encoding: "utf8" },
  );
  const sweep = seconds(t0);
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
  const run = await prepareRun({ file: DEMO, sets: [], paths });
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) runPaths(run.cfg);
  const bare = seconds(t1);
  return { sweep, bare, share: (sweep - bare) / bare };
}

/** Median wall time of `ballast <args>` over `n` starts. */
export function benchStart(args: readonly string[], n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, stdio: "ignore" });
    times.push(seconds(t0));
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)] as number;
}

/** Peak RSS (bytes) and wall time of `ballast run demo --paths N` in a child process. */
export function benchRss(paths: number, workers: number): { rss: number; seconds: number } {
  const out = mkdtempSync(join(tmpdir(), "ballast-bench-rss-"));
  const report =
    'process.on("exit",()=>process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n"))';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      `data:text/javascript,${encodeURIComponent(report)}`,
      BIN,
      "run",
      DEMO,
      "--paths",
      String(paths),
      "--workers",
      String(workers),
      "--quiet",
      "--out",
      out,
    ],
    { cwd: PACKAGE_ROOT, encoding: "utf8" },
  );
  const wall = seconds(t0);
  rmSync(out, { recursive: true, force: true });
  const kb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
  if (r.status !== 0 || !Number.isFinite(kb)) throw new Error(`run failed: ${r.stderr}`);
  return { rss: kb * 1024, seconds: wall };
}
