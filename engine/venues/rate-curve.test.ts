/**
 * Rate curves against REFERENCE's hand-computed examples (Aave v3 USDC 2023: U_opt 90 %, base 0,
 * slope1 3.5 %, slope2 60 %, RF 10 %; source DefaultReserveInterestRateStrategyV2.sol) and the
 * Compound v3 cUSDCv3 launch curves (Comet.sol getBorrowRate/getSupplyRate).
 */
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_YEAR } from "../units.js";
import {
  AaveCurve,
  aaveBorrowRate,
  CompoundCurves,
  compoundedGrowth,
  compoundRate,
  linearGrowth,
  utilization,
} from "./rate-curve.js";

const usdc = new AaveCurve(0, 0.035, 0.6, 0.9, 0.1);
const out = { borrow: 0, supply: 0 };

describe("Aave v3 kinked curve (REFERENCE worked example, USDC)", () => {
  it("U 95 % ⇒ r_b 33.5 %, r_s 28.64 %", () => {
    usdc.rates(0.95, out);
    expect(out.borrow).toBeCloseTo(0.335, 12); // 0.035 + 0.6·0.05/0.1
    expect(out.supply).toBeCloseTo(0.286425, 12); // 0.335·0.95·0.9
  });
  it("U 80 % ⇒ r_b 3.111 %, r_s 2.240 %", () => {
    usdc.rates(0.8, out);
    expect(out.borrow).toBeCloseTo(0.035 * (0.8 / 0.9), 12); // 0.031111
    expect(out.borrow).toBeCloseTo(0.031111, 6);
    expect(out.supply).toBeCloseTo(0.0224, 12); // 0.031111·0.8·0.9
  });
  it("exactly at the kink the rate is base + slope1, and continuous around it", () => {
    expect(aaveBorrowRate(0.9, 0, 0.035, 0.6, 0.9)).toBeCloseTo(0.035, 15);
    // just below: slope1/U_opt = 0.0389 per unit of U; just above: slope2/(1 − U_opt) = 6 per unit.
    expect(aaveBorrowRate(0.9 - 1e-4, 0, 0.035, 0.6, 0.9)).toBeCloseTo(0.035 - 0.035e-4 / 0.9, 12);
    expect(aaveBorrowRate(0.9 + 1e-4, 0, 0.035, 0.6, 0.9)).toBeCloseTo(0.035 + 6e-4, 12);
  });
  it("WETH 2023 curve at U 90 %: 2.8 % + 80 %·0.1/0.2 = 42.8 %", () => {
    expect(aaveBorrowRate(0.9, 0, 0.028, 0.8, 0.8)).toBeCloseTo(0.428, 12);
  });
});

describe("Compound v3 curves (cUSDCv3 launch)", () => {
  const c = new CompoundCurves(
    { base: 0, low: 0.0325, kink: 0.8, high: 0.4 },
    { base: 0.015, low: 0.035, kink: 0.8, high: 0.25 },
  );
  it("below the kink: borrow 1.5 % + 3.5 %·0.5 = 3.25 %, supply 3.25 %·0.5 = 1.625 %", () => {
    c.rates(0.5, out);
    expect(out.borrow).toBeCloseTo(0.0325, 12);
    expect(out.supply).toBeCloseTo(0.01625, 12);
  });
  it("above the kink: borrow 1.5 % + 2.8 % + 25 %·0.1 = 6.8 %, supply 2.6 % + 4 % = 6.6 %", () => {
    c.rates(0.9, out);
    expect(out.borrow).toBeCloseTo(0.068, 12);
    expect(out.supply).toBeCloseTo(0.066, 12);
    expect(compoundRate(0.8, 0.015, 0.035, 0.8, 0.25)).toBeCloseTo(0.043, 12);
  });
});

describe("indexes (Aave MathUtils)", () => {
  it("borrow index: 1 + x + x²/2 + x³/6 with x = r·Δt/year", () => {
    // r 10 %, one year: x = 0.1 ⇒ 1.1051666…
    expect(compoundedGrowth(0.1, MS_PER_YEAR)).toBeCloseTo(1 + 0.1 + 0.005 + 0.001 / 6, 14);
  });
  it("supply index grows linearly: 1 + r·Δt/year", () => {
    expect(linearGrowth(0.073, 10 * MS_PER_DAY)).toBeCloseTo(1.002, 14); // 0.073·10/365
  });
  it("utilisation debt/supply, 0 for an empty pool, capped at 1", () => {
    expect(utilization(80, 100)).toBe(0.8);
    expect(utilization(0, 0)).toBe(0);
    expect(utilization(120, 100)).toBe(1);
  });
});
