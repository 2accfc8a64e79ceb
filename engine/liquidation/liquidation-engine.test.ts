/**
 * LiquidationEngine and Liquidator agents on REFERENCE's Aave v3.3 worked example (10 WETH, LT 0.825,
 * debt 14 000; at ETH 1 650 repay 7 000 for 4.433333 WETH), Compound's absorb example and a perp
 * venue. Collateral is sold through a tiny local ImpactModel: impact = 0.001·|qty| (linear in size).
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import { Reason } from "../ledger.js";
import { aaveV3Kind, compoundV3Kind } from "../venues/lending-kinds.js";
import { build, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";
import { perpLong } from "./test-fixtures.js";

/** Linear impact 0.001 per unit traded; stateless. */
const linearImpact: ImpactModel = {
  impact: (qty) => 0.001 * Math.abs(qty),
  capacity: () => Number.POSITIVE_INFINITY,
  onFill: () => {},
  reset: () => {},
};

function aave(nAccounts = 1) {
  const w = world(["WETH", "USDC"]);
  const m = build(
    aaveV3Kind,
    { assets: { WETH: { ltv: 0.8, lt: 0.825, marketSupply: 1e15 }, USDC: { marketSupply: 1e15 } } },
    w,
    "aave",
  );
  const user = wallet(w, "user", { WETH: 10 * nAccounts });
  w.prices[0] = 2000;
  w.prices[1] = 1;
  for (let k = 0; k < nAccounts; k++) {
    const a = m.open(`user${k}`, user);
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 14000, w.prices);
  }
  const engine = new LiquidationEngine(w.ledger, w.events, 1, [linearImpact, undefined]);
  engine.addLending(m);
  return { w, m, engine };
}

const liq = (
  name: string,
  latencyMs: number,
  extra: Partial<{ capitalQuote: number; gasQuote: number; minProfitQuote: number }> = {},
) => ({
  name,
  latencyMs,
  capitalQuote: 1e6,
  gasQuote: 10,
  minProfitQuote: 0,
  ...extra,
});

