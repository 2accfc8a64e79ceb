/**
 * Choices the liquidation engine and its agents make that the worked examples leave open: the
 * debt and collateral an agent targets are the largest by value (amount × price), and only
 * reserves with a liquidation threshold count as collateral; due jobs execute in order of due
 * time (equal times in order of addition, as offers are), not of addition; `step` counts only its
 * own call's liquidations, venue ones included; an agent never liquidates its own account (Aave
 * v3.4+); a Compound buyer with a profit floor skips an absorb whose purchase does not clear it; a
 * non-quote debt is bought back at the oracle, without impact.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import { Reason } from "../ledger.js";
import { aaveV3Kind, compoundV3Kind } from "../venues/lending-kinds.js";
import { build, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";
import { perpLong, wethDebtMarket } from "./test-fixtures.js";

const agent = (name: string, latencyMs: number, minProfitQuote = 0) => ({
  name,
  latencyMs,
  capitalQuote: 1e6,
  gasQuote: 10,
  minProfitQuote,
});

/** REFERENCE's Aave example n times (10 WETH, LT 0.825, 14 000 USDC each; liquidatable at 1 650). */
function aave(n: number, owner: (k: number) => string = (k) => `user${k}`) {
  const w = world(["WETH", "USDC"]);
  const m = build(
    aaveV3Kind,
    { assets: { WETH: { ltv: 0.8, lt: 0.825, marketSupply: 1e15 }, USDC: { marketSupply: 1e15 } } },
    w,
    "aave",
  );
  w.prices.set([2000, 1]);
  for (let k = 0; k < n; k++) {
    const a = m.open(`user${k}`, wallet(w, owner(k), { WETH: 10 }));
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 14000, w.prices);
  }
  const engine = new LiquidationEngine(w.ledger, w.events, 1);
  engine.addLending(m);
  return { w, m, engine };
}

/** Account names of the liquidation events, in the order they were written. */
const liquidated = (w: ReturnType<typeof world>) =>
  w.events.account.filter((_, i) => w.events.type[i] === EventType.liquidation);

describe("the pair an agent targets", () => {
  it("is the largest debt and the largest collateral by value, ignoring reserves with LT 0", () => {
    // X at 2 000, Y and Z at 1. Supplied: 1 X (2 000), 1 500 Y (1 500), 5 000 Z (LT 0, not
    // collateral). Borrowed: 0.3 X (600) and 500 Y (500). By amount Y and Z would win; by value X.
    const w = world(["X", "Y", "Z", "USDC"]);
    const reserve = (lt: number) => ({ ltv: lt * 0.9, lt, bonus: 0.05, marketSupply: 1e15 });
    const m = build(aaveV3Kind, { assets: { X: reserve(0.8), Y: reserve(0.8), Z: reserve(0) } }, w, "aave");
    const user = wallet(w, "user", { X: 1, Y: 1500, Z: 5000 });
    w.prices.set([2000, 1, 1, 1]);
    const a = m.open("u", user);
    m.deposit(0, a, 0, 1);
    m.deposit(0, a, 1, 1500);
    m.deposit(0, a, 2, 5000);
    expect(m.borrow(0, a, 0, 0.3, w.prices)).toBe(true);
    expect(m.borrow(0, a, 1, 500, w.prices)).toBe(true);
    const engine = new LiquidationEngine(w.ledger, w.events, 3);
    engine.addLending(m);
    const l = engine.addLiquidator(agent("l", 0));
    l.pickPair(m, a, w.prices);
    expect([l.jobDebt, l.jobColl]).toEqual([0, 0]);
    // At X = 1 the largest debt is Y (500 > 0.3) and the largest collateral Y (1 500 > 1).
    w.prices[0] = 1;
    l.pickPair(m, a, w.prices);
    expect([l.jobDebt, l.jobColl]).toEqual([1, 1]);
  });
});

