/**
 * The values of the stateless impact laws, against their documented formulas computed here from
 * first principles (not only their shape):
 * - square-root law I = Y · σ_daily · √(Q/V) with Q = |qty|·mid, the order's notional in quote, and
 *   V the daily volume in quote (Tóth et al. 2011; REFERENCE: Execution costs);
 * - σ_daily = σ_annual · √(1/365): crypto trades every day of the year;
 * - linear I = coefficient · Q / V.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { dailyVolFromAnnual, LinearImpact, SqrtImpact } from "./impact-basic.js";
import { quoteFill } from "./quote.js";
import { impactKinds } from "./registry.js";
import type { ImpactModel } from "./types.js";

function impactOf(raw: Record<string, unknown>): ImpactModel {
  const issues: Issue[] = [];
  const c = impactKinds.read(raw, "impact", issues);
  expect(issues).toEqual([]);
  return c!.def.create(c!.params);
}

describe("dailyVolFromAnnual", () => {
  it("scales by √(1/365): 80 %/yr is 4.187 %/day, 100 %/yr is 5.234 %/day", () => {
    expect(dailyVolFromAnnual(0.8)).toBeCloseTo(0.8 / Math.sqrt(365), 15);
    expect(dailyVolFromAnnual(0.8)).toBeCloseTo(0.041874, 6);
    expect(dailyVolFromAnnual(1)).toBeCloseTo(0.052342, 6);
    expect(dailyVolFromAnnual(0)).toBe(0);
  });

  it("is linear: a year of daily variances adds up to the annual variance", () => {
    for (const annual of [0.1, 0.5, 0.8, 2.5]) {
      expect(365 * dailyVolFromAnnual(annual) ** 2).toBeCloseTo(annual ** 2, 12);
    }
  });
});

describe("square-root impact value", () => {
  // 10 ETH at 2 000: Q = 20 000 quote against V = 5e8, so √(Q/V) = √(4e-5) = 0.0063246.
  it("Y 0.7, σ_daily 0.05, 10 units at 2 000, V 5e8: I = 0.7 · 0.05 · √(20 000 / 5e8) = 2.2136e-4", () => {
    const m = new SqrtImpact(0.7, 0.05, 5e8);
    const expected = 0.7 * 0.05 * Math.sqrt((10 * 2000) / 5e8);
    expect(expected).toBeCloseTo(2.2136e-4, 8);
    expect(m.impact(10, 2000)).toBeCloseTo(expected, 15);
    expect(m.impact(-10, 2000)).toBeCloseTo(expected, 15);
  });

  it("depends on notional only: 1 unit at 20 000 costs what 10 units at 2 000 cost", () => {
    const m = new SqrtImpact(1, 0.04, 1e9);
    expect(m.impact(1, 20_000)).toBeCloseTo(m.impact(10, 2000), 15);
    // Base units alone would give √10 times less for the single unit.
    expect(m.impact(1, 20_000)).toBeCloseTo(0.04 * Math.sqrt(20_000 / 1e9), 15);
  });

  it("from the registry with annualVol: Y · annualVol/√365 · √(Q/V)", () => {
    const m = impactOf({ kind: "sqrt", coefficient: 0.5, annualVol: 0.9, dailyVolume: 2e8 });
    const q = 3 * 65_000;
    expect(m.impact(3, 65_000, 0)).toBeCloseTo(0.5 * (0.9 / Math.sqrt(365)) * Math.sqrt(q / 2e8), 15);
  });

  it("with the defaults (Y 0.7, 80 %/yr, V 5e8) a 1 M quote order costs 13.1 bps", () => {
    const m = impactOf({ kind: "sqrt" });
    const i = m.impact(500, 2000, 0);
    expect(i).toBeCloseTo(0.7 * (0.8 / Math.sqrt(365)) * Math.sqrt(1e6 / 5e8), 15);
    expect(i * 1e4).toBeCloseTo(13.11, 2);
  });

  it("dailyVol overrides annualVol", () => {
    const m = impactOf({ kind: "sqrt", coefficient: 1, annualVol: 5, dailyVol: 0.02, dailyVolume: 1e6 });
    expect(m.impact(1, 10_000, 0)).toBeCloseTo(0.02 * Math.sqrt(0.01), 15);
  });

  it("fills at mid·(1 ± I) with slippage Q·I in quote", () => {
    const m = new SqrtImpact(0.7, 0.05, 5e8);
    const i = 0.7 * 0.05 * Math.sqrt(20_000 / 5e8);
    const buy = quoteFill(10, 2000, 0, m, { maker: 0, taker: 0 });
    expect(buy.avgPrice).toBeCloseTo(2000 * (1 + i), 10);
    expect(buy.slippageQuote).toBeCloseTo(20_000 * i, 10);
    expect(quoteFill(-10, 2000, 0, m, { maker: 0, taker: 0 }).avgPrice).toBeCloseTo(2000 * (1 - i), 10);
  });
});

describe("linear impact value", () => {
  it("coefficient 1: trading 1 % of daily volume costs 1 % of the price, whatever the unit price", () => {
    const m = new LinearImpact(1, 1e8);
    expect(m.impact(500, 2000)).toBeCloseTo(0.01, 15);
    expect(m.impact(-50, 20_000)).toBeCloseTo(0.01, 15);
    expect(impactOf({ kind: "linear", coefficient: 0.3, dailyVolume: 4e6 }).impact(2, 1000, 0)).toBeCloseTo(
      (0.3 * 2000) / 4e6,
      15,
    );
  });
});
