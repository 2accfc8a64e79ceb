/** Compound v3 rules against REFERENCE's absorb example (Comet.sol isLiquidatable/absorb/quoteCollateral). */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import {
  absorb,
  checkCompoundCollateral,
  compoundLiquidatable,
  newAbsorption,
  storefrontPrice,
} from "./compound-v3.js";

describe("Compound v3 absorb (REFERENCE worked example: 10 WETH, debt 17 000)", () => {
  it("safe at 2 000 (17 900 ≥ 17 000), liquidatable at 1 890 (16 915.5)", () => {
    expect(compoundLiquidatable(17000, 10 * 2000 * 0.895)).toBe(false);
    expect(compoundLiquidatable(17000, 10 * 1890 * 0.895)).toBe(true);
    // Comet: liquidatable iff liquidity = Σ coll·P·liquidateCF − debt < 0; equality is safe.
    expect(compoundLiquidatable(17000, 17000)).toBe(false);
    expect(compoundLiquidatable(17000, 17000 * (1 - 1e-12))).toBe(true);
  });
  it("absorb credits 17 955 ⇒ user keeps +955 USDC", () => {
    const a = absorb(17000, 10 * 1890 * 0.95, 1, newAbsorption());
    expect(a.credit).toBeCloseTo(17955, 9);
    expect(a.newBalance).toBeCloseTo(955, 9);
    expect(a.shortfall).toBe(0);
  });
  it("a negative balance is floored at 0, the reserves absorb the shortfall", () => {
    const a = absorb(17000, 10 * 1500 * 0.95, 1, newAbsorption()); // credit 14 250
    expect(a.newBalance).toBe(0);
    expect(a.shortfall).toBeCloseTo(2750, 9);
  });
  it("storefront price 1 890·(1 − 0.5·0.05) = 1 842.75", () => {
    expect(storefrontPrice(1890, 0.5, 0.95)).toBeCloseTo(1842.75, 9);
  });
  it("collateral invariants borrowCF < liquidateCF ≤ 1, 0 < LF ≤ 1", () => {
    const issues: Issue[] = [];
    checkCompoundCollateral(0.825, 0.895, 0.95, "ok", issues);
    checkCompoundCollateral(0.9, 0.895, 0.95, "x", issues);
    checkCompoundCollateral(0.8, 0.9, 1.2, "y", issues);
    expect(issues.map((i) => i.path)).toEqual(["x.liquidateCF", "y.liquidationFactor"]);
  });
});
