/**
 * The systemic stress workload (issue 18): 100 000 generated ETH-collateral USDC loans through a
 * 24-hour, one-minute-step crash (GBM at 80 % vol with a −40 % ramp over 6 hours) for 100 paths, on
 * one core: push oracle, a 500 M USDC constant-product pool recovering with a 1-hour half-life,
 * two liquidators, congestion. Target: under 30 s. `BENCH_ACCOUNTS` and `BENCH_SYSTEMIC_PATHS`
 * override the shape (`node dist/bench/systemic.js` runs this workload alone); the figure also
 * prints a digest of every path's outcome, so a change meant only for speed can be checked for
 * identical results.
 */
import { createHash } from "node:crypto";
import { streamFor } from "../engine/rng.js";
import { Cascade, type ExoPath } from "../engine/systemic/cascade.js";
import type { SystemicConfig } from "../engine/systemic/config.js";
import { generatePopulation } from "../engine/systemic/generator.js";
import type { PathOutcome } from "../engine/systemic/outcome.js";

const STEP_MS = 60_000;
const STEPS = 1440;

function config(): SystemicConfig {
  return {
    assets: ["USDC", "ETH"],
    quote: 0,
    venues: ["lend"],
    risk: {
      lt: Float64Array.of(0.8, 0.83),
      bonus: Float64Array.of(0.045, 0.05),
      protocolFee: Float64Array.of(0.2, 0.1),
      closeFactor: Float64Array.of(0.5, 0.5),
    },
    rule: "fixed-bonus",
    auction: {
      buf: 1.2,
      tailMs: 8_400_000,
      cusp: 0.4,
      stepMs: 90_000,
      cut: 0.99,
      chip: 0.001,
      tip: 300,
      beg: 0.05,
      ttlMs: 10_800_000,
      tauMs: 172_800_000,
    },
    pools: [null, { depthQuote: 5e8, fee: 0.003, halfLifeMs: 3_600_000 }],
    oracle: { kind: "push", delayMs: 12_000, deviation: 0.005, heartbeatMs: 3_600_000 },
    liquidators: [
      { name: "fast", latencyMs: 12_000, capital: 1e8, gasBidGwei: 0, minProfit: 20 },
      { name: "slow", latencyMs: 300_000, capital: 1e8, gasBidGwei: 40, minProfit: 0 },
    ],
    chain: {
      gasUnits: 504_440,
      baseGwei: 20,
      gasAsset: 1,
      inclusionMs: 12_000,
      gasPerMove: 0.5,
      gasPerPending: 0.01,
      delayPerShortGweiMs: 10_000,
    },
    reserve: 1e6,
    recheckMs: 300_000,
    profileBucketMs: 3_600_000,
    checkConservation: false,
  };
}

function fillPath(path: number, out: Float64Array): void {
  const rng = streamFor(1, path, "prices");
  const dt = STEP_MS / (365 * 86_400_000);
  const sd = 0.8 * Math.sqrt(dt);
  let p = 3000;
  out[0] = p;
  for (let i = 1; i <= STEPS; i++) {
    const ramp = i > 120 && i <= 480 ? Math.log(0.6) / 360 : 0;
    p *= Math.exp(ramp - 0.5 * sd * sd + sd * rng.normal());
    out[i] = p;
  }
}

export interface SystemicBench {
  readonly accounts: number;
  readonly paths: number;
  readonly seconds: number;
  /** CPU time of this process over the run (user + system): the machine may be shared. */
  readonly cpuSeconds: number;
  readonly liquidations: number;
  /** SHA-256 of every path's outcome, in path order (first 12 hex digits). */
  readonly digest: string;
}

/** Appends every field of a path's outcome, numbers as their exact bits. */
function digestOutcome(h: ReturnType<typeof createHash>, o: PathOutcome): void {
  for (const v of Object.values(o)) {
    const arr = v instanceof Float64Array ? v : Float64Array.of(v as number);
    h.update(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  }
}

export function benchSystemic(accounts: number, paths: number): SystemicBench {
  const cfg = config();
  const start = Float64Array.of(1, 3000);
  const g = {
    accounts,
    totalDebt: 1e9,
    sizeLaw: "lognormal" as const,
    sizeParam: 1.5,
    hfMin: 1.0,
    hfMedian: 1.6,
    hfSigma: 0.6,
    collWeights: Float64Array.of(0, 1),
    debtWeights: Float64Array.of(1, 0),
    mix: "single" as const,
    venueWeights: Float64Array.of(1),
  };
  const pop = generatePopulation(
    g,
    cfg.assets,
    cfg.venues,
    start,
    cfg.risk.lt,
    streamFor(1, 0, "population"),
  );
  const grid = { startMs: 0, stepMs: STEP_MS, steps: STEPS };
  const eth = new Float64Array(STEPS + 1);
  const exo: ExoPath = { grid, price: [null, eth] };
  const cascade = new Cascade(cfg, pop, grid);
  let liquidations = 0;
  const h = createHash("sha256");
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let path = 0; path < paths; path++) {
    fillPath(path, eth);
    const o = cascade.run(exo);
    liquidations += o.liquidations;
    digestOutcome(h, o);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return {
    accounts,
    paths,
    seconds,
    cpuSeconds: (c.user + c.system) / 1e6,
    liquidations,
    digest: h.digest("hex").slice(0, 12),
  };
}

export function describeSystemic(b: SystemicBench): string {
  return `systemic: ${b.accounts} accounts × ${STEPS} one-minute steps × ${b.paths} paths in ${b.seconds.toFixed(1)} s wall, ${b.cpuSeconds.toFixed(1)} s CPU, on one core (target < 30 s); ${(b.liquidations / b.paths).toFixed(0)} liquidations a path; outcome digest ${b.digest}`;
}

if (process.argv[1]?.endsWith("systemic.js")) {
  const accounts = Number(process.env["BENCH_ACCOUNTS"] ?? 100_000);
  const paths = Number(process.env["BENCH_SYSTEMIC_PATHS"] ?? 100);
  console.log(describeSystemic(benchSystemic(accounts, paths)));
}
