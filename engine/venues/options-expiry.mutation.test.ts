/**
 * Options settlement and the safe band where the earlier tests did not reach (REFERENCE "Options
 * margin and conventions": linear payoff max(S − K, 0) in USD; a short call's IM max(0.15 − OTM/S,
 * 0.10)·S + mark; MM 0.10·S + mark): a holder left negative while still holding a position is not yet
 * bankrupt, and the band of a single position on an underlying other than ledger asset 0.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { MS_PER_DAY } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

describe("settlement of a holder with other positions still open", () => {
  it("short 1 call K 2 400 settled at 3 000 on 250: cash −350, a later call still held, no fund draw", () => {
    const w = world(["ETH", "USDC"]);
    const v = build(optionsStandardKind, { insuranceFund: 1000 }, w, "opt");
    const call = v.list(0, true, 2400, T, 0);
    const later = v.list(0, true, 2600, 2 * T, 0);
    const a = v.open("u", wallet(w, "user", { USDC: 1e6 }));
    w.prices.set([2000, 1]);
    v.deposit(0, a, 250, w.prices); // IM of the short: 0.10·2 000 + 0 = 200
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(true);
    expect(v.trade(0, a, later, 1, 0, w.prices)).toBe(true); // a long at vol 0, OTM: premium 0
    v.settle(T, call, 3000, w.prices); // pays 1·(3 000 − 2 400) = 600
    expect(v.cash(a)).toBe(250 - 600);
    expect(v.position(a, later)).toBe(1);
    expect(w.events.count(EventType.insuranceDraw)).toBe(0);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    expect(w.ledger.balance(v.insuranceAcct, 1)).toBe(1000);
    w.ledger.check("negative with a position");
  });
});

describe("the band of one position on ledger asset 1", () => {
  it("a short BTC call K 80 000 at S 60 000 on 10 000: the band is finite and a jump to 90 000 crosses it", () => {
    const w = world(["ETH", "BTC", "USDC"]);
    const v = build(optionsStandardKind, {}, w, "opt");
    const call = v.list(1, true, 80000, T, 0);
    const a = v.open("u", wallet(w, "user", { USDC: 1e6 }));
    w.prices.set([2000, 60000, 1]);
    v.deposit(0, a, 10000, w.prices); // IM 0.10·60 000 = 6 000; MM 6 000 too
    expect(v.trade(0, a, call, -1, 0, w.prices)).toBe(true);
    // vol 0: mark max(S − 80 000, 0); equity 10 000 − mark, MM 0.10·S + mark, so above the strike
    // 10 000 − 0.10·S − 2·(S − 80 000) < 0 ⇔ S > 170 000/2.1 (below it MM ≤ 8 000 < 10 000)
    expect(v.bandAsset[a]).toBe(1);
    expect(v.bandHi[a]).toBeCloseTo(170000 / 2.1, 4);
    w.prices[1] = 90000;
    expect(v.crossed(a, w.prices, 1)).toBe(true);
    expect(v.isLiquidatable(a, w.prices, 1)).toBe(true);
  });
});
