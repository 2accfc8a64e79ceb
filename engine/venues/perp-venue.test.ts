/**
 * PerpVenue against REFERENCE's worked examples (Binance USDⓈ-M liquidation price and funding;
 * tiers BTCUSDT March 2021) and hand-computed liquidation, bankruptcy and ADL cases. Every test
 * ends with `ledger.check`.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { perpLinearKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const BTCUSDT = {
  tierFloors: [0, 50e3, 250e3, 1e6, 10e6, 20e6],
  tierMmr: [0.004, 0.005, 0.01, 0.025, 0.05, 0.1],
  tierImf: [1 / 125, 1 / 100, 1 / 50, 1 / 20, 1 / 10, 1 / 5],
};

function setup(params: Record<string, unknown> = {}) {
  const w = world(["BTC", "USDC"]);
  const v = build(perpLinearKind, params, w, "perp");
  const m = v.addMarket(0);
  const user = wallet(w, "user", { USDC: 1e6 });
  w.prices[1] = 1;
  return { w, v, m, user };
}

describe("Binance liquidation price through the venue (REFERENCE: 1 BTC at 60 000, margin 3 000)", () => {
  it("isolated long ⇒ 57 236.18; liquidatable just below, not just above", () => {
    const { w, v, m, user } = setup(BTCUSDT);
    const a = v.open("long", user, "isolated");
    v.deposit(0, a, 3000);
    w.prices[0] = 60000;
    expect(v.trade(0, a, m, 1, 60000, w.prices)).toBe(true);
    expect(v.liquidationPrice(a)).toBeCloseTo(57236.18, 2);
    w.prices[0] = 57237;
    expect(v.crossed(a, w.prices, 0)).toBe(false);
    expect(v.isLiquidatable(a, w.prices, 0)).toBe(false); // equity 237 ≥ MM 236.185
    w.prices[0] = 57236;
    expect(v.crossed(a, w.prices, 0)).toBe(true);
    expect(v.isLiquidatable(a, w.prices, 0)).toBe(true); // equity 236 < MM 236.18
    w.ledger.check("perp long");
  });
  it("isolated short ⇒ 62 736.32", () => {
    const { w, v, m, user } = setup(BTCUSDT);
    const a = v.open("short", user, "isolated");
    v.deposit(0, a, 3000);
    w.prices[0] = 60000;
    expect(v.trade(0, a, m, -1, 60000, w.prices)).toBe(true);
    expect(v.liquidationPrice(a)).toBeCloseTo(62736.32, 2);
  });
  it("an isolated account holds one market; opening beyond IM is rejected", () => {
    const { w, v, m, user } = setup();
    const eth = v.addMarket(1); // a second market (on ledger asset 1, price 1)
    const a = v.open("iso", user, "isolated");
    v.deposit(0, a, 100);
    w.prices[0] = 60000;
    expect(v.trade(0, a, m, 1, 60000, w.prices)).toBe(false); // IM 5 % = 3 000 > 100
    expect(v.trade(0, a, m, 0.001, 60000, w.prices)).toBe(true); // IM 3
    expect(v.trade(0, a, eth, 1, 1, w.prices)).toBe(false);
    expect(w.events.count(EventType.rejected)).toBe(2);
  });
});

describe("realised PnL", () => {
  it("buy 1 at 100, sell 0.5 at 110 ⇒ +5; flip to −0.5 at 120 ⇒ +10 more, entry 120", () => {
    const { w, v, m, user } = setup();
    const a = v.open("u", user);
    v.deposit(0, a, 1000);
    w.prices[0] = 100;
    v.trade(0, a, m, 1, 100, w.prices);
    v.trade(0, a, m, -0.5, 110, w.prices);
    expect(v.cash(a)).toBeCloseTo(1005, 12);
    w.prices[0] = 120;
    v.trade(0, a, m, -1, 120, w.prices);
    expect(v.cash(a)).toBeCloseTo(1015, 12);
    expect(v.qty[a]?.[m]).toBe(-0.5);
    expect(v.entry[a]?.[m]).toBe(120);
    expect(w.ledger.flow(Reason.trade, 1)).toBeCloseTo(15, 12);
    w.ledger.check("pnl");
  });
});

describe("funding (REFERENCE: long 2 BTC at mark 65 000)", () => {
  it("premium source: P̄ 0.03 % ⇒ pays 13.00; P̄ 0.09 % ⇒ 52.00; the short receives", () => {
    const { w, v, m, user } = setup();
    const long = v.open("long", user);
    const short = v.open("short", user);
    v.deposit(0, long, 20000);
    v.deposit(0, short, 20000);
    w.prices[0] = 65000;
    v.trade(0, long, m, 2, 65000, w.prices);
    v.trade(0, short, m, -2, 65000, w.prices);
    v.start(0);
    expect(v.fund(1, w.prices, [0.0003])).toBe(false); // not yet due
    expect(v.fund(8 * 3_600_000, w.prices, [0.0003])).toBe(true);
    expect(v.cash(long)).toBeCloseTo(20000 - 13, 9);
    expect(v.cash(short)).toBeCloseTo(20000 + 13, 9);
    expect(v.fund(16 * 3_600_000, w.prices, [0.0009])).toBe(true);
    expect(v.cash(long)).toBeCloseTo(20000 - 13 - 52, 9);
    expect(w.events.count(EventType.funding)).toBe(4);
    w.ledger.check("funding");
  });
  it("fixed source, and the dYdX cap 600 %·(IMF − MMF) = 12 % on a series rate", () => {
    expect(setup({ fundingSource: "fixed", fundingRate: 0.0002 }).v.fundingRateFor(0.5)).toBe(0.0002);
    expect(setup({ fundingSource: "series" }).v.fundingRateFor(0.5)).toBeCloseTo(0.12, 12);
  });
  it("the default cap is per 8 h: an hourly interval caps each payment at 12 %/8", () => {
    const hourly = setup({ fundingSource: "series", fundingInterval: "1h" }).v;
    expect(hourly.fundingRateFor(0.5)).toBeCloseTo(0.015, 12);
    expect(hourly.fundingRateFor(-0.5)).toBeCloseTo(-0.015, 12);
  });
});

describe("partial liquidation back to initial margin (IMF 5 %, MMF 3 %, fee 0.5 %)", () => {
  it("long 1 at 60 000 with 5 000 margin, mark 56 500: closes φ = 1 325/2 542.5, equity = IM after", () => {
    const { w, v, m, user } = setup();
    const a = v.open("u", user);
    v.deposit(0, a, 5000);
    w.prices[0] = 60000;
    v.trade(0, a, m, 1, 60000, w.prices);
    // LP: 5 000 + (P − 60 000) = 0.03·P ⇒ P = 55 000/0.97
    expect(v.liquidationPrice(a)).toBeCloseTo(55000 / 0.97, 6);
    w.prices[0] = 56500; // equity 1 500 < MM 1 695; IM 2 825; cost of closing all 282.5
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    const phi = (2825 - 1500) / (2825 - 282.5);
    expect(v.qty[a]?.[m]).toBeCloseTo(1 - phi, 8); // the venue overshoots φ by 1e-9 (rounding guard)
    const fee = phi * 56500 * 0.005;
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(1e6 + fee, 4);
    expect(v.equity(a, w.prices)).toBeCloseTo(1500 - fee, 4);
    expect(v.equity(a, w.prices)).toBeCloseTo(v.requirement(a, w.prices, 1), 4);
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(false);
    w.ledger.check("partial");
  });
});

describe("costs and screens at the edges", () => {
  /** A constant-fraction impact model: every fill moves the price by `frac`. */
  const constantImpact = (frac: number) => ({
    impact: () => frac,
    capacity: () => Number.POSITIVE_INFINITY,
    onFill: () => {},
    reset: () => {},
  });

  it("the IM gate counts the order's slippage: equity after all costs must cover IM", () => {
    // 3 000 margin, buy 1 at 60 000, IMF 5 %: IM 3 000. With no costs equity = IM (accepted);
    // 1 % slippage (600) would leave 2 400 < IM, so the order is refused and nothing is posted.
    const { w, v, m, user } = setup();
    const a = v.open("u", user);
    v.deposit(0, a, 3000);
    w.prices[0] = 60000;
    expect(v.trade(0, a, m, 1, 60000, w.prices, 0, 600)).toBe(false);
    expect(v.cash(a)).toBe(3000);
    expect(v.trade(0, a, m, 1, 60000, w.prices, 0, 0)).toBe(true);
    w.ledger.check("im gate");
  });

  it("a partially liquidated short ends at or above IM though its fee is paid above the mark", () => {
    // Short 1 at 60 000 with 3 000 margin, 1 % impact on every fill, 1.5 % liquidation fee: the
    // buy-back fills at mark·1.01 and the fee is charged on that price.
    let partials = 0;
    for (let mark = 60500; mark < 62500; mark += 50) {
      const w = world(["BTC", "USDC"]);
      const v = build(perpLinearKind, { liquidationFee: 0.015 }, w, "perp");
      const m = v.addMarket(0, constantImpact(0.01));
      const user = wallet(w, "user", { USDC: 1e6 });
      w.prices[1] = 1;
      const a = v.open("u", user);
      v.deposit(0, a, 3000);
      w.prices[0] = 60000;
      v.trade(0, a, m, -1, 60000, w.prices);
      w.prices[0] = mark;
      if (!v.liquidate(1, a, w.prices) || v.qty[a]?.[m] === 0) continue;
      partials++;
      expect(v.equity(a, w.prices)).toBeGreaterThanOrEqual(v.requirement(a, w.prices, 1) - 1e-9);
      w.ledger.check("short partial");
    }
    expect(partials).toBeGreaterThanOrEqual(5);
  });

  it("a liquidation event carries its whole cost: the fee plus the concession of a close moved by impact", () => {
    const w = world(["BTC", "USDC"]);
    const v = build(perpLinearKind, { liquidationFee: 0.01, partial: false }, w, "perp");
    const m = v.addMarket(0, constantImpact(0.02));
    const user = wallet(w, "user", { USDC: 1e6 });
    w.prices[1] = 1;
    const a = v.open("u", user);
    v.deposit(0, a, 3500);
    w.prices[0] = 60000;
    expect(v.trade(0, a, m, 1, 60000, w.prices)).toBe(true);
    w.prices[0] = 57500; // equity 1 000 < MM 1 725
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    // Sold at 57 500·0.98 = 56 350: concession 1 150; fee 1 % of 56 350 = 563.5, capped at the
    // equity left, 3 500 − 3 650 < 0 ⇒ nothing charged.
    const i = w.events.type.indexOf(EventType.liquidation);
    expect(w.events.price[i]).toBeCloseTo(56350, 6);
    expect(w.events.amounts.slippage[i]).toBeCloseTo(1150, 6);
    expect(w.events.amounts.fee[i]).toBe(0);
    w.ledger.check("liquidation cost");
  });

  it("a short whose margin went negative through a reduction at the market is screened and liquidated", () => {
    // Cross account: short 0.1 BTC at 60 000 and long 50 ETH at 3 000 on 10 000 margin. The ETH
    // long is sold at a market price of 1 500 while the screen's prices still say 3 000, leaving
    // cash −65 000 behind the BTC short: no positive root, so the trigger must fire at any price.
    const w = world(["BTC", "ETH", "USDC"]);
    const v = build(perpLinearKind, {}, w, "perp");
    const btc = v.addMarket(0);
    const eth = v.addMarket(1);
    const user = wallet(w, "user", { USDC: 1e7 });
    w.prices[2] = 1;
    w.prices[0] = 60000;
    w.prices[1] = 3000;
    const a = v.open("u", user, "cross");
    v.deposit(0, a, 10000);
    expect(v.trade(0, a, btc, -0.1, 60000, w.prices)).toBe(true);
    expect(v.trade(0, a, eth, 50, 3000, w.prices)).toBe(true);
    expect(v.trade(1, a, eth, -50, 1500, w.prices)).toBe(true); // a reduction always passes
    expect(v.cash(a)).toBeCloseTo(10000 - 50 * 1500, 6);
    w.prices[1] = 1500;
    expect(v.isLiquidatable(a, w.prices, 2)).toBe(true);
    expect(v.crossed(a, w.prices, 2)).toBe(true);
    expect(v.liquidate(2, a, w.prices)).toBe(true);
    expect(v.qty[a]?.[btc]).toBe(0);
    w.ledger.check("short gone");
  });
});

