/**
 * The ADL queue's ranking and its filter on equity (./perp-liquidation.ts; REFERENCE "Perpetual
 * futures": Binance ranks by PnL% × effective leverage, leverage = notional / equity; dYdX IMF 5 %,
 * no trading fee here), the fund empty: who pays a bankrupt account's shortfall, and in which market.
 * Mostly a long 1 BTC from 60 000 on 5 000, bankrupt at 50 000 with a 5 000 shortfall.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function setup() {
  const w = world(["BTC", "ETH", "USDC"]);
  const v = build(perpLinearKind, { insuranceFund: 0, bankruptcy: "adl" }, w, "perp");
  const btc = v.addMarket(0);
  const eth = v.addMarket(1);
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 3000, 1]);
  return { w, v, btc, eth, user };
}

/** The venue with the bankrupt-to-be long 1 BTC from 60 000 on 5 000. */
function withLong() {
  const s = setup();
  return { ...s, u: open(s, "u", 5000, [[s.btc, 1, 60000]]) };
}

/** A cross account with `margin`, then each [market, size, price] traded at that price (the mark then). */
function open(
  s: ReturnType<typeof setup>,
  owner: string,
  margin: number,
  trades: [number, number, number][],
): number {
  const a = s.v.open(owner, s.user, "cross");
  s.v.deposit(0, a, margin);
  for (const [m, size, price] of trades) {
    s.w.prices[m] = price;
    expect(s.v.trade(0, a, m, size, price, s.w.prices)).toBe(true);
  }
  return a;
}

describe("the ADL score weighs PnL% and leverage", () => {
  it("short 1 from 55 000 at leverage 5 (9.1 % × 5 = 0.45) goes before short 1 from 60 000 at 2.5 (16.7 % × 2.5 = 0.42)", () => {
    const s = withLong();
    const b = open(s, "b", 10000, [[s.btc, -1, 60000]]); // at 50 000: equity 20 000, notional 50 000
    const c = open(s, "c", 5000, [[s.btc, -1, 55000]]); // at 50 000: equity 10 000
    s.w.prices[0] = 50000;
    s.v.liquidate(1, s.u, s.w.prices);
    expect(eventRows(s.w.events, EventType.deleverage).map((r) => r["account"])).toEqual(["c"]);
    expect([s.v.qty[b]?.[s.btc], s.v.qty[c]?.[s.btc]]).toEqual([-1, 0]);
    s.w.ledger.check("adl score");
  });
});

describe("a profitable short in an account without equity is not deleveraged", () => {
  it("short 1 BTC from 60 000 and long 20 or 30 ETH from 3 000 on 20 000, ETH at 1 500: equity 0 and −15 000", () => {
    const s = withLong();
    const d = open(s, "d", 20000, [
      [s.btc, -1, 60000],
      [s.eth, 20, 3000],
    ]);
    const e = open(s, "e", 20000, [
      [s.btc, -1, 60000],
      [s.eth, 30, 3000],
    ]);
    s.w.prices.set([50000, 1500, 1]); // d: 20 000 + 10 000 − 30 000 = 0; e: 20 000 + 10 000 − 45 000
    expect(s.v.equity(d, s.w.prices)).toBe(0);
    s.v.liquidate(1, s.u, s.w.prices);
    expect(s.w.events.count(EventType.deleverage)).toBe(0);
    expect([s.v.qty[d]?.[s.btc], s.v.qty[e]?.[s.btc]]).toEqual([-1, -1]);
    expect(eventRows(s.w.events, EventType.badDebt)[0]?.["badDebt"]).toBeCloseTo(5000, 9);
    s.w.ledger.check("adl equity");
  });
});

describe("the market ADL runs in", () => {
  const adlRows = (s: ReturnType<typeof setup>) =>
    eventRows(s.w.events, EventType.deleverage).map((r) => [r["account"], r["asset"]]);
  it("the larger notional even when listed second: ETH 10 ⇒ 20 000 against BTC 0.1 ⇒ 5 000", () => {
    const s = setup();
    const u = open(s, "u", 2000, [
      [s.btc, 0.1, 60000],
      [s.eth, 10, 3000],
    ]); // IM 300 + 1 500
    const bs = open(s, "bs", 20000, [[s.btc, -0.1, 60000]]);
    open(s, "es", 20000, [[s.eth, -10, 3000]]);
    s.w.prices.set([50000, 2000, 1]); // equity 2 000 − 1 000 − 10 000 = −9 000
    s.v.liquidate(1, u, s.w.prices);
    expect(adlRows(s)).toEqual([["es", "ETH"]]);
    expect(s.v.qty[bs]?.[s.btc]).toBe(-0.1);
    s.w.ledger.check("adl second market");
  });
  it("equal notionals (BTC 1 and ETH 25 both 50 000): the market listed first", () => {
    const s = setup();
    const u = open(s, "u", 7000, [
      [s.btc, 1, 60000],
      [s.eth, 25, 3000],
    ]); // IM 3 000 + 3 750
    open(s, "bs", 50000, [[s.btc, -1, 60000]]);
    const es = open(s, "es", 50000, [[s.eth, -25, 3000]]);
    s.w.prices.set([50000, 2000, 1]);
    s.v.liquidate(1, u, s.w.prices);
    expect(adlRows(s)).toEqual([["bs", "BTC"]]);
    expect(s.v.qty[es]?.[s.eth]).toBe(-25);
  });
  it("a bankrupt short is not deleveraged against a long at break-even", () => {
    const s = setup();
    const u = open(s, "u", 5000, [[s.btc, -1, 60000]]);
    const even = open(s, "even", 20000, [[s.btc, 1, 70000]]); // the mark is 70 000 from here on
    s.v.liquidate(1, u, s.w.prices); // equity 5 000 − 10 000
    expect(s.v.qty[even]?.[s.btc]).toBe(1);
    expect(s.w.events.count(EventType.deleverage)).toBe(0);
    expect(eventRows(s.w.events, EventType.badDebt)[0]?.["badDebt"]).toBeCloseTo(5000, 9);
  });
});
