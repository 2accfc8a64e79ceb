/**
 * Constant-product AMM (x·y = k) with fee f, the fee staying in the pool (REFERENCE: Execution
 * costs; Uniswap v2 `getAmountOut`). Selling Δx base gives Δy = y·Δx(1−f) / (x + Δx(1−f)); buying
 * Δx base costs Δy = y·Δx / ((x − Δx)(1 − f)) (from (x − Δx)(y + Δy(1 − f)) = x·y).
 * Test vector: x = 1 000 ETH, y = 2 000 000 USDC, f = 0.3 %, sell 10 ETH → 19 743.160 USDC.
 *
 * Frame: the pool is held in units priced at the mid of `reset` (p₀): it starts with
 * y₀ = reserveQuote and x₀ = y₀/p₀. A fill of |qty| base at mid m enters as the same notional,
 * |qty|·m/p₀ frame base, so the fractional impact of a given notional does not depend on where the
 * market has moved (a simplification: a real pool's quote depth scales with √price).
 *
 * Each fill moves the reserves; arbitrage brings them back: the displacement from (x₀, y₀) halves
 * every `halfLife`. A pool displaced in the trader's favour would fill better than mid; that gain is
 * not credited (impact is clamped at 0, as the `ImpactModel` contract requires).
 *
 * Capacity: the largest fill that moves the pool's price by at most `maxPriceMove` (a router's
 * price limit, as Uniswap v3's `sqrtPriceLimitX96`), measured on the fee-net curve x·y = k: selling
 * a = Δx(1−f) scales the price by (x/(x+a))², buying Δx by (x/(x−Δx))².
 */
import type { ImpactModel } from "./types.js";

export class AmmImpact implements ImpactModel {
  /** Reserves in the frame (base, quote). */
  x = 0;
  y = 0;
  private x0 = 0;
  private y0 = 0;
  private p0 = 1;
  private lastMs = 0;
  private readonly sellCapFactor: number;
  private readonly buyCapFactor: number;

  constructor(
    readonly reserveQuote: number,
    readonly fee: number,
    readonly halfLifeMs: number,
    readonly maxPriceMove: number,
  ) {
    this.sellCapFactor = 1 / Math.sqrt(1 - Math.min(maxPriceMove, 1)) - 1;
    this.buyCapFactor = 1 - 1 / Math.sqrt(1 + maxPriceMove);
  }

  reset(mid: number, t: number): void {
    this.p0 = mid;
    this.x0 = this.x = this.reserveQuote / mid;
    this.y0 = this.y = this.reserveQuote;
    this.lastMs = t;
  }

  /** Lets arbitrage act from the last fill up to t: the displacement decays by 2^(−Δt/halfLife). */
  recoverTo(t: number): void {
    if (t <= this.lastMs) return;
    const keep = this.halfLifeMs > 0 ? 2 ** (-(t - this.lastMs) / this.halfLifeMs) : 0;
    this.x = this.x0 + (this.x - this.x0) * keep;
    this.y = this.y0 + (this.y - this.y0) * keep;
    this.lastMs = t;
  }

  impact(qty: number, mid: number, t: number): number {
    if (qty === 0) return 0;
    this.recoverTo(t);
    const dx = (Math.abs(qty) * mid) / this.p0;
    const g = 1 - this.fee;
    if (qty < 0) {
      const dy = (this.y * dx * g) / (this.x + dx * g);
      return Math.max(0, 1 - dy / dx / this.p0);
    }
    if (dx >= this.x) return Infinity;
    const dy = (this.y * dx) / ((this.x - dx) * g);
    return Math.max(0, dy / dx / this.p0 - 1);
  }

  capacity(qty: number, mid: number, t: number): number {
    this.recoverTo(t);
    const frameBase = qty < 0 ? (this.x * this.sellCapFactor) / (1 - this.fee) : this.x * this.buyCapFactor;
    return (frameBase * this.p0) / mid;
  }

  onFill(qty: number, mid: number, t: number): void {
    if (qty === 0) return;
    this.recoverTo(t);
    const dx = (Math.abs(qty) * mid) / this.p0;
    const g = 1 - this.fee;
    if (qty < 0) {
      this.y -= (this.y * dx * g) / (this.x + dx * g);
      this.x += dx;
    } else {
      this.y += (this.y * dx) / ((this.x - dx) * g);
      this.x -= dx;
    }
  }
}
