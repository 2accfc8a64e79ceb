/**
 * The liquidation engine's bookkeeping around its agents, on REFERENCE's Aave example (10 WETH,
 * LT 0.825, 14 000 USDC; liquidatable below ETH 1 696.97): the order agents are offered a job in
 * (latency, then order of addition), one job per account at a time, the due time of the earliest
 * job, the count `step` returns, a reverted job's event and totals, a debt asset other than the
 * quote bought back at the oracle price, the expected-profit rule, and the liquidator parameters'
 * defaults.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { EventType } from "../events.js";
import { FixedGas } from "../execution/gas.js";
import type { ImpactModel } from "../execution/types.js";
import { Reason } from "../ledger.js";
import { readParams } from "../params.js";
import { aaveV3Kind } from "../venues/lending-kinds.js";
import { newOutcome } from "../venues/lending-liquidation.js";
import { build, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";
import { LIQUIDATOR_SPECS, liquidatorConfig } from "./liquidator.js";
import { wethDebtMarket } from "./test-fixtures.js";

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
  const engine = new LiquidationEngine(w.ledger, w.events, 1);
  engine.addLending(m);
  return { w, m, engine };
}

const agent = (name: string, latencyMs: number, extra: Record<string, number> = {}) => ({
  name,
  latencyMs,
  capitalQuote: 1e6,
  gasQuote: 10,
  minProfitQuote: 0,
  ...extra,
});

describe("offering a job", () => {
  it("goes to the lowest latency, ties to the agent added first, whatever the order of addition", () => {
    const { w, engine } = aave();
    engine.addLiquidator(agent("slow", 60_000));
    const first = engine.addLiquidator(agent("first", 12_000));
    const second = engine.addLiquidator(agent("second", 12_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect([first.busy(), second.busy()]).toEqual([true, false]);
    expect(engine.nextDueMs()).toBe(12_000);
  });

  it("offers an account with a pending job to nobody else", () => {
    const { w, engine } = aave();
    const a = engine.addLiquidator(agent("a", 60_000));
    const b = engine.addLiquidator(agent("b", 90_000));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    engine.step(30_000, w.prices);
    expect(engine.stats.scheduled).toBe(1);
    expect([a.busy(), b.busy()]).toEqual([true, false]);
  });

  it("reports the earliest due job, busy or not, and ∞ with none", () => {
    const { w, engine } = aave(2);
    expect(engine.nextDueMs()).toBe(Number.POSITIVE_INFINITY);
    engine.addLiquidator(agent("a", 40_000));
    engine.addLiquidator(agent("b", 20_000));
    engine.addLiquidator(agent("idle", 90_000, { capitalQuote: 0 }));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect(engine.nextDueMs()).toBe(20_000);
  });

  it("does nothing for an unhealthy account when no agent exists", () => {
    const { w, engine } = aave();
    w.prices[0] = 1650;
    expect(engine.step(0, w.prices)).toBe(0);
    expect(engine.stats.scheduled).toBe(0);
  });

  it("skips an unprofitable Aave job even with nothing else to stop it", () => {
    const { w, engine } = aave();
    engine.addLiquidator(agent("picky", 0, { minProfitQuote: 1e9 }));
    w.prices[0] = 1650;
    expect(engine.step(0, w.prices)).toBe(0);
    expect(engine.stats.skippedUnprofitable).toBe(1);
    expect(engine.stats.scheduled).toBe(0);
  });
});

describe("executing", () => {
  it("returns the liquidations of that call only", () => {
    const { w, engine } = aave(2);
    engine.addLiquidator(agent("only", 0));
    w.prices[0] = 1650;
    // A zero-latency agent takes account 0, is free again, and takes account 1 in the same call.
    expect(engine.step(0, w.prices)).toBe(2);
    expect(engine.step(1000, w.prices)).toBe(0);
    expect(engine.stats.executed).toBe(2);
  });

  it("a reverted job: gas paid and counted, a rejected event with −gas against the account's owner", () => {
    const { w, engine } = aave();
    const l = engine.addLiquidator(agent("late", 12_000, { gasQuote: 7 }));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    w.prices[0] = 2000;
    expect(engine.step(12_000, w.prices)).toBe(0);
    expect([engine.stats.reverted, l.reverted, l.gasPaidQuote]).toEqual([1, 1, 7]);
    const ev = w.events;
    const k = ev.type.indexOf(EventType.rejected);
    expect(k).toBeGreaterThanOrEqual(0);
    expect([ev.account[k], ev.asset[k], ev.amounts.gas[k], ev.timeMs[k]]).toEqual([
      "user0",
      "USDC",
      7,
      12_000,
    ]);
    expect(ev.detail[k]).toContain("aave: liquidation by late reverted");
    expect(w.ledger.flow(Reason.gas, 1)).toBe(7);
  });

  it("an executed job adds its gas to the agent's total", () => {
    const { w, engine } = aave();
    const l = engine.addLiquidator(agent("a", 0, { gasQuote: 12 }));
    w.prices[0] = 1650;
    engine.step(0, w.prices);
    expect([l.executed, l.gasPaidQuote]).toEqual([1, 12]);
  });

  it("registers its market, gas and funding accounts as external", () => {
    const { w, engine } = aave();
    const acc = w.ledger.accounts;
    expect(acc[engine.marketAcct]).toEqual({ name: "liquidation#market", external: true });
    expect(acc[engine.gasAcct]).toEqual({ name: "liquidation#gas", external: true });
    expect(acc[engine.fundingAcct]).toEqual({ name: "liquidation#funding", external: true });
  });

  it("buys back a non-quote debt at the oracle and ends holding only quote", () => {
    const { w, m, a } = wethDebtMarket();
    const engine = new LiquidationEngine(w.ledger, w.events, 1);
    engine.addLending(m);
    const l = engine.addLiquidator(agent("k", 0, { gasQuote: 5 }));
    w.prices[0] = 2400;
    expect(engine.step(0, w.prices)).toBe(1);
    const repaidWeth = 10 - m.debtOf(a, 0);
    const gotUsdc = 30_000 - m.supplyOf(a, 1) - w.ledger.balance(m.reserveAcct, 1); // less the protocol fee
    expect(repaidWeth).toBeGreaterThan(0);
    expect(w.ledger.balance(l.wallet, 0)).toBeCloseTo(0, 12); // the WETH bought was repaid
    expect(w.ledger.balance(l.wallet, 1)).toBeCloseTo(1e6 + gotUsdc - repaidWeth * 2400 - 5, 6);
    w.ledger.check("weth debt");
  });
});

describe("capital and gas", () => {
  it("covers no more debt than its capital buys at the debt's price (1 000 USDC: 0.4167 WETH at 2 400)", () => {
    const { w, m, a } = wethDebtMarket();
    const engine = new LiquidationEngine(w.ledger, w.events, 1);
    engine.addLending(m);
    const l = engine.addLiquidator(agent("small", 0, { capitalQuote: 1000, gasQuote: 0 }));
    w.prices[0] = 2400;
    engine.step(0, w.prices);
    expect(10 - m.debtOf(a, 0)).toBeCloseTo(1000 / 2400, 9);
    expect(w.ledger.balance(l.wallet, 1)).toBeGreaterThan(0);
  });

  it("prices gas with its gas model at the gas asset's price (100 000 × 20 gwei at ETH 2 000 = 4)", () => {
    const { w, engine } = aave();
    const l = engine.addLiquidator({
      ...agent("g", 0),
      gasModel: new FixedGas(100_000, 20),
      gasAsset: 0,
    });
    expect(l.gasCost(0, w.prices, 0)).toBeCloseTo(4, 12);
    const noAsset = engine.addLiquidator({ ...agent("h", 0), gasModel: new FixedGas(100_000, 20) });
    expect(noAsset.gasCost(0, w.prices, 0)).toBe(0);
    expect(engine.addLiquidator(agent("flat", 0, { gasQuote: 3 })).gasCost(0, w.prices, 0)).toBe(3);
  });
});

describe("the liquidator's rules", () => {
  it("expected profit = proceeds of the seized collateral after the sell's impact − debt paid − gas", () => {
    const { engine } = aave();
    const l = engine.addLiquidator(agent("a", 0));
    // An impact of 1 % on sells only: the rule must price the sale of what it receives.
    const sellOnly: ImpactModel = {
      impact: (qty) => (qty < 0 ? 0.01 : 0),
      capacity: () => Number.POSITIVE_INFINITY,
      onFill: () => {},
      reset: () => {},
    };
    const o = newOutcome();
    o.toLiquidator = 2;
    o.paid = 1500;
    expect(l.expectedProfit(o, 2, 1600, sellOnly, 0, 10)).toBeCloseTo(2 * 1600 * 0.99 - 1500 * 2 - 10, 9);
    expect(l.expectedProfit(o, 2, 1600, undefined, 0, 10)).toBeCloseTo(3200 - 3000 - 10, 9);
  });

  it("defaults: latency 12 s, capital 1e6, gas 10, no profit floor; every parameter documented", () => {
    const issues: Issue[] = [];
    const p = readParams({}, LIQUIDATOR_SPECS, "liquidators[0]", issues);
    expect(issues).toEqual([]);
    expect(liquidatorConfig("k", p)).toEqual({
      name: "k",
      latencyMs: 12_000,
      capitalQuote: 1e6,
      gasQuote: 10,
      minProfitQuote: 0,
    });
    for (const spec of Object.values(LIQUIDATOR_SPECS)) expect(spec.description.length).toBeGreaterThan(10);
    readParams({ latency: "x", capital: -1, minProfit: "y" }, LIQUIDATOR_SPECS, "l", issues);
    expect(issues.map((i) => i.path).sort()).toEqual(["l.capital", "l.latency", "l.minProfit"]);
  });
});