describe("due jobs", () => {
  it("execute in order of due time, whatever the order the agents were added in", () => {
    const { w, engine } = aave(3);
    // Offered fastest first: fast takes user0 (due 2 s), mid user1 (due 5 s), slow user2 (due 8 s).
    engine.addLiquidator(agent("mid", 5_000));
    engine.addLiquidator(agent("fast", 2_000));
    engine.addLiquidator(agent("slow", 8_000));
    w.prices[0] = 1650;
    expect(engine.step(0, w.prices)).toBe(0);
    expect(engine.step(10_000, w.prices)).toBe(3);
    expect(liquidated(w)).toEqual(["user0", "user1", "user2"]);
  });

  it("due at the same time, execute in order of addition", () => {
    const { w, engine } = aave(2);
    engine.addLiquidator(agent("first", 5_000));
    engine.addLiquidator(agent("second", 5_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect(engine.step(5_000, w.prices)).toBe(2);
    expect(liquidated(w)).toEqual(["user0", "user1"]);
  });
});

describe("jobs an agent does not take", () => {
  it("its own account (Aave v3.4+ forbids self-liquidation): the next agent takes it", () => {
    const { w, engine } = aave(1, () => "liquidator/owner");
    const owner = engine.addLiquidator(agent("owner", 0));
    const other = engine.addLiquidator(agent("other", 1_000));
    w.prices[0] = 1650;
    expect(engine.step(0, w.prices)).toBe(0);
    expect([owner.busy(), other.busy(), engine.stats.skippedUnprofitable]).toEqual([false, true, 1]);
    expect(engine.step(1_000, w.prices)).toBe(1);
    expect([owner.executed, other.executed]).toEqual([0, 1]);
  });

  it("a Compound absorb whose purchase (10 WETH at 1 842.75, sold at 1 890) misses the profit floor", () => {
    // Profit 10·(1 890 − 1 842.75) − 10 gas = 462.5: a floor of 500 skips it, one of 400 takes it.
    for (const [floor, executed] of [
      [500, 0],
      [400, 1],
    ] as const) {
      const w = world(["WETH", "USDC"]);
      const m = build(compoundV3Kind, { collaterals: { WETH: {} } }, w, "comet");
      w.prices.set([2100, 1]);
      const a = m.open("u", wallet(w, "user", { WETH: 10 }));
      m.deposit(0, a, 0, 10);
      m.borrow(0, a, 1, 17000, w.prices);
      const engine = new LiquidationEngine(w.ledger, w.events, 1);
      engine.addLending(m);
      engine.addLiquidator(agent("keeper", 0, floor));
      w.prices[0] = 1890;
      expect(engine.step(0, w.prices)).toBe(executed);
      expect(engine.stats.skippedUnprofitable).toBe(1 - executed);
    }
  });
});

describe("a non-quote debt", () => {
  it("is bought back at the oracle price: the debt asset's impact model is not charged", () => {
    const { w, m } = wethDebtMarket();
    const onePercent: ImpactModel = {
      impact: () => 0.01,
      capacity: () => Number.POSITIVE_INFINITY,
      onFill: () => {},
      reset: () => {},
    };
    const engine = new LiquidationEngine(w.ledger, w.events, 1, [onePercent, undefined]);
    engine.addLending(m);
    engine.addLiquidator(agent("k", 0));
    w.prices[0] = 2400;
    expect(engine.step(0, w.prices)).toBe(1);
    expect(w.ledger.flow(Reason.slippage, 1)).toBe(0);
  });
});

describe("the count step returns", () => {
  it("leaves out venue liquidations of earlier calls", () => {
    const { w, engine } = perpLong();
    w.prices[0] = 56500;
    expect(engine.step(1, w.prices)).toBe(1);
    expect(engine.step(2, w.prices)).toBe(0);
    expect(engine.stats.venueLiquidations).toBe(1);
  });
});

describe("Aave v3.3 dust with a collateral price other than 1", () => {
  it("repays the most that leaves 1 000 USD of collateral: (1 005 − 1 000/2)·2/1.05 = 961.90", () => {
    // The dust case of liquidation-engine.test.ts with X at 2: 1 005 X (LT 0.95, bonus 5 %) against
    // 2 000 USDC, HF 0.95475; the leftover collateral must be worth 1 000 USD, i.e. 500 X.
    const w = world(["X", "USDC"]);
    const x = { ltv: 0.945, lt: 0.95, bonus: 0.05, protocolFee: 0.1, marketSupply: 1e15 };
    const m = build(aaveV3Kind, { assets: { X: x, USDC: { marketSupply: 1e15 } } }, w, "aave");
    w.prices.set([2.12, 1]);
    const a = m.open("u", wallet(w, "user", { X: 1005 }));
    m.deposit(0, a, 0, 1005);
    expect(m.borrow(0, a, 1, 2000, w.prices)).toBe(true);
    const engine = new LiquidationEngine(w.ledger, w.events, 1);
    engine.addLending(m);
    engine.addLiquidator({ ...agent("l", 0), gasQuote: 1 });
    w.prices[0] = 2;
    expect(m.healthFactor(a, w.prices)).toBeCloseTo(0.95475, 5);
    expect(engine.step(0, w.prices)).toBe(1);
    expect(2000 - m.debtAt(a, m.slot(1))).toBeCloseTo(1010 / 1.05, 4);
    expect(m.supplyAt(a, m.slot(0))).toBeGreaterThanOrEqual(500 * (1 - 1e-9));
  });
});
