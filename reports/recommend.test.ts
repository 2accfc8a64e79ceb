/**
 * The recommendation rule (reports/recommend.ts) on hand-made points tables: closed-form Wilson
 * bounds, the axis roles, the worst case over stress points and the "every lower LT acceptable
 * too" rule, each expected value worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { Z95 } from "./estimators.js";
import {
  axisRoles,
  normalQuantile,
  pathsNeeded,
  pointVerdicts,
  type RecommendSpec,
  recommend,
  upperBound,
} from "./recommend.js";
import type { ColumnTable } from "./types.js";

const SPEC: RecommendSpec = { metric: "loss", target: 0.001, maxProbability: 0.01, confidence: 0.95 };
const LT = "venues.lend.assets.ETH.lt";
const BONUS = "venues.lend.assets.ETH.bonus";
const STRESS = "market.presets";

describe("bounds", () => {
  it("inverts the normal distribution to published quantiles", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("gives the one-sided Wilson bound z²/(n + z²) at no exceeding path, and the exact value for a replay", () => {
    const z = 1.6448536269514722;
    expect(upperBound(0, 100, true, 0.95)).toBeCloseTo((z * z) / (100 + z * z), 12);
    // k = 1 of 10 at z: centre (0.1 + z²/20)/(1 + z²/10), half z/(1 + z²/10)·√(0.009 + z²/400).
    const d = 1 + (z * z) / 10;
    const hand = (0.1 + (z * z) / 20) / d + (z / d) * Math.sqrt(0.009 + (z * z) / 400);
    expect(upperBound(1, 10, true, 0.95)).toBeCloseTo(hand, 12);
    expect(upperBound(0, 7, false, 0.95)).toBe(0);
    expect(upperBound(7, 7, false, 0.95)).toBe(1);
    expect(upperBound(3, 10, true, 0.5)).toBe(0.3);
  });

  it("needs n > z²(1 − m)/m paths before a clean Monte-Carlo point can pass: 268 at 95 % and 1 %", () => {
    // 1.6448536² · 0.99 / 0.01 = 267.85 ⇒ 268.
    expect(pathsNeeded(SPEC)).toBe(268);
    expect(upperBound(0, 268, true, 0.95)).toBeLessThan(0.01);
    expect(upperBound(0, 267, true, 0.95)).toBeGreaterThanOrEqual(0.01);
  });
});

describe("axis roles", () => {
  it("tells LT, design and stress parameters apart", () => {
    const r = axisRoles([
      LT,
      BONUS,
      "cascade.closeFactor",
      "cascade.rule",
      STRESS,
      "population.generate.hfMedian",
    ]);
    expect(r.lt).toEqual([{ param: LT, venue: "lend", asset: "ETH" }]);
    expect(r.design).toEqual([BONUS, "cascade.closeFactor", "cascade.rule"]);
    expect(r.stress).toEqual([STRESS, "population.generate.hfMedian"]);
  });
});

/** Points over LT × bonus × stress with `k` exceeding paths of 1 000 each (sampled). */
function table(
  lts: number[],
  bonuses: number[],
  stresses: string[],
  k: (lt: number, b: number, s: string) => number,
): ColumnTable {
  const rows = lts.flatMap((lt) => bonuses.flatMap((b) => stresses.map((s) => ({ lt, b, s }))));
  return {
    length: rows.length,
    columns: {
      [LT]: Float64Array.from(rows, (r) => r.lt),
      [BONUS]: Float64Array.from(rows, (r) => r.b),
      [STRESS]: rows.map((r) => r.s),
      "p_loss_above_target.exceeding": Float64Array.from(rows, (r) => k(r.lt, r.b, r.s)),
      "p_loss_above_target.paths": Float64Array.from(rows, () => 1000),
      "p_loss_above_target.sampled": Float64Array.from(rows, () => 1),
    },
  };
}

describe("recommend", () => {
  // With n = 1000 and z = 1.645: k = 0 ⇒ bound 0.0027, k = 2 ⇒ 0.0063, k = 5 ⇒ 0.0105 (fails 1 %).
  it("takes the worst stress point and the highest acceptable LT, listing the failing ones below it", () => {
    const k = (lt: number, b: number, s: string) => {
      if (s === "calm") return 0;
      if (b === 0.05) return lt <= 0.8 ? 2 : 5; // fails from 0.85 up
      return lt === 0.8 ? 5 : 0; // fails at 0.8 only: 0.85 is recommended, 0.8 listed below it
    };
    const t = table([0.75, 0.8, 0.85], [0.05, 0.1], ["calm", "crash"], k);
    const { upper, acceptable } = pointVerdicts(t, SPEC);
    expect(Array.from(acceptable).filter((a) => a === 0)).toHaveLength(2);
    const recs = recommend(t, [LT, BONUS, STRESS], upper, SPEC);
    expect(recs.map((r) => [r.design[BONUS], r.lt, r.nextLt, r.failingBelow])).toEqual([
      ["0.05", 0.8, 0.85, []],
      ["0.1", 0.85, null, [0.8]],
    ]);
    // The binding row above 0.8 at bonus 0.05 is the crash point, not the calm one.
    expect(t.columns[STRESS]?.[recs[0]?.next as number]).toBe("crash");
  });

  it("recommends none when the lowest LT already fails, and the top LT when none fails", () => {
    const t = table([0.7, 0.8], [0.05, 0.1], ["crash"], (_lt, b) => (b === 0.05 ? 9 : 0));
    const { upper } = pointVerdicts(t, SPEC);
    const recs = recommend(t, [LT, BONUS, STRESS], upper, SPEC);
    expect(recs.map((r) => [r.lt, r.nextLt])).toEqual([
      [null, 0.7],
      [0.8, null],
    ]);
  });
});
