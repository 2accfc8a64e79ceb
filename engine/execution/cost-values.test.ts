/**
 * Values of the gas and latency kinds against their documented formulas, computed here:
 * - fixed gas: units × gwei × 1e-9 × gas-asset price; congested gas price min(base·(1 + k·stress⁺), cap);
 * - blocks latency: blocks × blockMs; congested latency min(base + slope·stress⁺, max) + U·jitter,
 *   drawing U only when there is jitter (so the execution stream is not consumed otherwise);
 * - which kinds read stress (the runner computes it only for those).
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../rng.js";
import { CongestedGas, FixedGas, NoGas } from "./gas.js";
import { FixedImpact, NoImpact } from "./impact-basic.js";
import { BlocksLatency, CongestedLatency, FixedLatency } from "./latency.js";
import { quoteFill } from "./quote.js";

describe("gas values", () => {
  it("fixed: 393 192 gas × 200 gwei at ETH 150 = 11.80 USD", () => {
    expect(new FixedGas(393_192, 200).costQuote(0, 150)).toBeCloseTo(393_192 * 200e-9 * 150, 12);
    expect(new FixedGas(393_192, 200).costQuote(0, 150)).toBeCloseTo(11.8, 2);
  });

  it("congested: 20 gwei, k 15 — calm 20, stress 0.2 gives 80, capped at 1 000, negative stress as calm", () => {
    const g = new CongestedGas(100_000, 20, 15, 1000);
    expect(g.priceGwei(0)).toBe(20);
    expect(g.priceGwei(0.2)).toBeCloseTo(80, 12);
    expect(g.priceGwei(-0.5)).toBe(20);
    expect(g.priceGwei(10)).toBe(1000);
    expect(g.costQuote(0, 3000, 0.2)).toBeCloseTo(100_000 * 80e-9 * 3000, 12);
  });

  it("only the congested kinds read stress", () => {
    expect([
      new NoGas().usesStress,
      new FixedGas(1, 1).usesStress,
      new CongestedGas(1, 1, 1, 1).usesStress,
    ]).toEqual([false, false, true]);
    expect(new NoGas().costQuote()).toBe(0);
  });
});

describe("latency values", () => {
  it("fixed and blocks: the delay and blocks × blockMs", () => {
    expect(new FixedLatency(7000).delayMs()).toBe(7000);
    expect(new BlocksLatency(3, 12_000).delayMs()).toBe(36_000);
  });

  it("congested without jitter: min(12 s + 600 000 ms·stress⁺, 10 min), drawing nothing", () => {
    const m = new CongestedLatency(12_000, 600_000, 600_000, 0);
    const rng = new Rng("x");
    expect(m.delayMs(0, 0.1, rng)).toBeCloseTo(72_000, 9);
    expect(m.delayMs(0, -0.3, rng)).toBe(12_000);
    expect(m.delayMs(0, 5, rng)).toBe(600_000);
    expect(rng.uniform()).toBe(new Rng("x").uniform());
  });

  it("congested with jitter: adds U·jitter with U the stream's next uniform", () => {
    const m = new CongestedLatency(12_000, 0, 600_000, 30_000);
    const u = new Rng("y").uniform();
    expect(m.delayMs(0, 0, new Rng("y"))).toBeCloseTo(12_000 + u * 30_000, 9);
  });

  it("only the congested kind reads stress", () => {
    expect([
      new FixedLatency(1).usesStress,
      new BlocksLatency(1, 1).usesStress,
      new CongestedLatency(1, 1, 1, 0).usesStress,
    ]).toEqual([false, false, true]);
  });
});

describe("fills through quoteFill", () => {
  it("no impact: any size fills in full at mid", () => {
    const q = quoteFill(1e6, 2000, 0, new NoImpact(), { maker: 0, taker: 0.001 });
    expect([q.filledQty, q.avgPrice, q.slippageQuote, q.rejected, q.reason]).toEqual([
      1e6,
      2000,
      0,
      false,
      "ok",
    ]);
    expect(q.feeQuote).toBeCloseTo(1e6 * 2000 * 0.001, 6);
  });

  it("caps a sell's concession at 100 % (price ≥ 0) but not a buy's", () => {
    const huge = new FixedImpact(15_000); // 150 %
    expect(quoteFill(-1, 100, 0, huge, { maker: 0, taker: 0 }).avgPrice).toBe(0);
    expect(quoteFill(1, 100, 0, huge, { maker: 0, taker: 0 }).avgPrice).toBeCloseTo(250, 12);
  });
});
