/**
 * OptionsVenue with the linear (Aevo) and inverse (Deribit) standard margin, REFERENCE "Options
 * margin and conventions". Vol 0 makes marks intrinsic (Black-76's σ√T = 0 limit), so every
 * number below is computable by hand. Every test ends with `ledger.check`.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { MS_PER_DAY } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

function linear(params: Record<string, unknown> = {}) {
  const w = world(["ETH", "USDC"]);
  const v = build(optionsStandardKind, params, w, "opt");
  const user = wallet(w, "user", { USDC: 1e6 });
  const call = v.list(0, true, 2400, T, 0);
  const a = v.open("u", user);
  w.prices[0] = 2000;
  w.prices[1] = 1;
  v.deposit(0, a, 250, w.prices);
  return { w, v, user, call, a };
}

describe("standard margin, linear (IM max(0.15 − OTM/S, 0.10)·S + mark, MM 0.10·S + mark)", () => {
  it("short call K 2 400 at S 2 000: IM 200 per unit; 1 fits in 250, a second is rejected", () => {
    const { w, v, call, a } = linear();
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(true);
    expect(v.excess(a, 0, w.prices, 1)).toBeCloseTo(50, 9); // 250 − 200
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(false);
    expect(w.events.count(EventType.rejected)).toBe(1);
  });
  it("a buyer pays the premium in full (long IM = premium)", () => {
    const { w, v, call, a } = linear();
    w.prices[0] = 2600; // intrinsic 200
    expect(v.trade(0, a, call, 2, 200, w.prices)).toBe(false); // 400 > 250
    expect(v.trade(0, a, call, 1, 200, w.prices)).toBe(true);
    expect(v.cash(a)).toBe(50);
    w.ledger.check("long");
  });
});

describe("safe band (the per-tick screen)", () => {
  it("short 1 call K 2 400 with 250: unsafe above S = 5 050/2.1 = 2 404.76", () => {
    // S > 2 400: equity − MM = 250 − (S − 2 400) − (0.10·S + S − 2 400) = 5 050 − 2.1·S
    const { w, v, call, a } = linear();
    v.trade(0, a, call, -1, 0, w.prices);
    expect(v.bandHi[a]).toBeCloseTo(5050 / 2.1, 6);
    w.prices[0] = 2404;
    expect(v.crossed(a, w.prices, 1)).toBe(false);
    w.prices[0] = 2405;
    expect(v.crossed(a, w.prices, 1)).toBe(true);
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(true);
    w.prices[0] = 2000;
    expect(v.crossed(a, w.prices, 3_600_000)).toBe(true); // the band lapses after revalueMs (1 h)
  });
});

describe("liquidation: buy back at mark + 0.2 % of S, back to initial margin", () => {
  it("S 2 600: equity 50 < MM 460; IM 590, penalty 5.2 ⇒ buys back 540/584.8 of the call", () => {
    const { w, v, call, a } = linear();
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 2600; // mark 200; MM 0.10·2 600 + 200; IM 0.15·2 600 + 200
    expect(v.liquidate(1, a, w.prices)).toBe(true);
    const c = 540 / (590 - 5.2);
    expect(v.position(a, call)).toBeCloseTo(-(1 - c), 8); // c overshoots by 1e-9 (rounding guard)
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBeCloseTo(c * 5.2, 6);
    expect(v.excess(a, 1, w.prices, 1)).toBeCloseTo(0, 4); // equity = IM
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(false);
    w.ledger.check("options partial");
  });
  it("S 3 000: equity −350 ⇒ all closed at mark, the 350 socialised as bad debt (empty fund)", () => {
    const { w, v, call, a } = linear();
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 3000;
    v.liquidate(1, a, w.prices);
    expect(v.position(a, call)).toBe(0);
    expect(v.cash(a)).toBeCloseTo(0, 9);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(350, 9);
    expect(w.events.count(EventType.badDebt)).toBe(1);
    w.ledger.check("options bankrupt");
  });
});

describe("settlement at expiry", () => {
  it("short call K 2 400 settles at 2 500: pays 100", () => {
    const { w, v, call, a } = linear();
    v.trade(0, a, call, -1, 0, w.prices);
    expect(v.nextExpiryMs()).toBe(T);
    w.prices[0] = 2500;
    v.settleDue(T, w.prices);
    expect(v.cash(a)).toBeCloseTo(150, 9);
    expect(v.position(a, call)).toBe(0);
    expect(w.events.count(EventType.settlement)).toBe(1);
    expect(v.nextExpiryMs()).toBe(Number.POSITIVE_INFINITY);
    w.ledger.check("settle");
  });
  it("inverse: payoff in coin max(S − K, 0)/S — short call K 60 000 at 66 000 pays 1/11 BTC", () => {
    const w = world(["BTC", "USDC"]);
    const v = build(optionsStandardKind, { style: "inverse", insuranceFund: 0 }, w, "deribit");
    const user = wallet(w, "user", { BTC: 10 });
    const call = v.list(0, true, 60000, T, 0);
    const a = v.open("u", user, 0);
    w.prices[0] = 60000;
    v.deposit(0, a, 1, w.prices);
    // ATM inverse short: IM max(0.15, 0.10) + 0 = 0.15 BTC per unit.
    expect(v.trade(0, a, call, -6, 0, w.prices)).toBe(true);
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(false); // 7·0.15 > 1
    v.settle(T, call, 66000, w.prices);
    expect(v.cash(a)).toBeCloseTo(1 - 6 / 11, 12);
    w.ledger.check("inverse");
  });
});
