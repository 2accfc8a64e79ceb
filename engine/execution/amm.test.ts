/**
 * Constant-product AMM against its closed forms (REFERENCE: Execution costs): the test vector
 * x = 1 000 ETH, y = 2 000 000 USDC, f = 0.3 %, sell 10 ETH → 19 743.160 USDC (average 1 974.32,
 * 1.284 % below mid); the buy formula Δy = y·Δx/((x − Δx)(1 − f)); reserves displaced by a fill
 * recover toward the initial ones by half every half-life; capacity at the price-move limit.
 */
import { describe, expect, it } from "vitest";
import { AmmImpact } from "./amm.js";
import { quoteFill } from "./quote.js";

const T0 = 1_704_067_200_000;
const NO_FEES = { maker: 0, taker: 0 };
const HALF = 60_000;

function pool(maxPriceMove = 0.5, halfLifeMs = HALF): AmmImpact {
  const amm = new AmmImpact(2_000_000, 0.003, halfLifeMs, maxPriceMove);
  amm.reset(2000, T0);
  return amm;
}

describe("amm", () => {
  it("matches the REFERENCE vector: sell 10 ETH → 19 743.160 USDC", () => {
    const q = quoteFill(-10, 2000, T0, pool(), NO_FEES);
    expect(q.filledQty).toBe(-10);
    expect(10 * q.avgPrice).toBeCloseTo(19_743.16, 2);
    expect(q.avgPrice).toBeCloseTo(1974.32, 2);
    expect(1 - q.avgPrice / 2000).toBeCloseTo(0.01284, 5);
    expect(q.slippageQuote).toBeCloseTo(20_000 - 19_743.16, 2);
  });

  it("buy: Δy = y·Δx / ((x − Δx)(1 − f))", () => {
    const q = quoteFill(10, 2000, T0, pool(), NO_FEES);
    expect(10 * q.avgPrice).toBeCloseTo((2e6 * 10) / (990 * 0.997), 6);
  });

  it("a fill moves the reserves by the closed form", () => {
    const amm = pool();
    amm.onFill(-10, 2000, T0);
    expect(amm.x).toBeCloseTo(1010, 9);
    expect(amm.y).toBeCloseTo(2e6 - (2e6 * 9.97) / 1009.97, 6);
  });

  it("reserves recover toward the initial ones, halving the displacement every half-life", () => {
    const amm = pool();
    amm.onFill(-100, 2000, T0);
    const dx = amm.x - 1000;
    const dy = amm.y - 2e6;
    amm.recoverTo(T0 + HALF);
    expect(amm.x - 1000).toBeCloseTo(dx / 2, 9);
    expect(amm.y - 2e6).toBeCloseTo(dy / 2, 6);
    amm.recoverTo(T0 + 3 * HALF);
    expect(amm.x - 1000).toBeCloseTo(dx / 8, 9);
    expect(amm.y - 2e6).toBeCloseTo(dy / 8, 6);
  });

  it("a second sell right after costs more; long after, as much as the first", () => {
    const amm = pool();
    const first = quoteFill(-10, 2000, T0, amm, NO_FEES).avgPrice;
    amm.onFill(-10, 2000, T0);
    expect(quoteFill(-10, 2000, T0 + 1, amm, NO_FEES).avgPrice).toBeLessThan(first);
    expect(quoteFill(-10, 2000, T0 + 100 * HALF, amm, NO_FEES).avgPrice).toBeCloseTo(first, 9);
  });

  it("a buy into a pool displaced in the buyer's favour is not credited below mid", () => {
    const amm = pool();
    amm.onFill(-200, 2000, T0);
    expect(quoteFill(1, 2000, T0, amm, NO_FEES).avgPrice).toBe(2000);
  });

  it("impact depends on notional: 5 ETH at 4 000 costs the same fraction as 10 ETH at 2 000", () => {
    const a = quoteFill(-10, 2000, T0, pool(), NO_FEES).avgPrice / 2000;
    const b = quoteFill(-5, 4000, T0, pool(), NO_FEES).avgPrice / 4000;
    expect(b).toBeCloseTo(a, 12);
  });

  it("capacity: the fill that moves the fee-net price by exactly maxPriceMove; larger orders fill partially", () => {
    const amm = pool(0.1);
    const sellCap = amm.capacity(-1, 2000, T0);
    const a = sellCap * 0.997;
    expect((1000 / (1000 + a)) ** 2).toBeCloseTo(0.9, 12);
    const buyCap = amm.capacity(1, 2000, T0);
    expect((1000 / (1000 - buyCap)) ** 2).toBeCloseTo(1.1, 12);
    const q = quoteFill(-1000, 2000, T0, amm, NO_FEES);
    expect([q.filledQty, q.reason]).toEqual([-sellCap, "partial"]);
  });

  it("halfLife 0: arbitrage restores the pool at once", () => {
    const amm = pool(0.5, 0);
    amm.onFill(-100, 2000, T0);
    amm.recoverTo(T0 + 1);
    expect([amm.x, amm.y]).toEqual([1000, 2e6]);
  });
});
