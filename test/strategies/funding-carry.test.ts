/**
 * `funding-carry` on shared paths: long 10 ETH spot, short 10 on the perp, a fixed funding rate of
 * 0.01 % per 8 h. The legs cancel, so the P&L is the funding received minus fees, slippage and gas
 * (to rounding), and the funding is ≈ rate × size × price × intervals. With a negative rate it
 * never enters.
 */
import { describe, expect, it } from "vitest";
import { mean, run } from "../helpers.js";

const RATE = 0.0001;
const carry = (rate: number) =>
  run({
    name: "carry",
    seed: 4,
    paths: 40,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
    market: { assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.3 } } } },
    execution: { fees: { taker: 0.0005, maker: 0.0002 } },
    venues: {
      perp: { kind: "perp-linear", fundingInterval: "8h", fundingSource: "fixed", fundingRate: rate },
    },
    book: [
      { kind: "perp", underlying: "ETH", qty: 0, collateral: 10000 },
      { kind: "cash", amount: { USDC: 40000 } },
    ],
    strategy: { kind: "funding-carry", size: 10 },
    report: { sampleSeries: 0, eventPaths: 0 },
  }).metrics.columns;

describe("funding-carry", () => {
  it("earns the funding received minus its costs", () => {
    const c = carry(RATE);
    for (let p = 0; p < c.pnl.length; p++) {
      const received = -(c.funding[p] as number);
      const costs = (c.fees[p] as number) + (c.slippage[p] as number) + (c.gas[p] as number);
      expect(costs).toBeGreaterThan(0);
      expect(c.pnl[p]).toBeCloseTo(received - costs, 6);
    }
    // 30 payments of RATE × 10 ETH × ≈3 000 (the price wanders ±10 % over 10 days).
    expect(mean(c.funding.map((x) => -x)) / (RATE * 10 * 3000 * 30)).toBeGreaterThan(0.9);
    expect(mean(c.funding.map((x) => -x)) / (RATE * 10 * 3000 * 30)).toBeLessThan(1.1);
  });

  it("stays out while funding is negative", () => {
    const c = carry(-RATE);
    for (const t of c.trades) expect(t).toBe(0);
  });
});