describe("bankruptcy", () => {
  function gap(params: Record<string, unknown>) {
    const s = setup(params);
    const a = s.v.open("u", s.user);
    s.v.deposit(0, a, 5000);
    s.w.prices[0] = 60000;
    s.v.trade(0, a, s.m, 1, 60000, s.w.prices);
    s.w.prices[0] = 50000; // equity −5 000
    return { ...s, a };
  }
  it("the insurance fund covers the 5 000 shortfall", () => {
    const { w, v, a } = gap({});
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    expect(v.cash(a)).toBeCloseTo(0, 9);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(1e6 - 5000, 6);
    expect(w.events.count(EventType.insuranceDraw)).toBe(1);
    w.ledger.check("insurance");
  });
  it("a 2 000 fund pays 2 000, the other 3 000 is socialised as bad debt", () => {
    const { w, v, a } = gap({ insuranceFund: 2000 });
    v.liquidate(1, a, w.prices);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(0, 9);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(3000, 9);
    expect(w.events.count(EventType.badDebt)).toBe(1);
    w.ledger.check("socialised");
  });
  it("ADL: a profitable short pays the shortfall by closing 1 BTC at the bankruptcy price 55 000", () => {
    const { w, v, m, a, user } = gap({ insuranceFund: 0, bankruptcy: "adl" });
    const b = v.open("b", user);
    v.deposit(0, b, 20000);
    w.prices[0] = 60000;
    v.trade(0, b, m, -2, 60000, w.prices);
    w.prices[0] = 50000;
    v.liquidate(1, a, w.prices);
    expect(v.cash(a)).toBeCloseTo(0, 9);
    expect(v.qty[b]?.[m]).toBe(-1);
    // b closed 1 at 55 000 instead of 50 000: realised +5 000 on that unit.
    expect(v.cash(b)).toBeCloseTo(20000 + 5000, 9);
    expect(w.events.count(EventType.deleverage)).toBe(1);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    w.ledger.check("adl");
  });
});

describe("cross margin with two markets", () => {
  it("uses the full test (no single liquidation price) and shares margin", () => {
    const { w, v, m, user } = setup();
    const eth = v.addMarket(1); // a second market (on ledger asset 1, price 1)
    const a = v.open("x", user, "cross");
    v.deposit(0, a, 10000);
    w.prices[0] = 60000;
    v.trade(0, a, m, 1, 60000, w.prices);
    v.trade(0, a, eth, 1000, 1, w.prices);
    expect(Number.isNaN(v.liquidationPrice(a))).toBe(true);
    expect(v.crossed(a, w.prices, 0)).toBe(true);
    expect(v.isLiquidatable(a, w.prices, 0)).toBe(false);
    expect(v.marginRatio(a, w.prices)).toBeCloseTo((1800 + 30) / 10000, 12);
    // Cross LP of BTC with the other position at its mark: 10 000 − 30 + (P − 60 000) = 0.03·P
    expect(v.liquidationPriceIn(a, m, w.prices)).toBeCloseTo((60000 - 9970) / 0.97, 6);
  });
});
