/**
 * OptionsVenue's bookkeeping, marks and screens against independent figures: Black–Scholes values
 * from Hull (Options, Futures and Other Derivatives, example "S 42, K 40, r 10 %, σ 20 %, T 0.5":
 * call 4.76, put 0.81), the inverse standard margin on the forward F = S·e^{rT} (REFERENCE
 * "Options margin and conventions"), and the requirement tolerance of ./tolerance.ts.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { MS_PER_DAY, MS_PER_YEAR } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

function linear(params: Record<string, unknown> = {}, assets = ["ETH", "USDC"]) {
  const w = world(assets);
  const v = build(optionsStandardKind, params, w, "opt");
  const user = wallet(w, "user", { USDC: 1e6 });
  return { w, v, user };
}

describe("accounts and instruments", () => {
  it("numbers instruments and accounts from 0 and names its own ledger accounts", () => {
    const { w, v, user } = linear();
    expect(v.list(0, true, 2400, T, 0)).toBe(0);
    expect(v.list(0, false, 1600, T, 0)).toBe(1);
    expect(v.accountCount).toBe(0);
    expect(v.open("u", user)).toBe(0);
    expect(v.accountCount).toBe(1);
    expect(w.ledger.accounts[v.marketAcct]).toEqual({ name: "opt#market", external: true });
    expect(w.ledger.accounts[v.insuranceAcct]).toEqual({ name: "opt#insurance", external: false });
  });

  it("a linear account is margined in the quote even when a coin is named; inverse without one too", () => {
    const { w, v, user } = linear({ insuranceFund: 5 });
    const a = v.open("u", user, 0);
    expect(v.marginAsset[a]).toBe(1);
    const inv = build(optionsStandardKind, { style: "inverse", insuranceFund: 5 }, w, "inv");
    expect(inv.marginAsset[inv.open("x", user)]).toBe(1);
    expect(inv.marginAsset[inv.open("y", user, 0)]).toBe(0);
    // the linear fund is seeded in the quote; an inverse venue's margin is in coin, not the quote
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBe(5);
    expect(w.ledger.balance(inv.insuranceAcct, 1)).toBe(0);
  });

  it("setVol re-marks only the instruments on that underlying and voids every band", () => {
    const { w, v, user } = linear({}, ["ETH", "BTC", "USDC"]);
    const eth = v.list(0, true, 2400, T, 0.5);
    const btc = v.list(1, true, 70000, T, 0.5);
    const a = v.open("u", user);
    w.prices.set([2000, 60000, 1]);
    v.deposit(0, a, 1000, w.prices);
    expect(v.trade(0, a, eth, -1, 0, w.prices)).toBe(true);
    expect(v.crossed(a, w.prices, 1)).toBe(false);
    v.setVol(0, 0.8);
    expect(v.instruments[eth]?.vol).toBe(0.8);
    expect(v.instruments[btc]?.vol).toBe(0.5);
    expect(v.crossed(a, w.prices, 1)).toBe(true);
  });
});

describe("marks and margins", () => {
  it("marks on Black-76 of the forward: Hull's call 4.76 and put 0.81", () => {
    const { v } = linear({ rate: 0.1 });
    const call = v.list(0, true, 40, MS_PER_YEAR / 2, 0.2);
    const put = v.list(0, false, 40, MS_PER_YEAR / 2, 0.2);
    expect(v.markAt(call, 0, 42)).toBeCloseTo(4.76, 2);
    expect(v.markAt(put, 0, 42)).toBeCloseTo(0.81, 2);
    // a quarter-year later on the same expiry: T 0.25 ⇒ the call is worth less (no dividends)
    expect(v.markAt(call, MS_PER_YEAR / 4, 42)).toBeLessThan(4.7);
    expect(v.markAt(call, MS_PER_YEAR, 42)).toBe(2); // expired: intrinsic
  });

  it("inverse short call IM = max(0.15 − (K − F)/F, 0.10) + mark with F = S·e^{rT}", () => {
    const w = world(["BTC", "USDC"]);
    const v = build(optionsStandardKind, { style: "inverse", rate: 0.1 }, w, "deribit");
    const call = v.list(0, true, 64000, (3 * MS_PER_YEAR) / 4, 0);
    const t = MS_PER_YEAR / 4; // half a year to expiry
    const f = 60000 * Math.exp(0.05); // 63 076.27: K is 1.46 % out of the money
    const m = v.shortMargin(call, t, 60000, v.markAt(call, t, 60000));
    expect(v.markAt(call, t, 60000)).toBe(0);
    expect(m.im).toBeCloseTo(0.15 - (64000 - f) / f, 12);
    expect(m.mm).toBeCloseTo(0.075, 12);
  });

  it("a long's premium backs nothing in maintenance: a call spread stays safe", () => {
    const { w, v, user } = linear();
    const long = v.list(0, true, 2400, T, 0);
    const short = v.list(0, true, 2800, T, 0);
    const a = v.open("u", user);
    w.prices[0] = 2000;
    w.prices[1] = 1;
    v.deposit(0, a, 200, w.prices);
    expect(v.trade(0, a, short, -1, 0, w.prices)).toBe(true); // IM 0.10·2 000
    expect(v.trade(0, a, long, 1, 0, w.prices)).toBe(true); // premium 0
    w.prices[0] = 2600; // long worth 200, short MM 0.10·2 600 + 0
    expect(v.excess(a, 0, w.prices, 0)).toBeCloseTo(400 - 260, 9);
    expect(v.excess(a, 0, w.prices, 1)).toBeCloseTo(200 - 260, 9); // the long's IM is its premium
    expect(v.isLiquidatable(a, w.prices, 0)).toBe(false);
  });

  it("a short at exactly its initial margin is accepted (46 224 × 0.2 = 9 244.8), a nano below is not", () => {
    for (const [deposit, ok] of [
      [9244.8, true],
      [9244.8 - 1e-9, false],
    ] as const) {
      const { w, v, user } = linear({ imBase: 0.2, imFloor: 0.2 });
      const call = v.list(0, true, 100000, T, 0);
      const a = v.open("u", user);
      w.prices[0] = 46224;
      w.prices[1] = 1;
      v.deposit(0, a, deposit, w.prices);
      expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(ok);
    }
  });
});

describe("rejections name the asset at stake and the reason", () => {
  it("withdrawal: the margin asset; trade: the underlying; unknown instrument: the quote", () => {
    const { w, v, user } = linear();
    const call = v.list(0, true, 2400, T, 0);
    const a = v.open("u", user);
    w.prices[0] = 2000;
    w.prices[1] = 1;
    v.deposit(0, a, 250, w.prices);
    expect(v.withdraw(0, a, 300, w.prices)).toBe(false);
    expect(v.trade(0, a, call, -2, 0, w.prices)).toBe(false);
    expect(v.trade(0, a, 7, 1, 0, w.prices)).toBe(false);
    const rows = eventRows(w.events, EventType.rejected);
    expect(rows.map((r) => [r["account"], r["asset"], r["size"], r["price"]])).toEqual([
      ["u", "USDC", 300, 0],
      ["u", "ETH", -2, 0],
      ["u", "USDC", 1, 0],
    ]);
    expect(rows.map((r) => r["detail"])).toEqual([
      "opt: withdrawal above the free margin 250",
      "opt: equity below initial margin after the trade",
      "opt: instrument expired or unknown",
    ]);
  });
  it("an inverse withdrawal names the account's coin", () => {
    const w = world(["BTC", "USDC"]);
    const v = build(optionsStandardKind, { style: "inverse" }, w, "deribit");
    const a = v.open("u", wallet(w, "user", { BTC: 2 }), 0);
    w.prices.set([60000, 1]);
    v.deposit(0, a, 1, w.prices);
    expect(v.withdraw(0, a, 1.5, w.prices)).toBe(false);
    expect(eventRows(w.events, EventType.rejected)[0]).toMatchObject({ asset: "BTC", size: 1.5 });
  });
});
