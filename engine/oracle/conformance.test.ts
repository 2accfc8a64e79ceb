/**
 * Conformance suite for every oracle kind, alone and with each fault (STYLE 5). Invariants:
 * - causality: perturbing market prices after τ leaves every publication observed at or before τ
 *   unchanged (same publish time, price, observation time, conf);
 * - observedMs ≤ publishMs, publishMs non-decreasing, prices positive and finite, conf ≥ 0;
 * - a feed's reading is the latest landed publication and its age t − observedMs ≥ 0;
 *   before the first publication it is unusable with age Infinity;
 * - the same rng seed gives the same tape.
 * Every registered kind must have variants below (a missing one fails the coverage test).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { gridIndexAtOrBefore, type TimeGrid } from "../market.js";
import { Rng } from "../rng.js";
import { OracleFeed } from "./feed.js";
import { createOracle, type OracleKind, oracleKinds, readOracle } from "./registry.js";
import { newReading, type OracleModel, OracleTape } from "./types.js";

const START = 1_704_067_200_000; // 2024-01-01T00:00:00Z
const MIN = 60_000;

/** A jumpy lognormal path: 1-min steps, ~3 % per step on a few steps, so push deviations fire. */
function market(grid: TimeGrid, seed: string): Float64Array {
  const rng = new Rng(seed);
  const p = new Float64Array(grid.steps + 1);
  p[0] = 2000;
  for (let i = 1; i <= grid.steps; i++) {
    const jump = rng.uniform() < 0.05 ? 0.03 * rng.normal() : 0;
    p[i] = (p[i - 1] as number) * Math.exp(0.002 * rng.normal() + jump);
  }
  return p;
}

const VARIANTS: { readonly [K in OracleKind]: readonly Record<string, unknown>[] } = {
  ideal: [{}],
  latency: [{}, { delay: "90s" }],
  push: [{}, { deviation: 0.002, heartbeat: "7m", delay: "30s", jitter: "50s" }],
  pull: [{}, { interval: "45s", confReturnMult: 2 }, { interval: "0s" }],
  twap: [{}, { window: "10m", interval: "40s" }, { ticks: true, window: "5m" }],
  median: [
    {},
    {
      sources: 4,
      latencyMs: [0, 30000, 90000, 200000],
      noiseBps: [5, 10, 20, 50],
      interval: "20s",
      delay: "5s",
    },
  ],
};

const FAULTS: readonly (readonly Record<string, unknown>[])[] = [
  [],
  [{ kind: "outage", from: "20m", to: "45m" }],
  [{ kind: "stuck", from: "30m", to: "70m" }],
  [{ kind: "spike", from: "50m", for: "3m", size: 0.4 }],
  [
    { kind: "spike", from: "10m", blocks: 2, size: -0.3 },
    { kind: "stuck", from: "60m", to: "80m" },
    { kind: "outage", from: "75m", to: "95m" },
  ],
];

function build(kind: string, params: Record<string, unknown>, faults: readonly unknown[]): OracleModel {
  const issues: Issue[] = [];
  const c = readOracle({ kind, ...params, faults }, "oracle", issues);
  expect(issues).toEqual([]);
  return createOracle(c!);
}

function run(model: OracleModel, grid: TimeGrid, price: Float64Array, seed = "s"): OracleTape {
  const tape = new OracleTape();
  model.publish(grid, price, new Rng(seed), tape);
  return tape;
}

type Row = [number, number, number, number];
function rows(tape: OracleTape, keep: (observedMs: number) => boolean = () => true): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < tape.length; i++) {
    const o = tape.observedMs[i] as number;
    if (keep(o)) out.push([tape.publishMs[i] as number, tape.price[i] as number, o, tape.conf[i] as number]);
  }
  return out;
}

const grid: TimeGrid = { startMs: START, stepMs: MIN, steps: 120 };
const base = market(grid, "market");

function malformed(tape: OracleTape): string[] {
  const errors: string[] = [];
  for (let i = 0; i < tape.length; i++) {
    const pub = tape.publishMs[i] as number;
    const obs = tape.observedMs[i] as number;
    const price = tape.price[i] as number;
    if (!(obs <= pub)) errors.push(`#${i}: observed ${obs} after publish ${pub}`);
    if (!(obs >= START)) errors.push(`#${i}: observed ${obs} before the path start`);
    if (i > 0 && !(pub >= (tape.publishMs[i - 1] as number))) errors.push(`#${i}: publishMs decreased`);
    if (!(Number.isFinite(price) && price > 0)) errors.push(`#${i}: price ${price}`);
    if (!((tape.conf[i] as number) >= 0)) errors.push(`#${i}: conf ${tape.conf[i]}`);
  }
  return errors;
}

