/**
 * Options trades, withdrawals and expiry settlement, worked by hand (./options-trade.ts,
 * ./options-settlement.ts; linear standard margin of REFERENCE "Options margin and conventions":
 * short IM = max(0.15 − OTM/S, 0.10)·S + mark). Vol 0 makes every mark intrinsic.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { MS_PER_DAY } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

function venue(deposit = 250, params: Record<string, unknown> = {}) {
  const w = world(["ETH", "USDC"]);
  const v = build(optionsStandardKind, params, w, "opt");
  const user = wallet(w, "user", { USDC: 1e6 });
  const call = v.list(0, true, 2400, T, 0);
  const a = v.open("u", user);
  w.prices.set([2000, 1]);
  v.deposit(0, a, deposit, w.prices);
  return { w, v, user, call, a };
}

describe("withdrawals: at most min(cash, equity − IM)", () => {
  it("a short call (IM 200) on 250 frees 50: 50 goes, 50.01 and 0 do not", () => {
    const { w, v, call, a } = venue();
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(true);
    expect(v.withdraw(0, a, 50.01, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 0, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 50, w.prices)).toBe(true);
    expect(v.cash(a)).toBe(200);
    expect(w.events.count(EventType.rejected)).toBe(2);
    w.ledger.check("withdraw");
  });
  it("premium received is cash but not free margin: sold at 30, still only 50 free", () => {
    const { w, v, call, a } = venue();
    w.prices[0] = 2400; // ATM, mark 0 at vol 0; IM 0.15·2 400 = 360
    v.deposit(0, a, 110, w.prices); // 360 in all
    expect(v.trade(0, a, call, -1, 30, w.prices)).toBe(true); // cash 390, equity − IM = 30
    expect(v.withdraw(0, a, 30.01, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 30, w.prices)).toBe(true);
    w.ledger.check("premium");
  });
});

describe("trades", () => {
  it("reducing a position always passes, even below IM; flipping it needs IM", () => {
    const { w, v, call, a } = venue();
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 2600; // IM 590 > 250: under water
    expect(v.trade(1, a, call, 0.5, 200, w.prices)).toBe(true); // buys half back at 200
    expect(v.position(a, call)).toBe(-0.5);
    expect(v.trade(1, a, call, 2, 200, w.prices)).toBe(false); // −0.5 → +1.5 is not a reduction
    expect(v.position(a, call)).toBe(-0.5);
    w.ledger.check("reduce");
  });
  it("an expired, settled or unknown instrument is refused; so is an inverse trade in another coin", () => {
    const { w, v, call, a } = venue();
    expect(v.trade(T, a, call, 1, 0, w.prices)).toBe(false);
    v.settleDue(T, w.prices);
    expect(v.trade(1, a, call, 1, 0, w.prices)).toBe(false);
    const inv = build(optionsStandardKind, { style: "inverse" }, w, "inv");
    const btc = inv.list(1, true, 1, T, 0); // an instrument on the quote asset
    const b = inv.open("x", wallet(w, "x", { ETH: 1 }), 0);
    expect(inv.trade(0, b, btc, -1, 0, w.prices)).toBe(false);
    expect(eventRows(w.events, EventType.rejected).map((r) => r["detail"])).toEqual([
      "opt: instrument expired or unknown",
      "opt: instrument expired or unknown",
      "inv: inverse account margined in another coin",
    ]);
  });
  it("premiums move against #market; a position of a later instrument starts at 0", () => {
    const { w, v, a } = venue(1000);
    v.list(0, true, 2600, T, 0);
    const third = v.list(0, false, 1800, T, 0);
    expect(v.trade(0, a, third, 2, 15, w.prices)).toBe(true);
    expect(v.qty[a]).toEqual([0, 0, 2]);
    expect(v.cash(a)).toBe(970);
    expect(w.ledger.flow(Reason.premium, 1)).toBe(30);
    // closing it back exactly leaves exactly 0, not a rounding residue
    expect(v.trade(0, a, third, -2, 15, w.prices)).toBe(true);
    expect(v.position(a, third)).toBe(0);
    expect(v.hasPositions(a)).toBe(false);
  });
});

describe("expiry settlement", () => {
  it("pays qty × payoff per holder; the event names the option and its payoff", () => {
    const { w, v, user, call, a } = venue();
    const b = v.open("b", user);
    v.deposit(0, b, 500, w.prices);
    v.trade(0, a, call, -1, 0, w.prices);
    v.trade(0, b, call, 1, 0, w.prices);
    const put = v.list(0, false, 2000, 2 * T, 0);
    expect(v.nextExpiryMs()).toBe(T);
    w.prices[0] = 2500;
    v.settleDue(T - 1, w.prices);
    expect(w.events.count(EventType.settlement)).toBe(0);
    v.settleDue(T, w.prices);
    expect([v.cash(a), v.cash(b)]).toEqual([150, 600]);
    const rows = eventRows(w.events, EventType.settlement);
    expect(rows.map((r) => [r["account"], r["asset"], r["size"], r["price"], r["cash"], r["venue"]])).toEqual(
      [
        ["u", "ETH", -1, 2500, -100, "opt"],
        ["b", "ETH", 1, 2500, 100, "opt"],
      ],
    );
    expect(rows[0]?.["detail"]).toBe("opt call K 2400 settled, payoff 100 per unit");
    expect(v.nextExpiryMs()).toBe(2 * T);
    v.trade(T, b, put, 1, 0, w.prices);
    w.prices[0] = 1900;
    v.settleDue(2 * T, w.prices);
    expect(eventRows(w.events, EventType.settlement)[2]?.["detail"]).toBe(
      "opt put K 2000 settled, payoff 100 per unit",
    );
    expect(v.nextExpiryMs()).toBe(Number.POSITIVE_INFINITY);
    w.ledger.check("settle");
  });
  it("a holder left negative with no positions is bankrupt: the fund pays first", () => {
    const { w, v, call, a } = venue(250, { insuranceFund: 1000 });
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 3000;
    v.settle(T, call, 3000, w.prices); // pays 600 on 250
    expect(v.cash(a)).toBeCloseTo(0, 9);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(650, 9);
    expect(v.crossed(a, w.prices, T + 1)).toBe(false); // no positions: the band is everything
    w.ledger.check("settle bankrupt");
  });
});
