/**
 * Compound v3's liquidation rule through the market, against Comet's `isLiquidatable` recomputed
 * here: an account is liquidatable iff debt·P_base > Σ collᵢ·Pᵢ·liquidateCFᵢ. For the REFERENCE
 * book (10 WETH, 17 000 USDC borrowed, liquidateCF 0.895) the boundary is at
 * P* = 17 000 / (10 · 0.895) = 1 899.44; absorb credits Σ coll·P·liquidationFactor.
 */
import { describe, expect, it } from "vitest";
import { compoundV3Kind } from "./lending-kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

function comet(collaterals: Record<string, unknown> = { WETH: {} }) {
  const w = world(["WETH", "USDC"]);
  const m = build(compoundV3Kind, { collaterals }, w, "comet");
  const user = wallet(w, "user", { WETH: 10 });
  const liq = wallet(w, "liq", { USDC: 1e7 });
  const a = m.open("user", user);
  w.prices[0] = 2100;
  w.prices[1] = 1;
  expect(m.deposit(0, a, 0, 10)).toBe(true);
  expect(m.borrow(0, a, 1, 17000, w.prices)).toBe(true);
  return { w, m, a, liq };
}

describe("Compound v3 isLiquidatable through the market", () => {
  it("flips at P* = debt / (coll · liquidateCF): safe just above, liquidatable just below", () => {
    const { w, m, a } = comet();
    const boundary = 17000 / (10 * 0.895);
    expect(boundary).toBeCloseTo(1899.44, 2);
    for (const [p, expected] of [
      [2000, false],
      [boundary * (1 + 1e-9), false],
      [boundary * (1 - 1e-9), true],
      [1890, true],
    ] as const) {
      w.prices[0] = p;
      expect(m.isLiquidatable(a, w.prices, 0)).toBe(expected);
      expect(m.healthFactor(a, w.prices)).toBeCloseTo((10 * p * 0.895) / 17000, 12);
    }
  });

  it("uses each collateral's own liquidateCF: 0.85 moves the boundary to 2 000", () => {
    const { w, m, a } = comet({ WETH: { borrowCF: 0.82, liquidateCF: 0.85 } });
    w.prices[0] = 2000 * (1 + 1e-9);
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(false);
    w.prices[0] = 2000 * (1 - 1e-9);
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(true);
  });

  it("absorb credits coll · P · liquidationFactor and leaves the excess with the account", () => {
    const { w, m, a, liq } = comet({ WETH: { liquidationFactor: 0.95 } });
    w.prices[0] = 1880;
    const o = m.liquidate(1, a, 1, 0, 0, w.prices, liq);
    expect(o.debtRepaid).toBe(17000);
    const credit = 10 * 1880 * 0.95; // 17 860
    expect(m.supplyOf(a, 1)).toBeCloseTo(credit - 17000, 9);
    expect(o.badDebtQuote).toBe(0);
    w.ledger.check("absorb");
  });
});
