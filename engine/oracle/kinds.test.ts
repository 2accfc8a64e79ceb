/**
 * Kind-specific checks against closed forms computed here, independently of the models:
 * push updates exactly on heartbeat (a flat market gives ⌊horizon/heartbeat⌋ updates) and on a
 * deviation above the threshold; TWAP equals the geometric mean of the piecewise-constant price
 * over the window; median of lagged copies equals the middle lagged price; pull's conf and
 * consumer rule; latency's fixed delay.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { TimeGrid } from "../market.js";
import { Rng } from "../rng.js";
import { OracleFeed } from "./feed.js";
import { oracleKinds } from "./registry.js";
import { newReading, type OracleModel, OracleTape } from "./types.js";

const START = 1_704_067_200_000;
const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;

function make(raw: Record<string, unknown>): OracleModel {
  const issues: Issue[] = [];
  const c = oracleKinds.read(raw, "oracle", issues);
  expect(issues).toEqual([]);
  return c!.def.create(c!.params);
}

function publish(model: OracleModel, grid: TimeGrid, price: Float64Array): OracleTape {
  const tape = new OracleTape();
  model.publish(grid, price, new Rng("k"), tape);
  return tape;
}

const flat = (n: number, v = 100) => new Float64Array(n + 1).fill(v);

describe("push", () => {
  it.each([
    [H, H, 24 * H],
    [10 * MIN, H, 24 * H],
    [H, 25 * MIN, 24 * H],
    [7 * MIN, 60 * MIN, 35 * H],
    [7 * MIN, 26 * MIN, 700 * MIN],
    [2 * H, 45 * MIN, 10 * H],
  ])("flat market, step %i ms, heartbeat %i ms: ⌊horizon/heartbeat⌋ updates", (step, hb, horizon) => {
    const grid = { startMs: START, stepMs: step, steps: horizon / step };
    const tape = publish(make({ kind: "push", heartbeat: hb, delay: "12s" }), grid, flat(grid.steps));
    // The first publication is the value already on chain at the start, not an update.
    expect(tape.length - 1).toBe(Math.floor(horizon / hb));
    expect(tape.publishMs[0]).toBe(START);
    for (let k = 1; k < tape.length; k++) {
      expect(tape.observedMs[k]).toBe(START + k * hb);
      expect(tape.publishMs[k]).toBe(START + k * hb + 12 * S);
    }
  });

  it("a jump above the deviation threshold triggers an update at the next grid point", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 30 };
    const price = flat(30);
    for (let i = 10; i <= 30; i++) price[i] = 100 * 1.006; // +0.6 % > 0.5 %
    const tape = publish(make({ kind: "push" }), grid, price);
    expect(tape.length).toBe(2);
    expect([tape.observedMs[1], tape.publishMs[1], tape.price[1]]).toEqual([
      START + 10 * MIN,
      START + 10 * MIN + 12 * S,
      100 * 1.006,
    ]);
  });

  it("a move below the threshold waits for the heartbeat", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 90 };
    const price = flat(90);
    for (let i = 10; i <= 90; i++) price[i] = 100 * 1.004;
    const tape = publish(make({ kind: "push" }), grid, price);
    expect(Array.from(tape.observedMs.subarray(0, tape.length))).toEqual([START, START + H]);
    expect(tape.price[1]).toBe(100 * 1.004);
  });

  it("deviation is measured against the on-chain value, not the previous price", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 10 };
    const price = Float64Array.from({ length: 11 }, (_, i) => 100 * 1.002 ** i); // +0.2 % a step
    const tape = publish(make({ kind: "push" }), grid, price);
    // On chain 100 → first |p/100 − 1| > 0.5 % at i = 3 (1.002³ − 1 = 0.601 %), then at i = 6, 9.
    expect(Array.from(tape.observedMs.subarray(0, tape.length), (t) => (t - START) / MIN)).toEqual([
      0, 3, 6, 9,
    ]);
  });

  it("jitter delays landing within [delay, delay + jitter) and keeps the tape ordered", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 600 };
    const rng = new Rng("walk");
    const price = flat(600);
    for (let i = 1; i <= 600; i++) price[i] = (price[i - 1] as number) * Math.exp(0.01 * rng.normal());
    const tape = publish(make({ kind: "push", delay: "12s", jitter: "2m" }), grid, price);
    for (let k = 1; k < tape.length; k++) {
      const lag = (tape.publishMs[k] as number) - (tape.observedMs[k] as number);
      const prev = tape.publishMs[k - 1] as number;
      expect(lag).toBeGreaterThanOrEqual(12 * S);
      expect(lag < 12 * S + 2 * MIN || tape.publishMs[k] === prev).toBe(true);
      expect(tape.publishMs[k]).toBeGreaterThanOrEqual(prev);
    }
  });
});

/** ∫ ln p over [a, b] of the piecewise-constant grid price (p₀ before the start), by overlaps. */
function geometricMean(grid: TimeGrid, price: Float64Array, a: number, b: number): number {
  let acc = 0;
  const before = Math.min(b, grid.startMs) - a;
  if (before > 0) acc += before * Math.log(price[0] as number);
  for (let j = 0; j <= grid.steps; j++) {
    const lo = Math.max(a, grid.startMs + j * grid.stepMs);
    const hi = Math.min(b, j === grid.steps ? Infinity : grid.startMs + (j + 1) * grid.stepMs);
    if (hi > lo) acc += (hi - lo) * Math.log(price[j] as number);
  }
  return Math.exp(acc / (b - a));
}

