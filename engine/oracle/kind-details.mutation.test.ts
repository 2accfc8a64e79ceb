/**
 * Details of the simple oracle kinds against values worked out by hand: the median of odd and even
 * counts in any input order, the median oracle's delay, its observation time (the freshest
 * source's) and its per-source lists; the publication schedule's tick count, tick times and first
 * tick at or after a time; the latency oracle's delay; the kinds' documented defaults and push's
 * consumer rule.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { TimeGrid } from "../market.js";
import { Rng } from "../rng.js";
import { median } from "./median.js";
import { oracleKinds } from "./registry.js";
import { firstTickAtOrAfter, tickCount, tickTime } from "./schedule.js";
import { type OracleModel, OracleTape } from "./types.js";

const START = 1_704_067_200_000;
const MIN = 60_000;

function read(raw: Record<string, unknown>) {
  const issues: Issue[] = [];
  const c = oracleKinds.read(raw, "oracle", issues);
  return { c, issues };
}

function publish(raw: Record<string, unknown>, grid: TimeGrid, price: Float64Array): OracleTape {
  const { c, issues } = read(raw);
  expect(issues).toEqual([]);
  const tape = new OracleTape();
  (c!.def.create(c!.params) as OracleModel).publish(grid, price, new Rng("details"), tape);
  return tape;
}

describe("median()", () => {
  const m = (xs: number[]) => median(Float64Array.from(xs));

  it("odd counts: the middle value whatever the order", () => {
    expect(m([7])).toBe(7);
    expect(m([3, 1, 2])).toBe(2);
    expect(m([5, 4, 3, 2, 1])).toBe(3);
    expect(m([1, 5, 2, 4, 3])).toBe(3);
    expect(m([2, 9, 9, 1, 9])).toBe(9);
  });

  it("even counts: the mean of the two middle values", () => {
    expect(m([4, 1, 3, 2])).toBe(2.5);
    expect(m([6, 5, 4, 3, 2, 1])).toBe(3.5);
    expect(m([10, 20])).toBe(15);
    expect(m([1, 1, 2, 2])).toBe(1.5);
  });

  it("sorts its argument in place", () => {
    const v = Float64Array.from([3, -1, 2, 0]);
    median(v);
    expect([...v]).toEqual([-1, 0, 2, 3]);
  });
});

describe("median oracle", () => {
  const grid = { startMs: START, stepMs: MIN, steps: 10 };
  const price = Float64Array.from({ length: 11 }, (_, i) => 100 + i);

  it("publishes delay after each tick, observed at the freshest source's time", () => {
    // Latencies 1, 2 and 4 minutes: at tick i the sources see i − 1, i − 2, i − 4 (floored at 0).
    const tape = publish(
      { kind: "median", sources: 3, latencyMs: [60_000, 120_000, 240_000], noiseBps: [0], delay: "30s" },
      grid,
      price,
    );
    expect(tape.length).toBe(11);
    for (let i = 0; i <= 10; i++) {
      expect(tape.publishMs[i]).toBe(START + i * MIN + 30_000);
      expect(tape.observedMs[i]).toBe(START + Math.max(i - 1, 0) * MIN);
      expect(tape.price[i]).toBe(100 + Math.max(i - 2, 0));
    }
  });

  it("a source reports p·(1 + noiseBps/10⁴·z), one standard normal draw per source and tick", () => {
    // Two sources with 100 and 0 bps of noise: the draws of the oracle's stream alternate between
    // them (the silent source draws too), so tick i uses the (2i)-th draw of the same stream.
    const tape = publish({ kind: "median", sources: 2, latencyMs: [0], noiseBps: [100, 0] }, grid, price);
    const rng = new Rng("details");
    for (let i = 0; i <= 10; i++) {
      const z = rng.normal();
      rng.normal();
      const p = price[i] as number;
      expect(tape.price[i]).toBeCloseTo((p * (1 + 0.01 * z) + p) / 2, 9);
    }
  });

  it("every interval, a single latency for all sources", () => {
    const tape = publish(
      { kind: "median", sources: 4, latencyMs: [120_000], noiseBps: [0], interval: "3m" },
      grid,
      price,
    );
    expect([...tape.publishMs.subarray(0, tape.length)]).toEqual([0, 3, 6, 9].map((k) => START + k * MIN));
    expect([...tape.price.subarray(0, tape.length)]).toEqual([100, 101, 104, 107]);
  });

  it("one list value per source or one for all; other lengths are refused by name", () => {
    const { issues } = read({ kind: "median", sources: 3, latencyMs: [0, 1], noiseBps: [1, 2, 3, 4] });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["oracle.latencyMs", "wrong_length"],
      ["oracle.noiseBps", "wrong_length"],
    ]);
    expect(issues[0]?.message).toBe("found 2 values; allowed: 1 (same for all) or 3 (one per source)");
    expect(read({ kind: "median", sources: 3, latencyMs: [0, 1, 2], noiseBps: [1] }).issues).toEqual([]);
  });

  it("defaults: 5 sources, no latency, 10 bps of noise, every grid point, no delay", () => {
    expect(read({ kind: "median" }).c!.params).toEqual({
      sources: 5,
      latencyMs: [0],
      noiseBps: [10],
      interval: 0,
      delay: 0,
    });
  });
});

describe("schedule", () => {
  const grid = { startMs: START, stepMs: 10 * MIN, steps: 6 }; // one hour

  it("interval 0 ticks at every grid point", () => {
    expect(tickCount(grid, 0)).toBe(7);
    expect(tickTime(grid, 0, 4)).toBe(START + 40 * MIN);
    expect(firstTickAtOrAfter(grid, 0, START + 25 * MIN)).toBe(3);
  });

  it("interval 7 min over one hour: ticks at 0, 7, …, 56 min", () => {
    expect(tickCount(grid, 7 * MIN)).toBe(9);
    expect(tickTime(grid, 7 * MIN, 8)).toBe(START + 56 * MIN);
    expect(firstTickAtOrAfter(grid, 7 * MIN, START + 14 * MIN)).toBe(2);
    expect(firstTickAtOrAfter(grid, 7 * MIN, START + 14 * MIN + 1)).toBe(3);
    expect(firstTickAtOrAfter(grid, 7 * MIN, START - 5 * MIN)).toBe(0);
  });
});

describe("latency and ideal oracles", () => {
  const grid = { startMs: START, stepMs: MIN, steps: 3 };
  const price = Float64Array.from([10, 11, 12, 13]);

  it("latency: default 12 s; the value observed at τ lands at τ + delay", () => {
    expect(read({ kind: "latency" }).c!.params).toEqual({ delay: 12_000 });
    const tape = publish({ kind: "latency", delay: "1h" }, grid, price);
    expect([...tape.publishMs.subarray(0, 4)]).toEqual([0, 1, 2, 3].map((i) => START + i * MIN + 3_600_000));
    expect([...tape.observedMs.subarray(0, 4)]).toEqual([0, 1, 2, 3].map((i) => START + i * MIN));
    expect([...tape.price.subarray(0, 4)]).toEqual([10, 11, 12, 13]);
  });

  it("ideal: every grid point at once", () => {
    const tape = publish({ kind: "ideal" }, grid, price);
    expect(tape.length).toBe(4);
    expect([...tape.publishMs.subarray(0, 4)]).toEqual([...tape.observedMs.subarray(0, 4)]);
    expect(tape.publishMs[3]).toBe(START + 3 * MIN);
  });

  it("push defaults: Chainlink ETH/USD's 0.5 % and 1 h, 12 s to land; maxAge sets the consumer rule", () => {
    const plain = read({ kind: "push" }).c!;
    expect(plain.params).toEqual({ deviation: 0.005, heartbeat: 3_600_000, delay: 12_000, jitter: 0 });
    expect(plain.def.create(plain.params).consumer).toEqual({ maxAgeMs: Infinity, maxConfRatio: Infinity });
    const aged = read({ kind: "push", maxAge: "65m" }).c!;
    expect(aged.def.create(aged.params).consumer).toEqual({ maxAgeMs: 3_900_000, maxConfRatio: Infinity });
  });

  it("twap defaults: a 30-minute window, read at every grid point, no tick rounding", () => {
    expect(read({ kind: "twap" }).c!.params).toEqual({ window: 1_800_000, interval: 0, ticks: false });
    expect(read({ kind: "twap", window: 0 }).issues.map((i) => [i.code, i.path])).toEqual([
      ["out_of_range", "oracle.window"],
    ]);
  });

  it("every kind and parameter is documented", () => {
    for (const def of oracleKinds.list()) {
      expect(def.summary.length).toBeGreaterThan(20);
      if (def.source !== undefined) expect(def.source.length).toBeGreaterThan(10);
      for (const spec of Object.values(def.params)) expect(spec.description.length).toBeGreaterThan(10);
    }
  });
});
