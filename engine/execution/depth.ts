/**
 * Order-book depth curve: cumulative depth D(δ) (quote notional resting within a price distance δ
 * of mid), piecewise linear through (0, 0) and the given levels, the same on both sides. A fill of
 * notional Q = |qty|·mid walks the book to δ* with D(δ*) = Q; its average concession is
 * (1/Q)·∫₀^Q δ(q) dq, which on a linear segment is the mean of its end distances. Beyond the last
 * level there is no depth: capacity = D_total / mid, and larger orders fill partially.
 * The book is assumed to refill between fills (no resilience model).
 */
import type { ImpactModel } from "./types.js";

export class DepthImpact implements ImpactModel {
  /** Distances as fractions, and cumulative depths in quote; index 0 is (0, 0). */
  private readonly dist: Float64Array;
  private readonly depth: Float64Array;

  constructor(levelsBps: readonly number[], depthQuote: readonly number[]) {
    const n = levelsBps.length;
    this.dist = new Float64Array(n + 1);
    this.depth = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) {
      this.dist[k + 1] = (levelsBps[k] as number) / 10_000;
      this.depth[k + 1] = depthQuote[k] as number;
    }
  }

  /** Total depth on one side, in quote. */
  get totalQuote(): number {
    return this.depth[this.depth.length - 1] as number;
  }

  impact(qty: number, mid: number): number {
    const q = Math.abs(qty * mid);
    if (q === 0) return 0;
    let area = 0;
    for (let k = 1; k < this.depth.length; k++) {
      const d0 = this.depth[k - 1] as number;
      const d1 = this.depth[k] as number;
      const a = this.dist[k - 1] as number;
      const b = this.dist[k] as number;
      if (q <= d1) {
        const end = a + ((b - a) * (q - d0)) / (d1 - d0);
        return (area + ((q - d0) * (a + end)) / 2) / q;
      }
      area += ((d1 - d0) * (a + b)) / 2;
    }
    // Past the book: priced at the last level (quoteFill caps the size at capacity first).
    return (area + (q - this.totalQuote) * (this.dist[this.dist.length - 1] as number)) / q;
  }

  capacity(_qty: number, mid: number): number {
    return this.totalQuote / mid;
  }

  onFill(): void {}
  reset(): void {}
}