describe("twap", () => {
  const grid = { startMs: START, stepMs: 10 * MIN, steps: 40 };
  const rng = new Rng("twap");
  const price = Float64Array.from({ length: 41 }, () => 1500 * Math.exp(0.3 * rng.normal()));

  it("at grid points with a 3-step window: the cube root of the three previous prices", () => {
    const tape = publish(make({ kind: "twap", window: "30m" }), grid, price);
    expect(tape.length).toBe(41);
    for (let i = 3; i <= 40; i++) {
      const want = Math.cbrt((price[i - 3] as number) * (price[i - 2] as number) * (price[i - 1] as number));
      expect(tape.price[i]).toBeCloseTo(want, 9);
    }
    expect(tape.price[0]).toBeCloseTo(price[0] as number, 9); // history before the start = start price
  });

  it("off-grid ticks: equals the overlap-weighted geometric mean", () => {
    const tape = publish(make({ kind: "twap", window: "25m", interval: "7m" }), grid, price);
    expect(tape.length).toBe(Math.floor((400 * MIN) / (7 * MIN)) + 1);
    for (let k = 0; k < tape.length; k++) {
      const s = tape.publishMs[k] as number;
      expect(s).toBe(START + 7 * MIN * k);
      expect(tape.price[k] as number).toBeCloseTo(geometricMean(grid, price, s - 25 * MIN, s), 8);
    }
  });

  it("ticks: 1.0001^⌊mean tick⌋, with each price's tick ⌊log₁.₀₀₀₁ p⌋", () => {
    const tape = publish(make({ kind: "twap", window: "30m", ticks: true }), grid, price);
    const tick = (p: number) => Math.floor(Math.log(p) / Math.log(1.0001));
    for (let i = 3; i <= 40; i++) {
      const sum = tick(price[i - 3] as number) + tick(price[i - 2] as number) + tick(price[i - 1] as number);
      expect(tape.price[i] as number).toBeCloseTo(1.0001 ** Math.floor(sum / 3), 6);
    }
  });
});

describe("median", () => {
  it("noise-free lagged copies: the median of the lagged prices", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 50 };
    const price = Float64Array.from({ length: 51 }, (_, i) => 100 + ((i * 37) % 11));
    const tape = publish(
      make({ kind: "median", sources: 3, latencyMs: [0, 60000, 120000], noiseBps: [0] }),
      grid,
      price,
    );
    for (let i = 0; i <= 50; i++) {
      const lagged = [price[i], price[Math.max(i - 1, 0)], price[Math.max(i - 2, 0)]] as number[];
      lagged.sort((a, b) => a - b);
      expect(tape.price[i]).toBe(lagged[1]);
      expect(tape.observedMs[i]).toBe(START + i * MIN);
    }
  });

  it("noisy sources stay within a few noise widths of the market", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 200 };
    const tape = publish(make({ kind: "median", noiseBps: [10] }), grid, flat(200));
    for (let i = 0; i < tape.length; i++)
      expect(Math.abs((tape.price[i] as number) / 100 - 1)).toBeLessThan(0.005);
  });
});

describe("pull", () => {
  it("conf = price·(confBps/10⁴ + mult·|last log return|); the consumer rule is exposed", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 5 };
    const price = Float64Array.from([100, 101, 99, 99, 120, 118]);
    const model = make({ kind: "pull", confBps: 5, confReturnMult: 0.5 });
    expect(model.consumer).toEqual({ maxAgeMs: 120 * S, maxConfRatio: 0.1 });
    const tape = publish(model, grid, price);
    expect(tape.length).toBe(6); // 1 s ticks, one per grid point
    for (let i = 0; i <= 5; i++) {
      const r = i === 0 ? 0 : Math.abs(Math.log((price[i] as number) / (price[i - 1] as number)));
      expect(tape.conf[i] as number).toBeCloseTo((price[i] as number) * (0.0005 + 0.5 * r), 12);
      expect(tape.publishMs[i]).toBe(START + i * MIN);
    }
  });

  it("readings older than maxAge or wider than maxConfRatio are unusable", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 10 };
    const model = make({ kind: "pull", interval: "5m", confBps: 500, maxAge: "120s", maxConfRatio: 0.1 });
    const tape = publish(model, grid, flat(10));
    const feed = new OracleFeed(tape, model.consumer);
    const r = newReading();
    expect(feed.read(START + 120 * S, r).usable).toBe(true);
    expect(feed.read(START + 121 * S, r).usable).toBe(false);
    expect(feed.read(START + 5 * MIN, r)).toEqual({ price: 100, ageMs: 0, conf: 5, usable: true });
    const wide = make({ kind: "pull", confBps: 1001 });
    const feed2 = new OracleFeed(publish(wide, grid, flat(10)), wide.consumer);
    expect(feed2.read(START, r).usable).toBe(false);
  });
});

describe("latency", () => {
  it("the value observed at τ lands at τ + delay", () => {
    const grid = { startMs: START, stepMs: MIN, steps: 10 };
    const price = Float64Array.from({ length: 11 }, (_, i) => 50 + i);
    const tape = publish(make({ kind: "latency", delay: "90s" }), grid, price);
    for (let i = 0; i <= 10; i++) {
      expect([tape.observedMs[i], tape.publishMs[i], tape.price[i]]).toEqual([
        START + i * MIN,
        START + i * MIN + 90 * S,
        50 + i,
      ]);
    }
    const r = newReading();
    expect(new OracleFeed(tape).read(START + 89 * S, r)).toEqual(newReading()); // nothing landed yet
  });
});
