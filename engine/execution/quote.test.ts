/**
 * quoteFill: fee = |filled|·avgPrice·(maker or taker); partial fills at capacity; rejection when
 * capacity is 0 or the mid is unusable; a sell's concession is capped at 100 %.
 */
import { describe, expect, it } from "vitest";
import { DepthImpact } from "./depth.js";
import { FixedImpact, LinearImpact } from "./impact-basic.js";
import { FillQuote, quoteFill } from "./quote.js";
import type { ImpactModel } from "./types.js";

const FEES = { maker: 0.0002, taker: 0.0005 };

describe("quoteFill", () => {
  it("fixed 10 bps, buy 2 at 1 000: avg 1 001, slippage 2, taker fee 2 × 1 001 × 5 bps", () => {
    const q = quoteFill(2, 1000, 0, new FixedImpact(10), FEES);
    expect(q.avgPrice).toBeCloseTo(1001, 12);
    expect(q.slippageQuote).toBeCloseTo(2, 12);
    expect(q.feeQuote).toBeCloseTo(2 * 1001 * 0.0005, 12);
    expect([q.filledQty, q.rejected, q.reason]).toEqual([2, false, "ok"]);
    expect(quoteFill(-2, 1000, 0, new FixedImpact(10), FEES, true).feeQuote).toBeCloseTo(
      2 * 999 * 0.0002,
      12,
    );
  });

  it("writes into the caller's object", () => {
    const out = new FillQuote();
    expect(quoteFill(1, 100, 0, new FixedImpact(1), FEES, false, out)).toBe(out);
  });

  it("depth: partial fill at total depth, closed-form average concession", () => {
    const book = new DepthImpact([10, 30], [1e5, 3e5]);
    // Q = 5e4 on the first segment: δ(q) = 10 bps·q/1e5, mean over [0, Q] = 2.5 bps.
    expect(quoteFill(500, 100, 0, book, FEES).avgPrice).toBeCloseTo(100 * (1 + 2.5e-4), 12);
    // Q = 2e5: (1e5·(0 + 10)/2 + 1e5·(10 + 20)/2) / 2e5 = 10 bps.
    expect(quoteFill(-2000, 100, 0, book, FEES).avgPrice).toBeCloseTo(100 * (1 - 1e-3), 12);
    // Q = 4e5 > 3e5 of depth: fills 3 000 base, (1e5·(0 + 10)/2 + 2e5·(10 + 30)/2) / 3e5 = 15 bps.
    const q = quoteFill(4000, 100, 0, book, FEES);
    expect([q.filledQty, q.rejected, q.reason]).toEqual([3000, false, "partial"]);
    expect(q.avgPrice).toBeCloseTo(100 * (1 + 15e-4), 12);
  });

  it("rejects when there is no capacity or no usable mid", () => {
    const empty: ImpactModel = {
      impact: () => 0,
      capacity: () => 0,
      onFill: () => {},
      reset: () => {},
    };
    const q = quoteFill(1, 100, 0, empty, FEES);
    expect([q.filledQty, q.slippageQuote, q.feeQuote, q.rejected, q.reason]).toEqual([
      0,
      0,
      0,
      true,
      "no_liquidity",
    ]);
    for (const mid of [0, -1, Number.NaN, Infinity]) {
      expect(quoteFill(1, mid, 0, new FixedImpact(1), FEES)).toMatchObject({
        rejected: true,
        reason: "bad_price",
      });
    }
  });

  it("caps a sell's concession at 100 % (price never negative)", () => {
    const q = quoteFill(-1e9, 100, 0, new LinearImpact(1, 1e6), FEES);
    expect([q.avgPrice, q.feeQuote]).toEqual([0, 0]);
    expect(q.slippageQuote).toBe(1e9 * 100);
  });
});
