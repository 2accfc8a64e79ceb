/**
 * The requirement tolerance (./tolerance.ts): a requirement met exactly in decimal arithmetic is met
 * in floating point too, and anything measurably short is still refused — at every gate that
 * compares a requirement with a balance.
 */
import { describe, expect, it } from "vitest";
import { perpLinearKind } from "./kinds.js";
import { aaveV3Kind } from "./lending-kinds.js";
import { build, wallet, world } from "./test-fixtures.js";
import { covers, meets, REQUIREMENT_TOLERANCE } from "./tolerance.js";

const NOTIONAL = 46224;
const IM = 9244.8; // 46 224 / 5, exact in decimal

describe("covers / meets", () => {
  it("46 224 × 0.2 rounds to 9 244.800000000001, which 9 244.8 covers", () => {
    expect(NOTIONAL * 0.2).toBe(9244.800000000001);
    expect(covers(IM, NOTIONAL * 0.2)).toBe(true);
  });
  it("a shortfall of 1e-9 on 9 244.8 (1e-13 relative) is refused", () => {
    expect(covers(IM - 1e-9, NOTIONAL * 0.2)).toBe(false);
    expect(covers(IM * (1 - 8 * REQUIREMENT_TOLERANCE), IM)).toBe(false);
  });
  it("the tolerance is relative and a few ulps: 16 × 2⁻⁵²", () => {
    expect(REQUIREMENT_TOLERANCE).toBe(16 * 2 ** -52);
    expect(meets(-1e-15, 1)).toBe(true);
    expect(meets(-1e-14, 1)).toBe(false);
    expect(covers(0, 0)).toBe(true);
    expect(covers(-1e-300, 0)).toBe(false);
  });
});

function perp() {
  const w = world(["BTC", "USDC"]);
  const v = build(perpLinearKind, { imf: 0.2, mmf: 0.1, margin: "isolated" }, w, "perp");
  const m = v.addMarket(0);
  const user = wallet(w, "user", { USDC: 1e6 });
  w.prices[0] = NOTIONAL;
  w.prices[1] = 1;
  return { w, v, m, user };
}

describe("perp gates at exactly the maximum leverage (5× at IMF 0.2)", () => {
  it("opens 1 BTC at 46 224 on 9 244.8 of margin; 1e-6 less is refused", () => {
    const { w, v, m, user } = perp();
    const a = v.open("max", user);
    v.deposit(0, a, IM);
    expect(v.trade(0, a, m, 1, NOTIONAL, w.prices)).toBe(true);
    const b = v.open("short-of-max", user);
    v.deposit(0, b, IM - 1e-6);
    expect(v.trade(0, b, m, 1, NOTIONAL, w.prices)).toBe(false);
    w.ledger.check("max leverage");
  });
  it("withdraws exactly the free margin above IM; a cent more is refused", () => {
    const { w, v, m, user } = perp();
    const a = v.open("w", user);
    v.deposit(0, a, 10000);
    expect(v.trade(0, a, m, 1, NOTIONAL, w.prices)).toBe(true);
    expect(v.withdraw(0, a, 10000 - IM + 0.01, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 10000 - IM, w.prices)).toBe(true);
    expect(v.isLiquidatable(a, w.prices)).toBe(false);
  });
});

describe("Aave gates at exactly the LTV", () => {
  it("10 WETH at 2 000, LTV 0.805: borrows 16 100 exactly; 16 100.0001 is refused", () => {
    const w = world(["WETH", "USDC"]);
    const m = build(aaveV3Kind, { assets: { WETH: {}, USDC: {} } }, w, "aave");
    w.prices[0] = 2000;
    w.prices[1] = 1;
    const user = wallet(w, "user", { WETH: 20 });
    const a = m.open("u", user);
    m.deposit(0, a, 0, 10);
    expect(m.borrow(0, a, 1, 16100.0001, w.prices)).toBe(false);
    expect(m.borrow(0, a, 1, 16100, w.prices)).toBe(true);
    expect(m.withdraw(0, a, 0, 1e-9, w.prices)).toBe(false); // any withdrawal now breaks the LTV
  });
});
