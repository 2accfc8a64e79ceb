/**
 * Perp trades and funding, worked by hand (./perp-trade.ts, ./perp-funding.ts; REFERENCE
 * "Perpetual futures": IM gate on equity after the order, dYdX IMF 5 %; Binance funding every 8 h on
 * mark notional, F = P̄ + clamp(I − P̄, ±0.05 %), longs pay when F > 0).
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const H = 3_600_000;

function setup(params: Record<string, unknown> = {}) {
  const w = world(["BTC", "ETH", "USDC"]);
  const v = build(perpLinearKind, params, w, "perp");
  const btc = v.addMarket(0);
  const eth = v.addMarket(1);
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 3000, 1]);
  const a = v.open("u", user, "cross");
  return { w, v, btc, eth, a };
}

describe("the initial-margin gate", () => {
  it("counts the other positions' IM: 3 000 holds 1 BTC (IM 3 000) but not 1 BTC and 1 ETH", () => {
    const { w, v, btc, eth, a } = setup();
    v.deposit(0, a, 3150);
    expect(v.trade(0, a, btc, 1, 60000, w.prices)).toBe(true);
    expect(v.trade(0, a, eth, 1, 3000, w.prices)).toBe(true); // IM 3 000 + 150 = 3 150
    expect(v.trade(0, a, eth, 0.01, 3000, w.prices)).toBe(false);
    expect(eventRows(w.events, EventType.rejected)[0]).toMatchObject({
      account: "u",
      asset: "ETH",
      size: 0.01,
    });
  });
  it("counts unrealised PnL of the other positions and the order's own fee and slippage", () => {
    const { w, v, btc, eth, a } = setup();
    v.deposit(0, a, 3000);
    v.trade(0, a, btc, 1, 60000, w.prices);
    w.prices[0] = 63000; // +3 000 unrealised; BTC IM 3 150
    expect(v.trade(0, a, eth, 1, 3000, w.prices, 2700.01, 0)).toBe(false); // IM 3 150 + 150
    expect(v.trade(0, a, eth, 1, 3000, w.prices, 2700, 0)).toBe(true); // 6 000 − 2 700 = 3 300
    expect(v.cash(a)).toBe(300);
    expect(w.ledger.flow(Reason.fee, 2)).toBe(2700);
    expect(w.ledger.balance(v.feesAcct, 2)).toBe(2700);
    expect(w.ledger.accounts[v.feesAcct]?.name).toBe("perp#fees");
    expect(v.trade(0, a, eth, -0.5, 3000, w.prices, 0, 10)).toBe(true); // a reduction: no gate
    expect(w.ledger.flow(Reason.slippage, 2)).toBe(10);
    w.ledger.check("gate");
  });
  it("a flip is not a reduction: short 1 → long 1 needs the long's IM", () => {
    const { w, v, btc, a } = setup();
    v.deposit(0, a, 3000);
    v.trade(0, a, btc, -1, 60000, w.prices);
    expect(v.trade(0, a, btc, 2, 60000, w.prices, 1, 0)).toBe(false); // 2 999 < 3 000
    expect(v.trade(0, a, btc, 2, 60000, w.prices)).toBe(true);
    expect(v.qty[a]?.[btc]).toBe(1);
    expect(v.trade(0, a, btc, 0, 60000, w.prices)).toBe(true); // nothing to do
  });
});

describe("entries", () => {
  it("an increase averages the entry: 1 at 100 then 3 at 120 ⇒ 115; a reduction keeps it", () => {
    const { w, v, btc, a } = setup();
    v.deposit(0, a, 1000);
    w.prices[0] = 100;
    v.trade(0, a, btc, 1, 100, w.prices);
    v.trade(0, a, btc, 3, 120, w.prices);
    expect(v.entry[a]?.[btc]).toBeCloseTo(115, 12);
    v.trade(0, a, btc, -2, 130, w.prices);
    expect(v.entry[a]?.[btc]).toBeCloseTo(115, 12);
    expect(v.cash(a)).toBeCloseTo(1000 + 2 * 15, 9);
    v.trade(0, a, btc, -2, 90, w.prices); // closed: no entry left
    expect([v.qty[a]?.[btc], v.entry[a]?.[btc]]).toEqual([0, 0]);
    expect(v.cash(a)).toBeCloseTo(1000 + 30 - 50, 9);
    w.ledger.check("entries");
  });
});

describe("funding", () => {
  it("falls due on the interval's grid, whatever the start: a start at 5 h pays first at 8 h", () => {
    const { w, v, btc, a } = setup({ fundingSource: "fixed", fundingRate: 0.0001 });
    v.deposit(0, a, 20000);
    v.trade(0, a, btc, 2, 60000, w.prices);
    expect(v.fund(5 * H, w.prices)).toBe(false);
    expect(v.fund(8 * H - 1, w.prices)).toBe(false);
    expect(v.fund(8 * H, w.prices)).toBe(true);
    expect(v.fund(9 * H, w.prices)).toBe(false);
    expect(v.fund(16 * H, w.prices)).toBe(true);
    expect(v.cash(a)).toBeCloseTo(20000 - 2 * 12, 9); // 0.01 % of 120 000, twice
    const rows = eventRows(w.events, EventType.funding);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      t: 8 * H,
      account: "u",
      asset: "BTC",
      size: 2,
      price: 60000,
      venue: "perp",
    });
    expect(rows[0]?.["funding"]).toBeCloseTo(12, 12);
    expect(rows[0]?.["detail"]).toBe("perp funding rate 0.0001");
    w.ledger.check("funding grid");
  });
  it("a log that keeps only rare events counts funding without rows", () => {
    const { w, v, btc, a } = setup({ fundingSource: "fixed" });
    v.deposit(0, a, 20000);
    v.trade(0, a, btc, 1, 60000, w.prices);
    w.events.keepAll = false;
    v.start(0);
    expect(v.fund(8 * H, w.prices)).toBe(true);
    expect(w.events.count(EventType.funding)).toBe(1);
    expect(eventRows(w.events, EventType.funding)).toEqual([]);
  });
  it("a series rate is taken as given within the cap; the premium source applies Binance's clamp", () => {
    expect(setup({ fundingSource: "series" }).v.fundingRateFor(0.001)).toBe(0.001);
    expect(setup({ fundingSource: "premium" }).v.fundingRateFor(-0.001)).toBeCloseTo(-0.0005, 15);
  });
});
