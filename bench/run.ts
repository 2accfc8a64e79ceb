/** `npm run bench`: prints throughput figures for the issues' targets. */

import { median } from "simple-statistics";
import { benchDataLoad } from "./data-load.js";
import { benchEngine, type EngineBench } from "./engine.js";
import { benchReferenceKernel } from "./reference-kernel.js";
import { benchReports } from "./reports.js";
import { allCores, benchRss, benchStart, benchSweepOverhead, benchWorkers } from "./scale.js";
import { benchSystemic, describeSystemic } from "./systemic.js";

const REALISTIC = {
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h", delay: "12s" },
  execution: {
    latency: { kind: "fixed", delay: "30s" },
    impact: { kind: "sqrt", coefficient: 0.7, annualVol: 0.8, dailyVolume: 5e8 },
    fees: { taker: 0.0005, maker: 0.0002 },
    gas: { kind: "fixed", units: 180000, priceGwei: 20 },
    gasAsset: "ETH",
  },
};

/**
 * The demo with a moving implied vol (issue 19): the same GBM paths and book, the option marked on
 * a stochastic ATM level with an SSVI smile (sticky-delta) instead of its fixed 80 %.
 */
const MOVING_IV = {
  market: {
    rate: 0,
    assets: {
      ETH: {
        model: { kind: "gbm", spot: 3000, drift: 0, vol: 0.8 },
        iv: {
          kind: "stochastic",
          premium: 0.05,
          kappa: 12,
          volOfVol: 1.2,
          rho: -0.5,
          skew: -0.3,
          curvature: 0.8,
        },
      },
    },
  },
  book: [
    { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "30d", qty: -10 },
    { venue: "perp", kind: "perp", underlying: "ETH", qty: 0, collateral: { USDC: 20000 } },
  ],
};

/** The README's user strategy file (scenarios/examples/my-delta-hedge.ts), next to the demo. */
const USER_FILE = { strategy: { file: "./my-delta-hedge.ts", params: { every: "1h" } } };

/**
 * Rounds of (kernel, ideal engine, realistic engine), interleaved so that each ratio compares runs
 * made under the same machine load; medians and ranges over the rounds are reported, because one
 * run on a shared machine moves by ±20 %. `BENCH_ROUNDS` (default 3) and `BENCH_PATHS` (default
 * 10 000, the workload) override the shape.
 */
async function main(): Promise<void> {
  const rounds = positiveInt("BENCH_ROUNDS", 3);
  const parts = (process.env["BENCH_PARTS"] ?? "engine,reports,data,scale,rss").split(",");
  if (parts.includes("engine")) await engineRounds(rounds);
  if (parts.includes("reports")) await reports();
  if (parts.includes("data")) await dataLoad();
  if (parts.includes("scale")) await scaleRounds(rounds);
  if (parts.includes("rss")) rssRun();
}

async function engineRounds(rounds: number): Promise<void> {
  const paths = positiveInt("BENCH_PATHS", 10_000);
  const kernel: number[] = [];
  const ideal: EngineBench[] = [];
  const real: EngineBench[] = [];
  const band: EngineBench[] = [];
  const user: EngineBench[] = [];
  const moving: EngineBench[] = [];
  for (let r = 0; r < rounds; r++) {
    kernel.push(benchReferenceKernel(paths));
    ideal.push(await benchEngine("demo, ideal oracle and execution", {}, paths));
    real.push(await benchEngine("demo, push oracle + 30 s latency + sqrt impact + gas", REALISTIC, paths));
    band.push(await benchEngine("demo with delta-band", { strategy: { kind: "delta-band" } }, paths));
    user.push(await benchEngine("demo with the README's user-file delta hedge", USER_FILE, paths));
    moving.push(
      await benchEngine("demo with a moving implied vol (stochastic level, SSVI smile)", MOVING_IV, paths),
    );
  }
  console.log(
    `${rounds} interleaved rounds of ${paths} paths × ${ideal[0]?.steps} steps; median [min – max]`,
  );
  console.log(`reference kernel (hand-written GBM + delta hedge loop): ${mps(kernel)} M path-steps/s`);
  for (const runs of [ideal, real, band, user, moving]) {
    console.log(`${runs[0]?.name}: ${mps(runs.map((b) => b.pathStepsPerSecond))} M path-steps/s`);
  }
  const ratio = ideal.map((b, r) => b.pathStepsPerSecond / (kernel[r] as number));
  console.log(`engine / kernel: ${spread(ratio, 2)} (target ≥ 0.25, i.e. 3 M vs 12 M)`);
  const slowdown = real.map((b, r) => b.seconds / (ideal[r] as EngineBench).seconds);
  console.log(`realistic / ideal time: ${spread(slowdown, 2)}× (target ≤ 1.5×)`);
  for (const runs of [band, user]) {
    const t = runs.map((b, r) => b.seconds / (ideal[r] as EngineBench).seconds);
    console.log(`${runs[0]?.name} / built-in delta-hedge time: ${spread(t, 2)}× (target ≤ 1.2×)`);
  }
  const vol = moving.map((b, r) => b.seconds / (ideal[r] as EngineBench).seconds);
  console.log(`moving implied vol / constant vol time: ${spread(vol, 2)}× (target ≤ 1.5×)`);
}

