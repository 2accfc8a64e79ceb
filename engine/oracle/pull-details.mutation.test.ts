/**
 * The pull oracle's schedule and consumer rule against values worked out by hand: ticks that would
 * observe the same grid point again are elided (interval 20 s on a 1-minute grid publishes at the
 * grid points only), ticks sparser than the grid each observe the grid point at or before them,
 * conf widens with the last step's |log return| from the second grid point on, and the documented
 * defaults (Solend's 120 s and 10 %).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { Rng } from "../rng.js";
import { PullOracle } from "./pull.js";
import { oracleKinds } from "./registry.js";
import { NO_CONSUMER_RULE, OracleTape } from "./types.js";

const START = 1_704_067_200_000;
const S = 1_000;
const grid = { startMs: START, stepMs: 60 * S, steps: 4 };
const price = Float64Array.from([100, 110, 99, 99, 120]);

function publish(intervalMs: number, confBps = 0, mult = 0): OracleTape {
  const tape = new OracleTape();
  new PullOracle(intervalMs, confBps, mult, NO_CONSUMER_RULE).publish(grid, price, new Rng("pull"), tape);
  return tape;
}

const col = (tape: OracleTape, key: "publishMs" | "price" | "observedMs" | "conf") => [
  ...tape[key].subarray(0, tape.length),
];

describe("pull schedule", () => {
  it("interval 20 s on a 1-minute grid: one publication per grid point, at the grid point", () => {
    const tape = publish(20 * S);
    expect(col(tape, "publishMs")).toEqual([0, 1, 2, 3, 4].map((i) => START + i * 60 * S));
    expect(col(tape, "observedMs")).toEqual(col(tape, "publishMs"));
    expect(col(tape, "price")).toEqual([100, 110, 99, 99, 120]);
  });

  it("interval 90 s: ticks at 0, 90, 180 s observe grid points 0, 1, 3", () => {
    const tape = publish(90 * S);
    expect(col(tape, "publishMs")).toEqual([0, 90, 180].map((s) => START + s * S));
    expect(col(tape, "price")).toEqual([100, 110, 99]);
  });

  it("conf = p·(confBps/10⁴ + mult·|ln(p_j/p_{j−1})|), with no return at the first grid point", () => {
    const tape = publish(0, 5, 2);
    const want = [0, Math.log(1.1), Math.log(110 / 99), 0, Math.log(120 / 99)].map(
      (r, j) => (price[j] as number) * (5e-4 + 2 * r),
    );
    const got = col(tape, "conf");
    for (let j = 0; j < 5; j++) expect(got[j]).toBeCloseTo(want[j] as number, 12);
  });
});

describe("pull defaults", () => {
  it("every second, 5 bps, no widening; consumers reject readings older than 120 s or wider than 10 %", () => {
    const issues: Issue[] = [];
    const c = oracleKinds.read({ kind: "pull" }, "oracle", issues)!;
    expect(issues).toEqual([]);
    expect(c.params).toEqual({
      interval: 1000,
      confBps: 5,
      confReturnMult: 0,
      maxAge: 120_000,
      maxConfRatio: 0.1,
    });
    const model = c.def.create(c.params) as PullOracle;
    expect(model.consumer).toEqual({ maxAgeMs: 120_000, maxConfRatio: 0.1 });
    expect([model.intervalMs, model.confBps, model.confReturnMult]).toEqual([1000, 5, 0]);
  });
});