/** Perturbs prices after several τ; lists publications observed ≤ τ that changed. */
function causalityViolations(make: () => OracleModel): string[] {
  const rng = new Rng("perturb");
  const ref = rows(run(make(), grid, base));
  const errors: string[] = [];
  for (const tau of [START + 15 * MIN, START + 47.5 * MIN, START + 72 * MIN + 1, START + 100 * MIN]) {
    const moved = base.slice();
    for (let j = 0; j <= grid.steps; j++) {
      if (START + j * MIN > tau) moved[j] = (moved[j] as number) * Math.exp(0.2 * rng.normal());
    }
    const other = rows(run(make(), grid, moved));
    const early = (r: Row) => r[2] <= tau;
    if (JSON.stringify(other.filter(early)) !== JSON.stringify(ref.filter(early))) errors.push(`τ = ${tau}`);
    if (JSON.stringify(other) === JSON.stringify(ref)) errors.push(`τ = ${tau}: perturbation had no effect`);
  }
  return errors;
}

/** Reads the feed at increasing times; compares with a brute-force search of the tape. */
function feedErrors(tape: OracleTape, feed: OracleFeed): string[] {
  const r = newReading();
  const errors: string[] = [];
  let last = -1;
  for (let t = START - MIN; t <= START + 130 * MIN; t += 7_919) {
    feed.read(t, r);
    while (last + 1 < tape.length && (tape.publishMs[last + 1] as number) <= t) last++;
    if (last < 0) {
      if (r.usable || r.ageMs !== Infinity) errors.push(`t=${t}: reading before the first publication`);
      continue;
    }
    const age = t - (tape.observedMs[last] as number);
    if (feed.index !== last || r.price !== tape.price[last] || r.ageMs !== age || !(age >= 0)) {
      errors.push(`t=${t}: index ${feed.index}/${last}, age ${r.ageMs}/${age}`);
    }
  }
  return errors;
}

const cases = Object.entries(VARIANTS).flatMap(([kind, vs]) =>
  vs.flatMap((params, v) =>
    FAULTS.map((faults, f) => ({ name: `${kind}#${v} faults#${f}`, kind, params, faults })),
  ),
);

describe("oracle conformance", () => {
  it("covers every registered kind", () => {
    expect(oracleKinds.kinds().sort()).toEqual(Object.keys(VARIANTS).sort());
  });

  describe.each(cases)("$name", ({ kind, params, faults }) => {
    const model = build(kind, params, faults);
    const tape = run(model, grid, base);

    it("publishes well-formed, time-ordered publications", () => {
      expect(tape.length).toBeGreaterThan(0);
      expect(malformed(tape)).toEqual([]);
    });

    it("never reports a future price (perturb after τ: earlier observations unchanged)", () => {
      expect(causalityViolations(() => build(kind, params, faults))).toEqual([]);
    });

    it("is deterministic for the same seed", () => {
      expect(rows(run(build(kind, params, faults), grid, base))).toEqual(rows(tape));
      expect(rows(run(model, grid, base))).toEqual(rows(tape)); // reused instance, fresh path
    });

    it("feeds the latest landed publication with its age", () => {
      expect(feedErrors(tape, new OracleFeed(tape, model.consumer))).toEqual([]);
    });
  });

  it("the causality check catches a model that peeks one step ahead", () => {
    const peek: OracleModel = {
      publish: (g, price, _rng, out) => {
        for (let i = 0; i < g.steps; i++)
          out.push(g.startMs + i * g.stepMs, price[i + 1] as number, g.startMs + i * g.stepMs, 0);
      },
    };
    expect(causalityViolations(() => peek).length).toBeGreaterThan(0);
  });

  it("the ideal oracle reports the market at each grid point", () => {
    const tape = run(build("ideal", {}, []), grid, base);
    expect(tape.length).toBe(grid.steps + 1);
    for (let i = 0; i < tape.length; i++) {
      const t = tape.observedMs[i] as number;
      expect(tape.publishMs[i]).toBe(t);
      expect(tape.price[i]).toBe(base[gridIndexAtOrBefore(grid, t)]);
    }
  });
});
