/**
 * PerpVenue edges worked by hand (REFERENCE "Perpetual futures"; dYdX IMF 5 % / MMF 3 %, fee 0.5 %):
 * the closing cost an asymmetric impact model gives a long (it sells), closing everything when the
 * cost exceeds IM, ADL in the market of the largest position, the fund before ADL, the cross
 * liquidation price of a short, and the screens of accounts with no position or two markets.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const impact = (f: (qty: number) => number) => ({
  impact: f,
  capacity: () => Number.POSITIVE_INFINITY,
  onFill: () => {},
  reset: () => {},
});

function setup(params: Record<string, unknown> = {}, btcImpact?: ReturnType<typeof impact>) {
  const w = world(["BTC", "ETH", "USDC"]);
  const v = build(perpLinearKind, params, w, "perp");
  const btc = v.addMarket(0, btcImpact);
  const eth = v.addMarket(1);
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 3000, 1]);
  return { w, v, btc, eth, user };
}

function open(
  s: ReturnType<typeof setup>,
  owner: string,
  margin: number,
  m: number,
  size: number,
  price: number,
) {
  const a = s.v.open(owner, s.user, "cross");
  s.v.deposit(0, a, margin);
  s.w.prices[m === s.btc ? 0 : 1] = price;
  expect(s.v.trade(0, a, m, size, price, s.w.prices)).toBe(true);
  return a;
}

describe("closing costs", () => {
  it("a long's close is priced with the impact of a sale (1 %, not the 3 % of a buy)", () => {
    const s = setup(
      {},
      impact((q) => (q < 0 ? 0.01 : 0.03)),
    );
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    s.w.prices[0] = 56500; // equity 1 500, IM 2 825; C = 56 500·(0.01 + 0.99·0.005) = 844.675
    s.v.liquidate(1, a, s.w.prices);
    const phi = (1325 / (2825 - 844.675)) * (1 + 1e-9);
    expect(s.v.qty[a]?.[s.btc]).toBeCloseTo(1 - phi, 9);
    expect(eventRows(s.w.events, EventType.liquidation)[0]?.["price"]).toBeCloseTo(56500 * 0.99, 6);
  });
  it("a closing cost above IM (6 % impact against IMF 5 %) closes everything", () => {
    const s = setup(
      {},
      impact(() => 0.06),
    );
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    s.w.prices[0] = 56500;
    s.v.liquidate(1, a, s.w.prices);
    expect(s.v.qty[a]?.[s.btc]).toBe(0);
  });
  it("without a liquidation fee each event's fee is 0, not 0/0", () => {
    const s = setup({ liquidationFee: 0 });
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    s.w.prices[0] = 56500;
    s.v.liquidate(1, a, s.w.prices);
    expect(eventRows(s.w.events, EventType.liquidation)[0]?.["fee"]).toBe(0);
  });
});

describe("bankruptcy across markets", () => {
  it("ADL runs in the market of the largest position (BTC 1 ⇒ 50 000 against ETH 1 ⇒ 2 000)", () => {
    const s = setup({ insuranceFund: 0, bankruptcy: "adl" });
    const a = s.v.open("u", s.user, "cross");
    s.v.deposit(0, a, 6000);
    expect(s.v.trade(0, a, s.btc, 1, 60000, s.w.prices)).toBe(true);
    expect(s.v.trade(0, a, s.eth, 1, 3000, s.w.prices)).toBe(true);
    const bs = open(s, "bs", 20000, s.btc, -1, 60000);
    const es = open(s, "es", 20000, s.eth, -1, 3000);
    s.w.prices.set([50000, 2000, 1]); // equity 6 000 − 10 000 − 1 000 = −5 000
    s.v.liquidate(1, a, s.w.prices);
    expect(eventRows(s.w.events, EventType.liquidation)).toHaveLength(2); // one per position
    const adl = eventRows(s.w.events, EventType.deleverage);
    expect(adl.map((r) => [r["account"], r["asset"]])).toEqual([["bs", "BTC"]]);
    expect(s.v.qty[es]?.[s.eth]).toBe(-1);
    expect(s.v.qty[bs]?.[s.btc]).toBe(0);
    expect(s.w.events.count(EventType.insuranceDraw)).toBe(0); // the fund is empty: no draw of 0
    s.w.ledger.check("adl market");
  });
  it("the fund pays first: with enough in it, nobody is deleveraged", () => {
    const s = setup({ bankruptcy: "adl" });
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    const b = open(s, "b", 20000, s.btc, -1, 60000);
    s.w.prices[0] = 50000;
    s.v.liquidate(1, a, s.w.prices);
    expect(s.v.qty[b]?.[s.btc]).toBe(-1);
    expect(s.w.events.count(EventType.deleverage)).toBe(0);
  });
  it("socialise means socialise: a profitable short is not touched", () => {
    const s = setup({ insuranceFund: 0 });
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    const b = open(s, "b", 20000, s.btc, -1, 60000);
    s.w.prices[0] = 50000;
    s.v.liquidate(1, a, s.w.prices);
    expect(s.v.qty[b]?.[s.btc]).toBe(-1);
    expect(eventRows(s.w.events, EventType.badDebt)[0]?.["badDebt"]).toBeCloseTo(5000, 9);
  });
  it("a short at break-even is not deleveraged", () => {
    const s = setup({ insuranceFund: 0, bankruptcy: "adl" });
    const a = open(s, "u", 5000, s.btc, 1, 60000);
    const even = open(s, "even", 20000, s.btc, -1, 50000);
    s.w.prices[0] = 50000;
    s.v.liquidate(1, a, s.w.prices);
    expect(s.v.qty[even]?.[s.btc]).toBe(-1);
  });
});

describe("liquidation prices and screens", () => {
  it("a cross short: 3 000 − (P − 60 000) = 0.03·P ⇒ P = 63 000/1.03", () => {
    const s = setup();
    const a = open(s, "u", 3000, s.btc, -1, 60000);
    expect(s.v.liquidationPriceIn(a, s.btc, s.w.prices)).toBeCloseTo(63000 / 1.03, 6);
    expect(s.v.liquidationPrice(a)).toBeCloseTo(63000 / 1.03, 6); // one position: the trigger's too
    s.w.prices[0] = (63000 / 1.03) * (1 + 1e-7); // the screen reads BTC's own price, not ETH's
    expect(s.v.crossed(a, s.w.prices)).toBe(true);
    s.w.prices[0] = (63000 / 1.03) * (1 - 1e-7);
    expect(s.v.crossed(a, s.w.prices)).toBe(false);
  });
  it("no position: no trigger and never liquidatable, even with the cash gone", () => {
    const s = setup();
    const a = open(s, "u", 1000, s.btc, 0.1, 60000);
    expect(s.v.trade(0, a, s.btc, -0.1, 40000, s.w.prices)).toBe(true); // closes at a 2 000 loss
    expect(s.v.cash(a)).toBeCloseTo(-1000, 9);
    expect(s.v.crossed(a, s.w.prices)).toBe(false);
    expect(s.v.isLiquidatable(a, s.w.prices)).toBe(false);
    expect(s.v.marginRatio(a, s.w.prices)).toBe(0);
    expect(s.v.qty[s.v.open("late", s.user)]).toEqual([0, 0]);
  });
  it("margins gives IM and leaves MM, summed over markets", () => {
    const s = setup();
    const a = open(s, "u", 10000, s.btc, 1, 60000);
    expect(s.v.trade(0, a, s.eth, -2, 3000, s.w.prices)).toBe(true);
    expect(s.v.margins(a, s.w.prices)).toBeCloseTo(3000 + 300, 9);
    expect(s.v.lastMaintenance).toBeCloseTo(1800 + 180, 9);
    s.w.prices[0] = 40000; // equity 10 000 − 20 000 < 0: the ratio is ∞, not negative
    expect(s.v.marginRatio(a, s.w.prices)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("trades", () => {
  it("an isolated account adds to its own market; IM counts the whole new size once", () => {
    const s = setup();
    const a = s.v.open("iso", s.user, "isolated");
    s.v.deposit(0, a, 3000);
    expect(s.v.trade(0, a, s.btc, 0.5, 60000, s.w.prices)).toBe(true);
    expect(s.v.trade(0, a, s.btc, 0.5, 60000, s.w.prices)).toBe(true); // IM 3 000 = equity
    expect(s.v.trade(0, a, s.btc, 0.01, 60000, s.w.prices)).toBe(false);
    expect(eventRows(s.w.events, EventType.rejected)[0]?.["detail"]).toBe(
      "perp: equity 3000 below initial margin 3030",
    );
  });
  it("a zero order does nothing, fee included", () => {
    const s = setup();
    const a = open(s, "u", 3000, s.btc, 0.1, 60000);
    expect(s.v.trade(0, a, s.btc, 0, 60000, s.w.prices, 5, 5)).toBe(true);
    expect(s.v.cash(a)).toBe(3000);
  });
});
