/**
 * Perp rules at their edges (REFERENCE "Perpetual futures"): Binance's cross liquidation price with
 * another position's TMM₁ and UPNL₁ (its FAQ example: BTC 26 316.89), the funding clamp on both
 * sides, tier boundaries (a notional on a floor is in the upper tier), and dYdX's fillable price
 * when the account still covers its maintenance margin (ABR 0 ⇒ the oracle price).
 */
import { describe, expect, it } from "vitest";
import {
  clampRate,
  fillablePrice,
  fundingRate,
  initialMargin,
  liquidationPrice,
  premiumIndex,
  tierOf,
} from "./perp-rules.js";
import { BTC_TIERS } from "./test-fixtures.js";

const btc = BTC_TIERS;

describe("Binance liquidation price, cross", () => {
  it("FAQ example: BTC 26 316.89 with ETH's MM 356 512.51 and UPNL −448 192.34 as the other position", () => {
    const ethMm = 3683.979 * 1335.18 * 0.1 - 135365;
    const ethUpnl = 3683.979 * (1335.18 - 1456.84);
    const lp = liquidationPrice(1535443.01, ethMm, ethUpnl, 16300, 1, 109.488, 32481.98, 0.025);
    expect(lp).toBeCloseTo(26316.89, 2);
  });
});

describe("tiers", () => {
  it("a notional on a floor belongs to the tier above; IM uses that tier's IMF", () => {
    expect(tierOf(btc, 49999.99)).toBe(0);
    expect(tierOf(btc, 50000)).toBe(1);
    expect(tierOf(btc, 5e7)).toBe(5);
    expect(initialMargin(btc, 100000)).toBeCloseTo(1000, 9); // 1/100
    expect(initialMargin(btc, 40000)).toBeCloseTo(320, 9); // 1/125
  });
});

describe("funding clamp and premium", () => {
  it("a negative premium is clamped from above: P̄ −0.1 % ⇒ F = −0.1 % + 0.05 %", () => {
    expect(fundingRate(-0.001, 0.0001, 0.0005)).toBeCloseTo(-0.0005, 15);
    expect(fundingRate(-0.0004, 0.0001, 0.0005)).toBeCloseTo(0.0001, 15); // I − P̄ exactly the clamp
  });
  it("a rate inside the cap is unchanged; impact prices around the index give no premium", () => {
    expect(clampRate(0.05, 0.12)).toBe(0.05);
    expect(clampRate(-0.05, 0.12)).toBe(-0.05);
    expect(premiumIndex(99.9, 100.1, 100)).toBe(0);
  });
});

describe("dYdX fillable price", () => {
  it("an account still above maintenance (TNC ≥ TMMR), or without requirement, fills at the oracle", () => {
    expect(fillablePrice(1, 60000, 0.03, 2000, 1800)).toBe(60000);
    expect(fillablePrice(1, 60000, 0.03, 100, 0)).toBe(60000);
    expect(fillablePrice(-2, 60000, 0.03, 1800, 1800)).toBe(60000);
  });
  it("ABR is capped at 1: a long with negative TNC sells at most 1.5·MMF below oracle", () => {
    expect(fillablePrice(1, 60000, 0.03, -5000, 1800)).toBeCloseTo(60000 * (1 - 0.045), 9);
  });
});
