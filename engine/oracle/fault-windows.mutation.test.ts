/**
 * Fault windows at their edges, on the ideal oracle over a 1-minute grid (publication i at minute
 * i): an outage drops [from, to) and keeps both neighbours; a stuck window from the path start
 * freezes the first value in it; a spike starting between grid points covers the grid points in
 * its window, and one at the path's end stops at the last point; windows must end after they
 * start, and a spike takes exactly one of `for` and `blocks`.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { Rng } from "../rng.js";
import { createOracle, readOracle } from "./registry.js";
import { OracleTape } from "./types.js";

const START = 1_704_067_200_000;
const MIN = 60_000;
const grid = { startMs: START, stepMs: MIN, steps: 20 };
const price = Float64Array.from({ length: 21 }, (_, i) => 100 + i);

function ideal(fault: Record<string, unknown>): OracleTape {
  const issues: Issue[] = [];
  const c = readOracle({ kind: "ideal", faults: [fault] }, "oracle", issues);
  expect(issues).toEqual([]);
  const tape = new OracleTape();
  createOracle(c!).publish(grid, price, new Rng("w"), tape);
  return tape;
}

const minutes = (tape: OracleTape) =>
  Array.from(tape.publishMs.subarray(0, tape.length), (t) => (t - START) / MIN);
const prices = (tape: OracleTape) => Array.from(tape.price.subarray(0, tape.length));

describe("fault windows", () => {
  it("outage [5 m, 8 m): minutes 5, 6, 7 are dropped, 4 and 8 land", () => {
    const m = minutes(ideal({ kind: "outage", from: "5m", to: "8m" }));
    expect(m).toEqual([0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it("stuck from the path start: the first value in the window holds until `to`", () => {
    const p = prices(ideal({ kind: "stuck", from: 0, to: "3m" }));
    expect(p.slice(0, 5)).toEqual([100, 100, 100, 103, 104]);
  });

  it("stuck [5 m, 8 m): 104 is reported at minutes 5, 6, 7; minute 8 is fresh", () => {
    const p = prices(ideal({ kind: "stuck", from: "5m", to: "8m" }));
    expect(p.slice(3, 10)).toEqual([103, 104, 104, 104, 104, 108, 109]);
  });

  it("spike from 4.5 m for 2 m covers grid points 5 and 6", () => {
    const p = prices(ideal({ kind: "spike", from: "270s", for: "2m", size: 1 }));
    expect(p.slice(3, 9)).toEqual([103, 104, 210, 212, 107, 108]);
  });

  it("spike at the path's end stops at the last grid point", () => {
    const p = prices(ideal({ kind: "spike", from: "19m", for: "10m", size: -0.5 }));
    expect(p.slice(17)).toEqual([117, 118, 59.5, 60]);
    expect(p.length).toBe(21);
  });

  it("spike for 3 blocks of 1 min covers 3 grid points", () => {
    const p = prices(ideal({ kind: "spike", from: "2m", blocks: 3, blockMs: "1m", size: 1 }));
    expect(p.slice(1, 6)).toEqual([101, 204, 206, 208, 105]);
  });
});

describe("fault checks", () => {
  const issuesOf = (fault: Record<string, unknown>) => {
    const issues: Issue[] = [];
    readOracle({ kind: "ideal", faults: [fault] }, "oracle", issues);
    return issues;
  };

  it("a window must end after it starts", () => {
    const equal = issuesOf({ kind: "outage", from: "1h", to: "1h" });
    expect(equal.map((i) => [i.code, i.path])).toEqual([["out_of_range", "oracle.faults[0].to"]]);
    expect(equal[0]?.message).toBe("found 3600000 ms; allowed: after from (3600000 ms)");
    expect(issuesOf({ kind: "stuck", from: "1h", to: "61m" })).toEqual([]);
  });

  it("a spike takes exactly one of for and blocks", () => {
    for (const both of [{}, { for: "1m", blocks: 2 }]) {
      const issues = issuesOf({ kind: "spike", from: 0, size: 0.1, ...both });
      expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([
        ["missing", "oracle.faults[0].for", "give exactly one of for, blocks"],
      ]);
    }
    expect(issuesOf({ kind: "spike", from: 0, size: 0.1, blocks: 2 })).toEqual([]);
  });

  it("every fault kind and parameter is documented", () => {
    const issues: Issue[] = [];
    const c = readOracle(
      { kind: "ideal", faults: [{ kind: "spike", from: 0, for: "1m", size: 1 }] },
      "o",
      issues,
    );
    const def = c!.faults[0]!.def;
    expect(def.summary.length).toBeGreaterThan(20);
    for (const spec of Object.values(def.params)) expect(spec.description.length).toBeGreaterThan(5);
    expect(c!.faults[0]!.params["blockMs"]).toBe(12_000);
  });
});
