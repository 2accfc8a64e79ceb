/**
 * How a liquidator agent sizes its call (./liquidator.ts `plan`): all its capital allows, capped by
 * the rule set; when Aave v3.3's dust rule refuses that, the largest repayment that leaves
 * ≥ 1 000 USD of both the debt and the collateral (aave-dao/aave-v3-origin LiquidationLogic
 * MUST_NOT_LEAVE_DUST; REFERENCE "Lending: Aave v3"); nothing without capital, even for a
 * Compound absorb (the gas must be paid); a job whose expected profit equals the floor is taken
 * ("below the threshold" is skipped, ./liquidation-engine.ts).
 */
import { describe, expect, it } from "vitest";
import { compoundV3Kind } from "../venues/lending-kinds.js";
import { LiqCode } from "../venues/lending-liquidation.js";
import { build, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";
import { wethDebtMarket } from "./test-fixtures.js";

const agent = (capitalQuote: number, minProfitQuote = 0) => ({
  name: "l",
  latencyMs: 0,
  capitalQuote,
  gasQuote: 10,
  minProfitQuote,
});

/** 10 WETH borrowed against 30 000 USDC (LT 0.78), WETH at 2 600: HF 23 400/26 000 = 0.9 < 0.95. */
function wethDebt(capital: number, minProfit = 0) {
  const { w, m, a } = wethDebtMarket();
  w.prices[0] = 2600;
  const engine = new LiquidationEngine(w.ledger, w.events, 1);
  engine.addLending(m);
  const l = engine.addLiquidator(agent(capital, minProfit));
  l.pickPair(m, a, w.prices);
  return { w, m, a, l, engine };
}

describe("the size of the call", () => {
  it("below HF 0.95 (close factor 100 %) ample capital repays the whole debt", () => {
    const { w, m, a, l } = wethDebt(1e6);
    const o = l.plan(m, a, w.prices);
    expect(o?.code).toBe(LiqCode.done);
    expect(o?.debtRepaid).toBeCloseTo(10, 12);
  });

  it("capital for 9.8 of 10 WETH would leave 520 USD of debt: it repays 10 − 1 000/2 600 instead", () => {
    const { w, m, a, l } = wethDebt(9.8 * 2600);
    const o = l.plan(m, a, w.prices);
    expect(o?.code).toBe(LiqCode.done);
    expect(l.jobCover).toBeCloseTo(10 - 1000 / 2600, 6); // the debt side binds (collateral: 10.6 WETH)
    expect((10 - (o?.debtRepaid ?? 0)) * 2600).toBeGreaterThanOrEqual(1000);
  });

  it("capital below the dust-free repayment: it repays what the capital allows", () => {
    const { w, m, a, l } = wethDebt(2600 * 5);
    expect(l.plan(m, a, w.prices)?.debtRepaid).toBeCloseTo(5, 9);
    expect(l.jobCover).toBeCloseTo(5, 9);
  });
});

describe("no capital, no call", () => {
  it("a Compound keeper without capital does not absorb (it could not pay the gas)", () => {
    const w = world(["WETH", "USDC"]);
    const m = build(compoundV3Kind, { collaterals: { WETH: {} } }, w, "comet");
    const a = m.open("user", wallet(w, "user", { WETH: 10 }));
    w.prices.set([2100, 1]);
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 17000, w.prices);
    w.prices[0] = 1890;
    const engine = new LiquidationEngine(w.ledger, w.events, 1);
    engine.addLending(m);
    const broke = engine.addLiquidator(agent(0));
    broke.pickPair(m, a, w.prices);
    expect(broke.plan(m, a, w.prices)).toBeUndefined();
    const funded = engine.addLiquidator({ ...agent(100), name: "f" });
    funded.pickPair(m, a, w.prices);
    expect(funded.plan(m, a, w.prices)?.code).toBe(LiqCode.done);
  });
});

describe("the profit floor", () => {
  it("a job whose expected profit equals the floor is taken; a cent more of floor skips it", () => {
    const probe = wethDebt(1e6);
    const o = probe.l.plan(probe.m, probe.a, probe.w.prices);
    if (o === undefined) throw new Error("no plan");
    const profit = probe.l.expectedProfit(o, 2600, 1, undefined, 0, 10);
    expect(profit).toBeGreaterThan(0);
    const at = wethDebt(1e6, profit);
    expect(at.engine.step(0, at.w.prices)).toBe(1);
    const above = wethDebt(1e6, profit + 0.01);
    expect(above.engine.step(0, above.w.prices)).toBe(0);
  });
});
