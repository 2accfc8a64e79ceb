/**
 * Aave v3 rules against REFERENCE's hand-computed worked examples (sources: aave-v3-origin
 * GenericLogic.sol, LiquidationLogic.sol; v3.0 close factor from aave-v3-core).
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
  withinLtv,
} from "./aave-v3.js";

describe("health factor (GenericLogic)", () => {
  it("10 WETH at 2 000, LT 0.825, debt 14 000 ⇒ HF 1.178571", () => {
    expect(healthFactor(10 * 2000 * 0.825, 14000)).toBeCloseTo(1.178571, 6);
  });
  it("HF = 1 at ETH 1 696.97", () => {
    expect(hfOneTriggerRatio(10, 0.825, 14000)).toBeCloseTo(1696.97, 2);
  });
  it("HF = ∞ without debt", () => {
    expect(healthFactor(1000, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("close factor", () => {
  // v3.0: 50 % of the reserve's debt if HF > 0.95, else 100 % (CLOSE_FACTOR_HF_THRESHOLD).
  it("v3.0 switches at HF 0.95 (just above: 50 %, at and below: 100 %)", () => {
    expect(maxLiquidatableDebt("v3.0", 0.9501, 14000, 1, 14000, 16000, 2000)).toBe(7000);
    expect(maxLiquidatableDebt("v3.0", 0.95, 14000, 1, 14000, 16000, 2000)).toBe(14000);
    expect(maxLiquidatableDebt("v3.0", 0.9499, 14000, 1, 14000, 16000, 2000)).toBe(14000);
  });
  // v3.3: 50 % of total debt only when HF > 0.95 and both sides ≥ 2 000 USD.
  it("v3.3 worked example: HF 0.972321, both sides ≥ 2 000 ⇒ at most 7 000", () => {
    const hf = healthFactor(10 * 1650 * 0.825, 14000);
    expect(hf).toBeCloseTo(0.972321, 6);
    expect(maxLiquidatableDebt("v3.3", hf, 14000, 1, 14000, 16500, 2000)).toBe(7000);
  });
  it("v3.3 just below 0.95 ⇒ 100 %", () => {
    expect(maxLiquidatableDebt("v3.3", 0.9499, 14000, 1, 14000, 16500, 2000)).toBe(14000);
  });
  it("v3.3 small positions (< 2 000 USD on a side) ⇒ 100 % even with HF > 0.95", () => {
    expect(maxLiquidatableDebt("v3.3", 0.97, 1900, 1, 1900, 2300, 2000)).toBe(1900);
    expect(maxLiquidatableDebt("v3.3", 0.97, 2100, 1, 2100, 1999, 2000)).toBe(2100);
  });
  it("v3.3 caps at 50 % of the *total* debt: a reserve holding 40 % of it is fully liquidatable", () => {
    // total debt 10 000, this reserve 4 000 ≤ 5 000 ⇒ whole reserve debt.
    expect(maxLiquidatableDebt("v3.3", 0.97, 4000, 1, 10000, 9000, 2000)).toBe(4000);
    // this reserve 6 000 > 5 000 ⇒ 5 000.
    expect(maxLiquidatableDebt("v3.3", 0.97, 6000, 1, 10000, 9000, 2000)).toBe(5000);
  });
});

describe("seizure (LiquidationLogic._calculateAvailableCollateralToLiquidate)", () => {
  it("v3.3 worked example: repay 7 000 at ETH 1 650 ⇒ 4.454545 seized, fee 0.021212, liquidator 4.433333", () => {
    const s = seizure(7000, 1, 1650, 10, 0.05, 0.1, newSeizure());
    expect(s.debtRepaid).toBe(7000);
    expect(s.seized).toBeCloseTo(4.454545, 6); // 7000/1650·1.05
    expect(s.fee).toBeCloseTo(0.021212, 6); // (4.454545 − 4.242424)·0.1
    expect(s.toLiquidator).toBeCloseTo(4.433333, 6);
    expect(s.toLiquidator * 1650).toBeCloseTo(7315.0, 2);
    // after: 5.545455 WETH, debt 7 000, HF 1.078393
    expect(10 - s.seized).toBeCloseTo(5.545455, 6);
    expect(healthFactor((10 - s.seized) * 1650 * 0.825, 7000)).toBeCloseTo(1.078393, 6);
  });
  it("caps at the balance and back-solves the debt: 2 WETH at 1 650, bonus 5 % ⇒ repay 3 142.857", () => {
    const s = seizure(7000, 1, 1650, 2, 0.05, 0.1, newSeizure());
    expect(s.seized).toBe(2);
    expect(s.debtRepaid).toBeCloseTo(3300 / 1.05, 9); // 3 142.857
    expect(s.fee).toBeCloseTo((2 - 2 / 1.05) * 0.1, 12);
  });
});

describe("dust rule (v3.3 MUST_NOT_LEAVE_DUST, MIN_LEFTOVER_BASE 1 000 USD)", () => {
  it("leaving 7 000 debt and 9 150 of collateral is fine", () => {
    const s = seizure(7000, 1, 1650, 10, 0.05, 0.1, newSeizure());
    expect(leavesDust(s, 14000, 1, 10, 1650, 1000)).toBe(false);
  });
  it("leaving 500 USD of debt reverts; repaying all of it does not", () => {
    const s = seizure(13500, 1, 1650, 10, 0.05, 0, newSeizure());
    expect(leavesDust(s, 14000, 1, 10, 1650, 1000)).toBe(true);
    const all = seizure(14000, 1, 2000, 10, 0.05, 0, newSeizure());
    expect(leavesDust(all, 14000, 1, 10, 2000, 1000)).toBe(false);
  });
});

describe("LTV gating and invariants", () => {
  it("borrow allowed up to Σ value·LTV: 10 WETH at 2 000, LTV 0.805 ⇒ 16 100", () => {
    expect(withinLtv(10 * 2000 * 0.805, 16100)).toBe(true);
    expect(withinLtv(10 * 2000 * 0.805, 16101)).toBe(false);
  });
  it("LTV ≤ LT, bonus > 0, LT·(1 + bonus) ≤ 1", () => {
    const issues: Issue[] = [];
    checkRiskParams(0.805, 0.83, 0.05, "a", issues);
    expect(issues).toEqual([]);
    checkRiskParams(0.85, 0.83, 0.05, "b", issues);
    checkRiskParams(0.8, 0.83, 0, "c", issues);
    checkRiskParams(0.9, 0.97, 0.05, "d", issues); // 0.97·1.05 = 1.0185
    expect(issues.map((i) => i.path)).toEqual(["b.ltv", "c.bonus", "d.lt"]);
  });
});