describe("Aave liquidation by an agent with latency", () => {
  it("sees the account at 1 650, executes 12 s later: profit = 7 315·(1 − 0.001·q) − 7 000 − 10 gas", () => {
    const { w, m, engine } = aave();
    const l = engine.addLiquidator(liq("fast", 12_000));
    expect(engine.step(0, w.prices)).toBe(0);
    w.prices[0] = 1650;
    expect(engine.step(1000, w.prices)).toBe(0);
    expect(engine.stats.scheduled).toBe(1);
    expect(engine.nextDueMs()).toBe(13_000);
    expect(engine.step(13_000, w.prices)).toBe(1);
    const q = (7000 * 1.045) / 1650; // 4.433333 WETH to the liquidator
    expect(w.ledger.balance(l.wallet, 1)).toBeCloseTo(1e6 + 7315 * (1 - 0.001 * q) - 7000 - 10, 6);
    expect(w.ledger.balance(l.wallet, 0)).toBeCloseTo(0, 12); // collateral sold
    expect(w.ledger.flow(Reason.slippage, 1)).toBeCloseTo(7315 * 0.001 * q, 6);
    expect(m.debtOf(0, 1)).toBeCloseTo(7000, 9);
    expect(w.events.count(EventType.liquidation)).toBe(1);
    w.ledger.check("agent");
  });
  it("the fastest free liquidator takes the job", () => {
    const { w, engine } = aave();
    const slow = engine.addLiquidator(liq("slow", 12_000));
    const fast = engine.addLiquidator(liq("fast", 2_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    engine.step(2_000, w.prices);
    expect(fast.executed).toBe(1);
    expect(slow.executed).toBe(0);
  });
  it("skips when the expected profit is below the threshold, or without capital", () => {
    const { w, engine } = aave();
    engine.addLiquidator(liq("picky", 0, { minProfitQuote: 1000 }));
    engine.addLiquidator(liq("broke", 0, { capitalQuote: 0 }));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect(engine.stats.skippedUnprofitable).toBe(1);
    expect(engine.stats.skippedCapital).toBe(1);
    expect(engine.stats.executed).toBe(0);
  });
  it("a busy liquidator skips the second account; it takes it once free", () => {
    const { w, engine } = aave(2);
    const l = engine.addLiquidator(liq("only", 12_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect(engine.stats.skippedBusy).toBe(1);
    engine.step(12_000, w.prices); // executes account 0, then schedules account 1
    expect(l.executed).toBe(1);
    engine.step(24_000, w.prices);
    expect(l.executed).toBe(2);
    w.ledger.check("busy");
  });
  it("a job whose account recovered by inclusion time reverts and still pays gas", () => {
    const { w, engine } = aave();
    const l = engine.addLiquidator(liq("late", 12_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    w.prices[0] = 2000;
    engine.step(12_000, w.prices);
    expect(l.reverted).toBe(1);
    expect(w.ledger.balance(l.wallet, 1)).toBe(1e6 - 10);
    w.ledger.check("revert");
  });
});

describe("Compound absorb + buyCollateral by an agent", () => {
  it("absorbs at 1 890 and buys the 10 WETH at 1 842.75", () => {
    const w = world(["WETH", "USDC"]);
    const m = build(compoundV3Kind, { collaterals: { WETH: {} } }, w, "comet");
    const user = wallet(w, "user", { WETH: 10 });
    w.prices[0] = 2100;
    w.prices[1] = 1;
    const a = m.open("u", user);
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 17000, w.prices);
    const engine = new LiquidationEngine(w.ledger, w.events, 1);
    engine.addLending(m);
    const l = engine.addLiquidator(liq("keeper", 0));
    w.prices[0] = 1890;
    expect(engine.step(0, w.prices)).toBe(1);
    expect(w.ledger.balance(l.wallet, 1)).toBeCloseTo(1e6 + 10 * (1890 - 1842.75) - 10, 6);
    expect(m.supplyOf(a, 1)).toBeCloseTo(955, 9);
    w.ledger.check("compound agent");
  });
});

describe("perp venues liquidate themselves", () => {
  it("the engine screens the trigger and calls the venue's liquidation", () => {
    const { w, v, a, engine } = perpLong();
    expect(engine.step(0, w.prices)).toBe(0);
    w.prices[0] = 56500;
    expect(engine.step(1, w.prices)).toBe(1);
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(false);
    w.ledger.check("perp engine");
  });
});

describe("liquidations the agents must not give up on", () => {
  it("Aave v3.3 dust: when both the capped and the whole repayment leave dust, repays the most that leaves none", () => {
    // 2 010 X (LT 0.95, bonus 5 %, protocol fee 10 %) against 2 000 USDC, X at 1: HF 0.95475 > 0.95 and
    // both sides ≥ 2 000 USD, so the close factor caps repayment at 50 % (1 000), which would leave
    // 1 000 USDC of debt but only 2 010 − 1 000·1.05 = 960 X; repaying all 2 000 is capped again.
    const w = world(["X", "USDC"]);
    const m = build(
      aaveV3Kind,
      {
        assets: {
          X: { ltv: 0.945, lt: 0.95, bonus: 0.05, protocolFee: 0.1, marketSupply: 1e15 },
          USDC: { marketSupply: 1e15 },
        },
      },
      w,
      "aave",
    );
    const user = wallet(w, "user", { X: 2010 });
    w.prices[0] = 1.06;
    w.prices[1] = 1;
    const a = m.open("u", user);
    m.deposit(0, a, 0, 2010);
    expect(m.borrow(0, a, 1, 2000, w.prices)).toBe(true);
    const engine = new LiquidationEngine(w.ledger, w.events, 1, []);
    engine.addLending(m);
    engine.addLiquidator({ name: "l", latencyMs: 0, capitalQuote: 1e6, gasQuote: 1, minProfitQuote: 0 });
    w.prices[0] = 1;
    expect(m.healthFactor(a, w.prices)).toBeCloseTo(0.95475, 5);
    expect(engine.step(0, w.prices)).toBe(1);
    // Largest repayment leaving 1 000 X after the liquidator's part and the protocol fee (Aave v3.3
    // LiquidationLogic counts both) and 1 000 USDC of debt: (2 010 − 1 000) / 1.05 = 961.904…
    const repaid = 2000 - m.debtAt(a, m.slot(1));
    expect(repaid).toBeCloseTo(1010 / 1.05, 4);
    expect(m.supplyAt(a, m.slot(0))).toBeGreaterThanOrEqual(1000 * (1 - 1e-9));
    expect(m.debtAt(a, m.slot(1))).toBeGreaterThanOrEqual(1000);
    w.ledger.check("dust");
  });

  it("Compound v3: absorbs an underwater account even when the storefront is closed (reserves ≥ target)", () => {
    const w = world(["USDC", "WETH"]);
    const m = build(compoundV3Kind, { base: "USDC", collaterals: { WETH: {} }, reserves: 6e6 }, w, "comp");
    const user = wallet(w, "user", { WETH: 10 });
    w.prices[0] = 1;
    w.prices[1] = 2100;
    const a = m.open("u", user);
    m.deposit(0, a, 1, 10);
    expect(m.borrow(0, a, 0, 17000, w.prices)).toBe(true);
    const engine = new LiquidationEngine(w.ledger, w.events, 0, []);
    engine.addLending(m);
    engine.addLiquidator({ name: "l", latencyMs: 0, capitalQuote: 1e6, gasQuote: 10, minProfitQuote: 0 });
    w.prices[1] = 1890;
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(true);
    expect(engine.step(0, w.prices)).toBe(1);
    expect(m.debtAt(a, 0)).toBe(0);
    expect(m.supplyAt(a, 1)).toBe(0);
    w.ledger.check("absorb");
  });
});
