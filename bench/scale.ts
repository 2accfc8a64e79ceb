/**
 * Scale workloads of issue 14: the demo on 1 worker vs every core (target ≥ 1.8× on 2 cores), a
 * 20-point sweep of the demo at 1 000 paths against its 20 points run one by one (per-point overhead target
 * < 5 % of a point's run time), start-up of `validate` and `list` (target well under 0.5 s), and
 * the peak RSS of a large demo run (target < 1 GiB at 1 000 000 paths).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PACKAGE_ROOT } from "../cli/paths.js";
import { runScenario } from "../cli/run-command.js";

const BIN = resolve(PACKAGE_ROOT, "dist/cli/bin.js");
const DEMO = "scenarios/examples/demo.yaml";

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * Wall time of `ballast run` of the demo at `paths` on `workers` threads, in a fresh process: what
 * a user waits for, start-up and the run folder included, and the same cold start (module load,
 * JIT warm-up) on both sides of the comparison.
 */
export function benchWorkers(paths: number, workers: number): number {
  const out = mkdtempSync(join(tmpdir(), "ballast-bench-workers-"));
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [BIN, "run", DEMO, "--paths", String(paths), "--workers", String(workers), "--quiet", "--out", out],
      { cwd: PACKAGE_ROOT, encoding: "utf8" },
    );
    const wall = seconds(t0);
    if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
    return wall;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const allCores = (): number => availableParallelism();

/**
 * A 20-point sweep of the demo at `paths` (the points change the perp collateral, which changes no
 * work) on one worker, against the same points run one by one as `ballast run --set` does it, in
 * this process after a warm-up (each writes its run folder, as each sweep point does).
 * - `perPoint`: what each point of a sweep costs beyond its run, as a share of the run:
 *   ((sweep of 20 − sweep of 1) / 19 − run) / run. The one-off start-up of the sweep command
 *   (process, module loading, JIT warm-up) cancels in the difference; it is not a per-point cost.
 * - `whole`: (sweep of 20 − 20 runs) / 20 runs, start-up included, for comparison.
 * - `startSeconds`: the sweep command's one-off cost, sweep of 1 − one run.
 *
 * Both sides are timed in CPU seconds (user + system, every thread of the process), not wall
 * time: on a shared machine the wall time of a 30-second run moves by 10–20 % with what else
 * runs, which swamps a 5 % difference, while the CPU time a process itself uses moves far less.
 */
export async function benchSweepOverhead(
  paths: number,
): Promise<{ perPoint: number; whole: number; startSeconds: number }> {
  const out = mkdtempSync(join(tmpdir(), "ballast-bench-sweep-"));
  const values = Array.from({ length: 20 }, (_, i) => 20000 + i);
  try {
    const sweepCpu = (points: readonly number[], dir: string) =>
      childCpuSeconds([
        "sweep",
        DEMO,
        "--grid",
        `book[1].collateral=${points.join(",")}`,
        "--paths",
        String(paths),
        "--workers",
        "1",
        "--quiet",
        "--out",
        join(out, dir),
      ]);
    const s20 = sweepCpu(values, "sweep-20");
    const s1 = sweepCpu(values.slice(0, 1), "sweep-1");
    const point = (v: number, dir: string) =>
      runScenario(resolve(PACKAGE_ROOT, DEMO), {
        out: join(out, dir),
        paths,
        set: [`book[1].collateral=${v}`],
        workers: 1,
        quiet: true,
      });
    await point(values[0] as number, "warm-up");
    const c0 = process.cpuUsage();
    for (const v of values) await point(v, `run-${v}`);
    const c = process.cpuUsage(c0);
    const runs = (c.user + c.system) / 1e6;
    const run = runs / values.length;
    return {
      perPoint: ((s20 - s1) / (values.length - 1) - run) / run,
      whole: (s20 - runs) / runs,
      startSeconds: s1 - run,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system, all threads) of `ballast <args>` in a child process. */
function childCpuSeconds(args: readonly string[]): number {
  const report =
    'process.on("exit",()=>{const c=process.cpuUsage();process.stderr.write("cpuUsage "+(c.user+c.system)+"\\n")})';
  const r = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(report)}`, BIN, ...args],
    { cwd: PACKAGE_ROOT, encoding: "utf8" },
  );
  const us = Number(/cpuUsage (\d+)/.exec(r.stderr)?.[1]);
  if (r.status !== 0 || !Number.isFinite(us)) throw new Error(`ballast ${args[0]} failed: ${r.stderr}`);
  return us / 1e6;
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
