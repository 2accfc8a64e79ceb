import { describe, expect, it } from "vitest";
import { newGreeks } from "../pricing/black.js";
import { OptionMarks } from "./option-marks.js";

function greeks(price: number) {
  return { ...newGreeks(), price, delta: price / 10, gamma: 1, vega: 2, theta: -3 };
}

describe("OptionMarks", () => {
  it("finds nothing before a store and after clear", () => {
    const m = new OptionMarks(2);
    m.clear();
    expect(m.find(0, 100, 0, 0.8)).toBe(-1);
    m.store(0, 100, 0, 0.8, greeks(5));
    m.clear();
    expect(m.find(0, 100, 0, 0.8)).toBe(-1);
  });

  it("returns the stored numbers only for the exact inputs and the same option", () => {
    const m = new OptionMarks(2);
    m.clear();
    const k = m.store(1, 100, 7, 0.8, greeks(5));
    expect(m.find(1, 100, 7, 0.8)).toBe(k);
    expect([m.price[k], m.delta[k], m.gamma[k], m.vega[k], m.theta[k]]).toEqual([5, 0.5, 1, 2, -3]);
    expect(m.find(0, 100, 7, 0.8)).toBe(-1);
    expect(m.find(1, 100.000001, 7, 0.8)).toBe(-1);
    expect(m.find(1, 100, 8, 0.8)).toBe(-1);
    expect(m.find(1, 100, 7, 0.7)).toBe(-1);
  });

  it("keeps the last three valuations of an option, overwriting the oldest", () => {
    const m = new OptionMarks(1);
    m.clear();
    for (let t = 0; t < 4; t++) m.store(0, 100 + t, t, 0.8, greeks(t));
    expect(m.find(0, 100, 0, 0.8)).toBe(-1);
    for (let t = 1; t < 4; t++) expect(m.price[m.find(0, 100 + t, t, 0.8)]).toBe(t);
  });
});
