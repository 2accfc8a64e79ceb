/**
 * Edges of the Aave v3 rules (aave-dao/aave-v3-origin GenericLogic.sol, LiquidationLogic.sol,
 * ReserveConfiguration; REFERENCE "Lending: Aave v3"): the comparisons exactly at their thresholds
 * as the contracts write them, and a debt priced away from 1 (a WETH debt against USDC collateral)
 * where a formula must tell debt units from USD.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import {
  checkRiskParams,
  healthFactor,
  hfOneTriggerRatio,
  leavesDust,
  maxLiquidatableDebt,
  newSeizure,
  seizure,
} from "./aave-v3.js";

describe("health factor and trigger without debt or collateral", () => {
  it("no debt ⇒ HF = ∞ even with no collateral (GenericLogic returns type(uint256).max)", () => {
    expect(healthFactor(0, 0)).toBe(Number.POSITIVE_INFINITY);
  });
  it("no debt ⇒ no trigger price (0), even with no collateral", () => {
    expect(hfOneTriggerRatio(0, 0.825, 0)).toBe(0);
  });
});

describe("close factor at its thresholds (v3.3: `>= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`, `HF > 0.95`)", () => {
  it("v3.0 ignores position size: 50 % of a 1 000 USD debt at HF 0.97", () => {
    expect(maxLiquidatableDebt("v3.0", 0.97, 1000, 1, 1000, 1200, 2000)).toBe(500);
    expect(maxLiquidatableDebt("v3.3", 0.97, 1000, 1, 1000, 1200, 2000)).toBe(1000);
  });
  it("collateral of exactly 2 000 USD is at the threshold: capped at 50 % of total debt", () => {
    expect(maxLiquidatableDebt("v3.3", 0.97, 6000, 1, 10000, 2000, 2000)).toBe(5000);
  });
  it("HF exactly 0.95 is not above the threshold: 100 %", () => {
    expect(maxLiquidatableDebt("v3.3", 0.95, 6000, 1, 10000, 9000, 2000)).toBe(6000);
  });
  it("a WETH debt is valued at its price: 10 WETH at 2 000 of 20 000 total ⇒ at most 5 WETH", () => {
    expect(maxLiquidatableDebt("v3.3", 0.97, 10, 2000, 20000, 30000, 2000)).toBe(5);
  });
});

describe("seizure capped by the balance, debt priced ≠ 1", () => {
  it("1 000 USDC against 1 WETH at 2 000, bonus 5 %: seize 1 000, repay 1 000/2 000/1.05 WETH", () => {
    const s = seizure(1, 2000, 1, 1000, 0.05, 0.1, newSeizure());
    expect(s.seized).toBe(1000);
    expect(s.debtRepaid).toBeCloseTo(1000 / 2000 / 1.05, 15);
  });
});

describe("dust rule at MIN_LEFTOVER_BASE (`>= 1 000 USD` left is fine)", () => {
  it("exactly 1 000 USD of collateral left is not dust; 999.99 is", () => {
    const s = { debtRepaid: 500, seized: 1000, fee: 0, toLiquidator: 1000 };
    expect(leavesDust(s, 5000, 1, 2000, 1, 1000)).toBe(false);
    expect(leavesDust({ ...s, seized: 1000.01 }, 5000, 1, 2000, 1, 1000)).toBe(true);
  });
});

describe("risk-parameter invariants and their messages", () => {
  it("LT·(1 + bonus) ≤ 1 up to 1e-12: 1/1.05 with bonus 5 % and LT 1 with bonus 1e-12 pass", () => {
    const issues: Issue[] = [];
    checkRiskParams(0.9, 1 / 1.05, 0.05, "a", issues);
    checkRiskParams(0.9, 1, 1e-12, "b", issues);
    expect(issues).toEqual([]);
  });
  it("each broken invariant names its field, what was found and what is allowed", () => {
    const issues: Issue[] = [];
    checkRiskParams(0.85, 0.83, 0.05, "b", issues);
    checkRiskParams(0.8, 0.83, 0, "c", issues);
    checkRiskParams(0.9, 0.97, 0.05, "d", issues);
    expect(issues.map((i) => i.code)).toEqual(["invariant", "invariant", "invariant"]);
    expect(issues[0]?.message).toBe("found LTV 0.85 > LT 0.83; allowed: LTV ≤ LT");
    expect(issues[1]?.message).toBe("found bonus 0; allowed: bonus > 0");
    expect(issues[2]?.message).toMatch(
      /^found LT·\(1 \+ bonus\) = 1\.0185\d*; allowed: LT·\(1 \+ bonus\) ≤ 1$/,
    );
  });
});
