/**
 * Perp rules against REFERENCE's worked examples: Binance USDⓈ-M (support pages: margin tiers,
 * liquidation price, funding) and dYdX v4 (x/clob/keeper/liquidations.go fillable price).
 */
import { describe, expect, it } from "vitest";
import {
  clampRate,
  dydxFundingCap,
  fillablePrice,
  flatTiers,
  fundingPayment,
  fundingRate,
  initialMargin,
  liquidationPrice,
  maintenanceMargin,
  premiumIndex,
  tieredLiquidationPrice,
  tierOf,
} from "./perp-rules.js";
import { BTC_TIERS } from "./test-fixtures.js";

const btc = BTC_TIERS;

describe("Binance tiered maintenance margin", () => {
  it("cum recursion reproduces the published table 0, 50, 1 300, 16 300, 266 300, 1 266 300", () => {
    expect([...btc.cum].map((c) => Math.round(c * 1e6) / 1e6)).toEqual([0, 50, 1300, 16300, 266300, 1266300]);
  });
  it("MM = notional·MMR − cum, continuous at tier floors", () => {
    expect(maintenanceMargin(btc, 60000)).toBeCloseTo(60000 * 0.005 - 50, 9); // 250
    expect(maintenanceMargin(btc, 250e3)).toBeCloseTo(250e3 * 0.005 - 50, 6); // 1 200 both sides
    expect(maintenanceMargin(btc, 250e3 - 1e-6)).toBeCloseTo(1200, 4);
    expect(tierOf(btc, 49999)).toBe(0);
    expect(initialMargin(btc, 60000)).toBeCloseTo(600, 9); // 100× ⇒ 1 %
  });
});

describe("Binance liquidation price (one-way mode)", () => {
  it("isolated long 1 BTC at 60 000, margin 3 000, MMR 0.5 %, cum 50 ⇒ 57 236.18", () => {
    const lp = liquidationPrice(3000, 0, 0, 50, 1, 1, 60000, 0.005);
    expect(lp).toBeCloseTo(57236.18, 2);
    // margin at LP equals MM there: 3 000 + (LP − 60 000) = LP·0.005 − 50 = 236.18
    expect(3000 + lp - 60000).toBeCloseTo(236.18, 2);
  });
  it("isolated short ⇒ 62 736.32", () => {
    expect(liquidationPrice(3000, 0, 0, 50, -1, 1, 60000, 0.005)).toBeCloseTo(62736.32, 2);
  });
  it("the tier-consistent solver picks the 50 k–250 k tier for these positions", () => {
    expect(tieredLiquidationPrice(btc, 3000, 1, 1, 60000)).toBeCloseTo(57236.18, 2);
    expect(tieredLiquidationPrice(btc, 3000, -1, 1, 60000)).toBeCloseTo(62736.32, 2);
  });
  it("an over-collateralised long cannot be liquidated (LP 0)", () => {
    expect(tieredLiquidationPrice(flatTiers(0.05, 0.03), 70000, 1, 1, 60000)).toBe(0);
  });
  it("a short whose margin is already gone is liquidatable at every price (LP 0: p > 0 fires)", () => {
    // equity − MM = −70 000 − (P − 60 000) − 0.03·P < 0 for every P > 0: no positive root.
    expect(tieredLiquidationPrice(flatTiers(0.05, 0.03), -70000, -1, 1, 60000)).toBe(0);
  });
  it("a root on a tier floor is found whichever side rounding puts it (MM is continuous there)", () => {
    // At P* = 50 000/q both the first tier (0.4 %, cum 0) and the second (0.5 %, cum 50) give MM 200;
    // choosing WB so that equity is 200 at P* puts the exact root on the floor.
    let misses = 0;
    for (let q = 0.5; q < 5; q += 0.0137) {
      const pStar = 50e3 / q;
      const epLong = Math.round(pStar * 1.1);
      const long = tieredLiquidationPrice(btc, q * epLong - 50e3 + 200, 1, q, epLong);
      const epShort = Math.round(pStar * 0.9);
      const short = tieredLiquidationPrice(btc, 200 + 50e3 - q * epShort, -1, q, epShort);
      if (!(Math.abs(long / pStar - 1) < 1e-9 && Math.abs(short / pStar - 1) < 1e-9)) misses++;
    }
    expect(misses).toBe(0);
  });
});

describe("funding (Binance F = P̄ + clamp(I − P̄, ±0.05 %), I = 0.01 %)", () => {
  it("P̄ 0.03 % ⇒ F 0.01 %; long 2 BTC at 65 000 pays 13.00 USDT", () => {
    const f = fundingRate(0.0003, 0.0001, 0.0005);
    expect(f).toBeCloseTo(0.0001, 15);
    expect(fundingPayment(f, 2, 65000)).toBeCloseTo(13.0, 9);
  });
  it("P̄ 0.09 % ⇒ F 0.04 % ⇒ 52.00 USDT; shorts receive", () => {
    const f = fundingRate(0.0009, 0.0001, 0.0005);
    expect(f).toBeCloseTo(0.0004, 15);
    expect(fundingPayment(f, 2, 65000)).toBeCloseTo(52.0, 9);
    expect(fundingPayment(f, -2, 65000)).toBeCloseTo(-52.0, 9);
  });
  it("dYdX cap 600 %·(IMF − MMF): Large-Cap 5 %/3 % ⇒ ±12 %", () => {
    expect(dydxFundingCap(0.05, 0.03)).toBeCloseTo(0.12, 12);
    expect(clampRate(0.2, 0.12)).toBe(0.12);
    expect(clampRate(-0.2, 0.12)).toBe(-0.12);
  });
  it("premium index: impact bid 100.2 over index 100 ⇒ 0.2 %", () => {
    expect(premiumIndex(100.2, 100.4, 100)).toBeCloseTo(0.002, 12);
    expect(premiumIndex(99.6, 99.9, 100)).toBeCloseTo(-0.001, 12);
  });
});

describe("dYdX v4 fillable price", () => {
  it("long 1 BTC, oracle 60 000, MMF 3 %, TNC 1 200, TMMR 1 800 ⇒ 59 100", () => {
    expect(fillablePrice(1, 60000, 0.03, 1200, 1800)).toBeCloseTo(59100, 9);
  });
  it("a short buys at most 1.5·MMF above oracle", () => {
    expect(fillablePrice(-1, 60000, 0.03, 1200, 1800)).toBeCloseTo(60900, 9);
    expect(fillablePrice(-1, 60000, 0.03, -5000, 1800)).toBeCloseTo(60000 * 1.045, 9);
  });
});
