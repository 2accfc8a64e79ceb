/**
 * Funding is paid on the position's notional at the mark when it falls due, never at its entry
 * price (Binance USDⓈ-M: "Funding amount = position notional value × funding rate", notional at
 * mark; REFERENCE "Perpetual futures"). Every case opens away from the funding-time mark, so a
 * payment computed on entry, or on |size| without its sign, gives a different number.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { perpLinearKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const EIGHT_HOURS = 8 * 3_600_000;

function opened(entry: number, longQty: number, params: Record<string, unknown> = {}) {
  const w = world(["BTC", "USDC"]);
  const v = build(perpLinearKind, { fundingSource: "series", ...params }, w, "perp");
  const m = v.addMarket(0);
  const user = wallet(w, "user", { USDC: 1e6 });
  w.prices[1] = 1;
  const long = v.open("long", user);
  const short = v.open("short", user);
  v.deposit(0, long, 50_000);
  v.deposit(0, short, 50_000);
  w.prices[0] = entry;
  expect(v.trade(0, long, m, longQty, entry, w.prices)).toBe(true);
  expect(v.trade(0, short, m, -longQty, entry, w.prices)).toBe(true);
  v.start(0);
  return { w, v, m, long, short };
}

describe("funding on the mark, entry ≠ mark", () => {
  it("long 2 opened at 60 000, mark 65 000 at funding, rate 0.01 %: long pays 2 × 65 000 × 0.0001 = 13", () => {
    const { w, v, long, short } = opened(60_000, 2);
    const cashLong = v.cash(long);
    const cashShort = v.cash(short);
    w.prices[0] = 65_000;
    expect(v.fund(EIGHT_HOURS, w.prices, [0.0001])).toBe(true);
    expect(cashLong - v.cash(long)).toBeCloseTo(13, 9); // on entry it would be 12
    expect(v.cash(short) - cashShort).toBeCloseTo(13, 9);
    // Funding is cash: the entry price and the unrealised PnL on it are untouched.
    expect(v.entry[long]?.[0]).toBe(60_000);
    expect(v.equity(long, w.prices)).toBeCloseTo(cashLong - 13 + 2 * 5000, 9);
    expect(w.ledger.paid(Reason.funding, 1)).toBeCloseTo(0, 9); // both sides tracked: nets out
    expect(w.ledger.flow(Reason.funding, 1)).toBeCloseTo(0, 9);
    w.ledger.check("funding above entry");
  });

  it("mark below entry and a negative rate: the short pays the long 1.5 × 40 000 × 0.0003 = 18", () => {
    const { w, v, long, short } = opened(50_000, 1.5);
    const cashLong = v.cash(long);
    const cashShort = v.cash(short);
    w.prices[0] = 40_000;
    v.fund(EIGHT_HOURS, w.prices, [-0.0003]);
    expect(v.cash(long) - cashLong).toBeCloseTo(18, 9); // on entry it would be 22.5
    expect(cashShort - v.cash(short)).toBeCloseTo(18, 9);
    w.ledger.check("funding below entry");
  });

  it("each interval pays on that interval's mark: 65 000 then 55 000 at 0.02 %", () => {
    const { w, v, long } = opened(60_000, 1);
    const cash0 = v.cash(long);
    w.prices[0] = 65_000;
    v.fund(EIGHT_HOURS, w.prices, [0.0002]);
    w.prices[0] = 55_000;
    v.fund(2 * EIGHT_HOURS, w.prices, [0.0002]);
    expect(cash0 - v.cash(long)).toBeCloseTo(0.0002 * (65_000 + 55_000), 9);
    const ev = w.events;
    const rows = ev.type.flatMap((t, k) => (t === EventType.funding && ev.account[k] === "long" ? [k] : []));
    expect(rows.map((k) => ev.price[k])).toEqual([65_000, 55_000]);
    expect(rows.map((k) => ev.amounts.funding[k])).toEqual([0.0002 * 65_000, 0.0002 * 55_000]);
  });

  it("the premium formula applies on the mark too: P̄ 0.09 %, I 0.01 % gives F = 0.09 % − 0.05 % = 0.04 %, 2 × 70 000 × 0.0004 = 56", () => {
    const { w, v, long } = opened(60_000, 2, { fundingSource: "premium" });
    const cash0 = v.cash(long);
    w.prices[0] = 70_000;
    v.fund(EIGHT_HOURS, w.prices, [0.0009]);
    expect(cash0 - v.cash(long)).toBeCloseTo(56, 9); // on entry 48;
  });
});
