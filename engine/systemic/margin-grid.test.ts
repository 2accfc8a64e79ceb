/**
 * The scenario grids against REFERENCE "Portfolio (unified) margin": SPAN's 16 risk scenarios
 * (1–2: price 0, vol ±1; 3–6: ±1/3, vol ±1; 7–10: ±2/3; 11–14: ±1; 15–16: ±2 scan ranges, vol
 * unchanged, 35 % of the loss) and Deribit S:PM's 9 buckets over ±16 % × 3 vol scenarios plus the
 * extended moves on vol-up.
 */
import { describe, expect, it } from "vitest";
import { DERIBIT_EXTENDED_MOVES, deribitGrid, spanGrid, worstLoss } from "./margin-grid.js";

const PARAMS = { priceScan: 0.3, volUp: 0.25, volDown: 0.1, extremeMove: 2, extremeFraction: 0.35 };

describe("SPAN's 16 scenarios", () => {
  it("match the standard table: price multiples, vol moves and the 35 % extreme weight", () => {
    const g = spanGrid(PARAMS);
    const third = 1 / 3;
    const priceMultiples = [0, 0, third, third, -third, -third, 2 * third, 2 * third];
    priceMultiples.push(-2 * third, -2 * third, 1, 1, -1, -1, 2, -2);
    expect(g.price.length).toBe(16);
    priceMultiples.forEach((m, i) => {
      expect(g.price[i]).toBeCloseTo(m * 0.3, 12);
    });
    const vol = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 0, 0];
    vol.forEach((v, i) => {
      expect(g.vol[i]).toBeCloseTo(v * 0.25, 12);
    });
    expect(Array.from(g.weight)).toEqual([...Array(14).fill(1), 0.35, 0.35]);
  });

  it("charges a linear position the scan range, or the weighted extreme move when larger", () => {
    // 2 × 0.3 × 0.35 = 0.21 < 0.3: the ±1 scenarios bind; a short loses on the rise alike.
    expect(worstLoss(spanGrid(PARAMS), 1000)).toBeCloseTo(300, 9);
    expect(worstLoss(spanGrid(PARAMS), -1000)).toBeCloseTo(300, 9);
    // With an extreme move of 3 scan ranges: 3 × 0.3 × 0.35 = 0.315 > 0.3.
    expect(worstLoss(spanGrid({ ...PARAMS, extremeMove: 3 }), 1000)).toBeCloseTo(315, 9);
    expect(worstLoss(spanGrid(PARAMS), 0)).toBe(0);
  });
});

describe("Deribit S:PM's grid", () => {
  it("has 9 buckets over ±price_range with up/same/down vol, then the extended moves on vol-up", () => {
    const g = deribitGrid({ ...PARAMS, priceScan: 0.16, volUp: 0.5, volDown: 0.25 });
    expect(g.price.length).toBe(27 + DERIBIT_EXTENDED_MOVES.length);
    const buckets = [-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16];
    buckets.forEach((p, b) => {
      for (let v = 0; v < 3; v++) expect(g.price[3 * b + v]).toBeCloseTo(p, 12);
      expect([g.vol[3 * b], g.vol[3 * b + 1], g.vol[3 * b + 2]]).toEqual([0.5, 0, -0.25]);
    });
    expect(Array.from(g.price.subarray(27))).toEqual(DERIBIT_EXTENDED_MOVES);
    expect(Array.from(g.weight.subarray(27))).toEqual(DERIBIT_EXTENDED_MOVES.map(() => 0.35));
    // Long: max(0.16, 0.66 × 0.35 = 0.231); short: max(0.16, 5 × 0.35 = 1.75).
    expect(worstLoss(g, 1000)).toBeCloseTo(231, 9);
    expect(worstLoss(g, -1000)).toBeCloseTo(1750, 9);
  });
});
