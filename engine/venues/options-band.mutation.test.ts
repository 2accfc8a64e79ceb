/**
 * The options venue's safe band (./options-band.ts) against closed forms: for a short put K 1 600
 * with 250 of margin (linear standard margin, vol 0, REFERENCE "Options margin and conventions"),
 * equity − MM = 1.9·S − 2 950 below the strike and 250 − 0.10·S above it, so the band is
 * (2 950/1.9, 2 500). Also: its lifetime, and when no band is kept.
 */
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

function venue(assets = ["ETH", "USDC"]) {
  const w = world(assets);
  const v = build(optionsStandardKind, {}, w, "opt");
  const user = wallet(w, "user", { USDC: 1e6 });
  const a = v.open("u", user);
  w.prices.fill(1);
  w.prices[0] = 2000;
  v.deposit(0, a, 250, w.prices);
  return { w, v, a };
}

describe("band edges", () => {
  it("short put K 1 600 on 250: (2 950/1.9, 2 500), to the bisection's precision", () => {
    const { w, v, a } = venue();
    const put = v.list(0, false, 1600, T, 0);
    expect(v.trade(0, a, put, -1, 0, w.prices)).toBe(true); // IM 0.10·2 000
    expect(v.bandLo[a]).toBeCloseTo(2950 / 1.9, 6);
    expect(v.bandHi[a]).toBeCloseTo(2500, 6);
    expect(v.bandLo[a]).toBeGreaterThanOrEqual(2950 / 1.9); // the safe side
    expect(v.bandHi[a]).toBeLessThanOrEqual(2500);
    expect(v.bandUntil[a]).toBe(MS_PER_HOUR); // revalueMs after the trade
  });
  it("a long alone is never unsafe: the band is the scanned range, 2 000·0.99¹⁶² to 2 000·1.01¹⁶²", () => {
    const { w, v, a } = venue();
    const call = v.list(0, true, 2400, T, 0);
    v.trade(0, a, call, 1, 0, w.prices);
    let lo = 2000;
    let hi = 2000;
    for (let k = 0; k < 162; k++) {
      lo *= 0.99;
      hi *= 1.01;
    }
    expect(v.bandLo[a]).toBe(lo);
    expect(v.bandHi[a]).toBe(hi);
  });
});

describe("when the band lapses or is not kept", () => {
  it("it ends at the next expiry when that comes before revalueMs", () => {
    const { w, v, a } = venue();
    const soon = v.list(0, false, 1600, MS_PER_HOUR / 2, 0);
    v.trade(0, a, soon, -1, 0, w.prices);
    expect(v.bandUntil[a]).toBe(MS_PER_HOUR / 2);
  });
  it("an account already under maintenance is always crossed", () => {
    const { w, v, a } = venue();
    const put = v.list(0, false, 1600, T, 0);
    v.trade(0, a, put, -1, 0, w.prices);
    w.prices[0] = 1500;
    v.rearm(a, w.prices, 1);
    expect([v.bandLo[a], v.bandHi[a]]).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    w.prices[0] = 2000;
    expect(v.crossed(a, w.prices, 2)).toBe(true);
  });
  it("positions on two underlyings, or vols re-marked every tick: the full test every tick", () => {
    const { w, v, a } = venue(["ETH", "BTC", "USDC"]);
    w.prices[1] = 60000;
    const eth = v.list(0, true, 2400, T, 0);
    const btc = v.list(1, true, 90000, T, 0);
    v.deposit(0, a, 10000, w.prices);
    v.trade(0, a, eth, -1, 0, w.prices);
    expect(v.crossed(a, w.prices, 1)).toBe(false);
    v.trade(0, a, btc, -0.01, 0, w.prices);
    expect(v.bandUntil[a]).toBe(Number.NEGATIVE_INFINITY);
    v.trade(0, a, btc, 0.01, 0, w.prices); // back to one underlying
    expect(v.crossed(a, w.prices, 1)).toBe(false);
    v.movingVols = true;
    v.rearm(a, w.prices, 1);
    expect(v.crossed(a, w.prices, 2)).toBe(true);
  });
  it("with no position the band is everything, for ever", () => {
    const { w, v, a } = venue();
    v.rearm(a, w.prices, 5);
    expect([v.bandLo[a], v.bandHi[a], v.bandUntil[a]]).toEqual([
      0,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
    expect(v.crossed(a, w.prices, 1e15)).toBe(false);
  });
});
