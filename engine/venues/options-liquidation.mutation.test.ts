/**
 * Options liquidation, worked by hand (./options-liquidation.ts; REFERENCE "Options margin and
 * conventions", linear Aevo variant: short IM = max(0.15 − OTM/S, 0.10)·S + mark, MM = 0.10·S + mark;
 * penalty 0.2 % of S per option to the insurance fund). Vol 0 makes every mark intrinsic, so each
 * figure below is arithmetic on the strikes. Every test ends with `ledger.check`.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { MS_PER_DAY } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

function venue(deposit: number, params: Record<string, unknown> = {}) {
  const w = world(["ETH", "USDC"]);
  const v = build(optionsStandardKind, params, w, "opt");
  const user = wallet(w, "user", { USDC: 1e6 });
  const a = v.open("u", user);
  w.prices[0] = 2000;
  w.prices[1] = 1;
  v.deposit(0, a, deposit, w.prices);
  return { w, v, a };
}

describe("buy-back order: largest IM per unit first, ties by instrument index", () => {
  it("K 2 400 (IM 590 at S 2 600) is bought back whole before K 2 800 (IM 260), listed first", () => {
    const { w, v, a } = venue(450);
    const k2800 = v.list(0, true, 2800, T, 0);
    const k2400 = v.list(0, true, 2400, T, 0);
    expect(v.trade(0, a, k2800, -1, 0, w.prices)).toBe(true); // IM 0.10·2 000
    expect(v.trade(0, a, k2400, -1, 0, w.prices)).toBe(true); // IM 0.10·2 000
    w.prices[0] = 2600;
    // equity 450 − 200 = 250; MM 460 + 260 = 720; IM 590 + 260 = 850 ⇒ deficit 600.
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    expect(v.position(a, k2400)).toBe(0); // 600 / (590 − 5.2) > 1: all of it
    const rest = (600 - 584.8) / (260 - 5.2); // 15.2 left, K 2 800 releases 254.8 per unit
    expect(v.position(a, k2800)).toBeCloseTo(-(1 - rest), 8);
    const rows = eventRows(w.events, EventType.liquidation);
    expect(rows.map((r) => r["detail"])).toEqual([
      "opt option buy-back at mark + penalty, instrument 1",
      "opt option buy-back at mark + penalty, instrument 0",
    ]);
    expect(rows[0]).toMatchObject({ account: "u", asset: "ETH", size: 1, venue: "opt" });
    expect(rows[0]?.["price"]).toBeCloseTo(205.2, 9); // mark 200 + penalty 5.2
    expect(rows[0]?.["liquidator"]).toBe("opt#insurance");
    expect(rows[0]?.["fee"]).toBeCloseTo(5.2, 9);
    expect(rows[1]?.["size"]).toBeCloseTo(rest, 8);
    expect(rows[1]?.["price"]).toBeCloseTo(5.2, 9); // mark 0 + penalty
    expect(rows[1]?.["fee"]).toBeCloseTo(rest * 5.2, 8);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo((1 + rest) * 5.2, 8);
    expect(v.excess(a, 1, w.prices, 1)).toBeCloseTo(0, 4); // back at initial margin
    w.ledger.check("order");
  });

  it("equal IMs: the lower instrument index goes first, the other is left alone", () => {
    const { w, v, a } = venue(450);
    const first = v.list(0, true, 2400, T, 0);
    const second = v.list(0, true, 2400, T, 0);
    v.trade(0, a, first, -1, 0, w.prices);
    v.trade(0, a, second, -1, 0, w.prices);
    w.prices[0] = 2450;
    // equity 450 − 2·50 = 350; MM 2·(245 + 50) = 590; IM 2·(367.5 + 50) = 835 ⇒ deficit 485,
    // one unit releases 417.5 − 4.9 = 412.6: all of the first, 72.4/412.6 of the second.
    v.liquidate(1, a, w.prices);
    expect(v.position(a, first)).toBe(0);
    expect(v.position(a, second)).toBeCloseTo(-(1 - 72.4 / 412.6), 8);
    w.ledger.check("tie");
  });
});

describe("how far the buy-back goes", () => {
  it("stops once back at initial margin: two further shorts are left alone", () => {
    const { w, v, a } = venue(850);
    const k2800 = v.list(0, true, 2800, T, 0);
    const k2400 = v.list(0, true, 2400, T, 0);
    const k3200 = v.list(0, true, 3200, T, 0);
    const k3600 = v.list(0, true, 3600, T, 0);
    for (const i of [k2800, k2400, k3200, k3600]) expect(v.trade(0, a, i, -1, 0, w.prices)).toBe(true);
    w.prices[0] = 2600; // equity 650, IM 590 + 3·260 ⇒ deficit 720: K 2 400 whole, then K 2 800
    v.liquidate(1, a, w.prices);
    expect(v.position(a, k2400)).toBe(0);
    expect(v.position(a, k2800)).toBeCloseTo(-(1 - (720 - 584.8) / 254.8), 8);
    expect([v.position(a, k3200), v.position(a, k3600)]).toEqual([-1, -1]);
    expect(w.events.count(EventType.liquidation)).toBe(2);
    w.ledger.check("stops");
  });

  it("a long is kept through a partial liquidation, even with the cash left negative", () => {
    const { w, v, a } = venue(250, { insuranceFund: 1000 });
    const short = v.list(0, true, 2500, T, 0);
    const long = v.list(0, true, 2400, T, 0);
    expect(v.trade(0, a, short, -1, 0, w.prices)).toBe(true); // IM 0.10·2 000
    expect(v.trade(0, a, long, 1, 0, w.prices)).toBe(true); // premium 0
    w.prices[0] = 3000; // equity 250 + 600 − 500 = 350 < MM 800; deficit 950 + 600 − 350 = 1 200
    v.liquidate(1, a, w.prices);
    expect(v.position(a, short)).toBe(0); // 1 200 / 944 > 1
    expect(v.position(a, long)).toBe(1);
    expect(v.cash(a)).toBeCloseTo(250 - 506, 9); // paid mark 500 + penalty 6
    expect(w.events.count(EventType.insuranceDraw)).toBe(0); // equity −256 + 600 > 0: nothing owed
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(1006, 9);
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(false);
    w.ledger.check("long kept");
  });

  it("a long in the book is not bought back: the short alone is reduced, partially", () => {
    const { w, v, a } = venue(600);
    const short = v.list(0, true, 2500, T, 0);
    const long = v.list(0, true, 2400, T, 0);
    v.trade(0, a, short, -1, 0, w.prices);
    v.trade(0, a, long, 1, 0, w.prices);
    w.prices[0] = 3000; // equity 700 < MM 800; deficit 950 + 600 − 700 = 850 < 944 per unit
    v.liquidate(1, a, w.prices);
    expect(v.position(a, short)).toBeCloseTo(-(1 - 850 / 944), 8);
    expect(v.position(a, long)).toBe(1);
    w.ledger.check("long not bought");
  });

  it("a short whose IM is below the penalty is bought back whole; the fund keeps the equity left", () => {
    const params = { liquidationPenalty: 0.1, imBase: 0.05, imFloor: 0.05, mm: 0.05 };
    const { w, v, a } = venue(120, params);
    const call = v.list(0, true, 2400, T, 0);
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(true); // IM 0.05·2 000
    w.prices[0] = 2500; // equity 20 < MM 225; IM 225 < penalty 250
    v.liquidate(1, a, w.prices);
    expect(v.position(a, call)).toBe(0);
    expect(v.cash(a)).toBeCloseTo(0, 9);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(20, 9); // 250 in, 230 back out
    w.ledger.check("penalty above IM");
  });
});

describe("closing everything when equity ≤ 0", () => {
  it("equity exactly 0: all bought back at mark, no penalty, nothing owed", () => {
    const { w, v, a } = venue(250);
    const call = v.list(0, true, 2400, T, 0);
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 2650; // mark 250 = cash
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(true);
    v.liquidate(1, a, w.prices);
    expect(v.position(a, call)).toBe(0);
    expect(v.cash(a)).toBe(0);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBe(0);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    expect(eventRows(w.events, EventType.liquidation)[0]).toMatchObject({ price: 250, fee: 0 });
    w.ledger.check("zero equity");
  });

  it("longs are sold at mark; the fund covers 100 of the 150 shortfall, 50 is socialised", () => {
    const { w, v, a } = venue(250, { insuranceFund: 100 });
    const short = v.list(0, true, 2400, T, 0);
    const long = v.list(0, true, 2800, T, 0);
    expect(v.trade(0, a, short, -1, 0, w.prices)).toBe(true);
    expect(v.trade(0, a, long, 1, 0, w.prices)).toBe(true); // premium 0 at mark 0
    w.prices[0] = 3000; // equity 250 − 600 + 200 = −150
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    expect(v.hasPositions(a)).toBe(false);
    expect(v.cash(a)).toBeCloseTo(0, 9);
    const liq = eventRows(w.events, EventType.liquidation);
    expect(liq).toHaveLength(2);
    expect(liq[1]).toMatchObject({
      account: "u",
      asset: "ETH",
      size: -1,
      price: 200,
      venue: "opt",
      liquidator: "opt#insurance",
      fee: 0,
      detail: "opt long option sold at mark, instrument 1",
    });
    expect(eventRows(w.events, EventType.insuranceDraw)).toEqual([
      expect.objectContaining({
        account: "u",
        asset: "USDC",
        size: 100,
        insuranceDraw: 100,
        detail: "opt insurance fund covers a bankrupt options account",
      }),
    ]);
    const bad = eventRows(w.events, EventType.badDebt);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ account: "u", asset: "USDC", price: 1, venue: "opt" });
    expect(bad[0]?.["size"]).toBeCloseTo(50, 9);
    expect(bad[0]?.["badDebt"]).toBeCloseTo(50, 9);
    expect(bad[0]?.["detail"]).toBe("opt options loss socialised: insurance fund empty");
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBe(0);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(50, 9);
    w.ledger.check("bankrupt with a long");
  });

  it("an empty fund draws nothing: no insurance event, all of it socialised", () => {
    const { w, v, a } = venue(250);
    const call = v.list(0, true, 2400, T, 0);
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 3000;
    v.liquidate(1, a, w.prices);
    expect(w.events.count(EventType.insuranceDraw)).toBe(0);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(350, 9);
  });

  it("a fund larger than the shortfall pays it all: no bad debt", () => {
    const { w, v, a } = venue(250, { insuranceFund: 1000 });
    const call = v.list(0, true, 2400, T, 0);
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 3000; // equity 250 − 600 = −350
    v.liquidate(1, a, w.prices);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(650, 9);
    expect(w.events.count(EventType.insuranceDraw)).toBe(1);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBe(0);
    w.ledger.check("fund pays");
  });

  it("a healthy account is left alone and a liquidation that leaves cash ≥ 0 draws nothing", () => {
    const { w, v, a } = venue(250, { insuranceFund: 1000 });
    const call = v.list(0, true, 2400, T, 0);
    v.trade(0, a, call, -1, 0, w.prices);
    expect(v.liquidate(1, a, w.prices)).toBe(false);
    w.prices[0] = 2600;
    v.liquidate(1, a, w.prices); // partial, cash stays positive
    expect(w.events.count(EventType.insuranceDraw)).toBe(0);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeGreaterThan(1000);
    w.ledger.check("no draw");
  });
});
