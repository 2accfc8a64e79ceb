/**
 * Edges of what a consumer reads: a confidence exactly at the rule's ratio is accepted (the rule
 * rejects conf/price above it), a time-weighted mean over no publication is NaN, and the oracle
 * section's errors name the oracle registry and the fault kinds allowed.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { isUsable, timeWeightedMean } from "./feed.js";
import { readOracle } from "./registry.js";

describe("consumer edges", () => {
  it("accepts conf = maxConfRatio·price and age = maxAge; rejects just above either", () => {
    const rule = { maxAgeMs: 1000, maxConfRatio: 0.5 };
    expect(isUsable(100, 1000, 50, rule)).toBe(true);
    expect(isUsable(100, 1000, 50.000001, rule)).toBe(false);
    expect(isUsable(100, 1001, 50, rule)).toBe(false);
  });

  it("a time-weighted mean of no publication is NaN", () => {
    expect(timeWeightedMean([10], [100], 0, 0, 50)).toBeNaN();
  });
});

describe("oracle section errors", () => {
  it("an unknown kind names the oracle registry; faults that are not a list name the fault kinds", () => {
    const issues: Issue[] = [];
    readOracle({ kind: "nope" }, "oracle", issues);
    readOracle({ kind: "ideal", faults: "outage" }, "oracle", issues);
    expect(issues[0]?.message).toContain('unknown oracle "nope"');
    expect(issues[1]?.message).toBe('found "outage"; allowed: a list of faults (outage, stuck, spike)');
  });
});