/** Issue 15's report figure: a 100 000-path, 100-series run folder written, then its reports rebuilt. */
async function reports(): Promise<void> {
  const rep = await benchReports();
  const n = rep.paths.toLocaleString("en-US");
  console.log(
    `run folder (tables, summary, report.md, report.html with charts) over ${n} paths and 100 sampled series: written in ${rep.writeSeconds.toFixed(2)} s; ballast report rebuilds it in ${rep.seconds.toFixed(2)} s (target: seconds)`,
  );
}

async function dataLoad(): Promise<void> {
  for (const d of await benchDataLoad()) {
    console.log(
      `data load ${d.name}: ${d.rows.toLocaleString("en-US")} rows in ${d.seconds.toFixed(2)} s (target: well under 1 s)`,
    );
  }
  const accounts = positiveInt("BENCH_ACCOUNTS", 100_000);
  console.log(describeSystemic(benchSystemic(accounts, positiveInt("BENCH_SYSTEMIC_PATHS", 100))));
}

/**
 * Issue 14's scale figures, rounds interleaved: 1 worker vs every core on the demo at
 * `BENCH_SCALE_PATHS` (default 10 000), the per-point overhead of a 20-point sweep at 1 000 paths
 * (CPU time, see benchSweepOverhead),
 * and the start-up of `validate` and `list`.
 */
async function scaleRounds(rounds: number): Promise<void> {
  const paths = positiveInt("BENCH_SCALE_PATHS", 10_000);
  const cores = allCores();
  const speedup: number[] = [];
  const perPoint: number[] = [];
  const whole: number[] = [];
  const start: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const one = benchWorkers(paths, 1);
    const all = benchWorkers(paths, cores);
    speedup.push(one / all);
    const o = await benchSweepOverhead(1000);
    perPoint.push(o.perPoint * 100);
    whole.push(o.whole * 100);
    start.push(o.startSeconds);
  }
  console.log(
    `demo at ${paths} paths, 1 worker vs ${cores}: ${spread(speedup, 2)}× (target ≥ 1.8× on 2 cores)`,
  );
  console.log(
    `20-point sweep of the demo at 1 000 paths, CPU time: overhead per point ${spread(perPoint, 1)} % of its run (target < 5 %); with the sweep's one-off start-up of ${spread(start, 2)} s spread over its points, ${spread(whole, 1)} %`,
  );
  const validate = benchStart(["validate", "scenarios/examples/demo.yaml"]);
  const list = benchStart(["list"]);
  console.log(
    `start-up, median of 5: validate ${validate.toFixed(2)} s, list ${list.toFixed(2)} s (target well under 0.5 s)`,
  );
}

/** Peak RSS of the demo at `BENCH_RSS_PATHS` (default 1 000 000) paths on every core. */
function rssRun(): void {
  const paths = positiveInt("BENCH_RSS_PATHS", 1_000_000);
  const r = benchRss(paths, allCores());
  console.log(
    `demo at ${paths} paths: peak RSS ${(r.rss / 2 ** 20).toFixed(0)} MiB in ${r.seconds.toFixed(0)} s (target < 1024 MiB)`,
  );
}

/** A bad `BENCH_*` environment setting: reported in one line, exit code 2. */
class SettingError extends Error {}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new SettingError(`${name}: found "${raw}"; allowed: an integer ≥ 1`);
  return n;
}

/** Path-steps/s in millions: median [min – max]. */
function mps(xs: readonly number[]): string {
  return spread(
    xs.map((x) => x / 1e6),
    2,
  );
}

function spread(xs: readonly number[], digits: number): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(xs))} [${f(Math.min(...xs))} – ${f(Math.max(...xs))}]`;
}

main().catch((e) => {
  if (e instanceof SettingError) {
    console.error(`bench: ${e.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(e);
  process.exitCode = 3;
});
