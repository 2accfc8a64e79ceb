/** Option margin against REFERENCE's Deribit example (third-party copy, UNVERIFIED) and Black-76. */
import { describe, expect, it } from "vitest";
import { timeWeightedMean } from "../oracle/feed.js";
import { newGreeks } from "../pricing/black.js";
import {
  inverseShortMargin,
  linearShortMargin,
  newUnitMargin,
  optionMark,
  optionPayoff,
} from "./options-margin.js";

const inv = { imBase: 0.15, imFloor: 0.1, mm: 0.075 };
const lin = { imBase: 0.15, imFloor: 0.1, mm: 0.1 };

describe("Deribit standard margin, inverse", () => {
  it("short call F 60 000, K 70 000, mark 0.01 BTC ⇒ IM 0.11, MM 0.085", () => {
    const m = inverseShortMargin(true, 60000, 70000, 0.01, inv, newUnitMargin());
    expect(m.im).toBeCloseTo(0.11, 12); // max(0.15 − 10 000/60 000, 0.10) + 0.01
    expect(m.mm).toBeCloseTo(0.085, 12); // 0.075 + 0.01
  });
  it("ATM short call: IM 0.15 + mark", () => {
    expect(inverseShortMargin(true, 60000, 60000, 0.05, inv, newUnitMargin()).im).toBeCloseTo(0.2, 12);
  });
  it("short put F 60 000, K 57 000, mark 0.02 ⇒ IM max(0.15 − 0.05, 0.10) + 0.02 = 0.12, MM 0.095", () => {
    const m = inverseShortMargin(false, 60000, 57000, 0.02, inv, newUnitMargin());
    expect(m.im).toBeCloseTo(0.12, 12);
    expect(m.mm).toBeCloseTo(0.095, 12);
  });
  it("deep ITM put with mark 1.5 coin: MM = 0.075·1.5 + 1.5", () => {
    expect(inverseShortMargin(false, 20000, 50000, 1.5, inv, newUnitMargin()).mm).toBeCloseTo(1.6125, 12);
  });
});

describe("linear (USDC) variant", () => {
  it("short call S 60 000, K 70 000, mark 600 ⇒ IM 0.10·60 000 + 600 = 6 600, MM 6 600", () => {
    const m = linearShortMargin(true, 60000, 70000, 600, lin, newUnitMargin());
    expect(m.im).toBeCloseTo(6600, 9);
    expect(m.mm).toBeCloseTo(6600, 9);
  });
  it("ATM: IM 0.15·S + mark", () => {
    expect(linearShortMargin(true, 2000, 2000, 100, lin, newUnitMargin()).im).toBeCloseTo(400, 9);
  });
  it("deep ITM short put (Aevo): S 2 000, K 10 000, mark 8 000 ⇒ MM = 0.10·8 000 + 8 000 = 8 800 = IM", () => {
    const m = linearShortMargin(false, 2000, 10000, 8000, lin, newUnitMargin());
    expect(m.mm).toBeCloseTo(8800, 9);
    expect(m.im).toBeCloseTo(8800, 9); // max(0.15·2 000 + 8 000, MM)
  });
  it("OTM short put: S 2 000, K 1 800, mark 20 ⇒ IM max(0.10·2 000 + 20, MM) = 220, MM 0.10·2 000 + 20", () => {
    const m = linearShortMargin(false, 2000, 1800, 20, lin, newUnitMargin());
    expect(m.mm).toBeCloseTo(220, 9);
    expect(m.im).toBeCloseTo(220, 9);
  });
});

describe("marks, payoff, TWAP", () => {
  it("Black-76 mark, Haug: F 19, K 19, T 0.75, r 10 %, σ 28 % ⇒ 1.7011 (spot with r = 0 is the forward)", () => {
    // optionMark prices on F = S·e^{rT}; pass S = 19·e^{−0.075} so that F = 19.
    const s = 19 * Math.exp(-0.1 * 0.75);
    expect(optionMark(newGreeks(), true, s, 19, 0.75, 0.1, 0.28, false)).toBeCloseTo(1.7011, 4);
  });
  it("inverse mark is the USD value divided by F", () => {
    const usd = optionMark(newGreeks(), true, 60000, 70000, 0.1, 0, 0.6, false);
    expect(optionMark(newGreeks(), true, 60000, 70000, 0.1, 0, 0.6, true)).toBeCloseTo(usd / 60000, 12);
  });
  it("payoff: linear max(S − K, 0); inverse divided by S", () => {
    expect(optionPayoff(true, 60000, 66000, false)).toBe(6000);
    expect(optionPayoff(true, 60000, 66000, true)).toBeCloseTo(6000 / 66000, 15);
    expect(optionPayoff(false, 60000, 66000, false)).toBe(0);
    expect(optionPayoff(false, 2000, 1500, false)).toBe(500);
  });
  it("settlement TWAP: each reading weighted by how long it held within the window", () => {
    // Published at 0, 10, 40: over [20, 50] 110 holds 20 and 130 holds 10.
    expect(timeWeightedMean([0, 10, 40], [100, 110, 130], 3, 20, 50)).toBeCloseTo(3500 / 30, 12);
    // A window opening before the first publication starts there: 100 for 10, 110 for 10.
    expect(timeWeightedMean([0, 10, 40], [100, 110, 130], 2, -10, 20)).toBeCloseTo(105, 12);
    // A burst of readings just before the end barely moves it (hourly 3 000, then 3 300 and 3 310).
    const t = [0, 3600, 7200, 10800, 14340, 14400].map((s) => s * 1000);
    const p = [3000, 3000, 3000, 3000, 3300, 3310];
    expect(timeWeightedMean(t, p, 6, 14400e3 - 1800e3, 14400e3)).toBeCloseTo(3010, 9);
    expect(timeWeightedMean(t, p, 6, 14400e3, 14400e3)).toBe(3310); // zero window: the last reading
  });
});
