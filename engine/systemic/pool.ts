/**
 * The market a cascade sells into: a constant-product pool (x·y = k, fee f staying in the pool;
 * REFERENCE "Execution costs", Uniswap v2 `getAmountOut`) around an exogenous price E(t).
 *
 * The pool's price is P = E·D, D the displacement its sales caused (1 at rest). Between sales,
 * arbitrage against the outside market keeps k and moves the pool to P: reserves x = √(k/P),
 * y = √(k·P); the displacement decays toward 1 with a half-life (ln D halves every `halfLifeMs`;
 * 0: gone by the next step; Infinity: permanent). Selling q base: Δy = y·q(1−f) / (x + q(1−f)),
 * x ← x + q, y ← y − Δy (k grows by the fee), P ← y/x.
 *
 * Test vector (REFERENCE): x = 1 000, y = 2 000 000, f = 0.3 %, sell 10 → 19 743.160.
 * A pool with infinite depth is a price taker's market: sales fill at P = E and never move it.
 */
export class CpPool {
  private k = 0;
  private d = 1;
  private e = 1;
  private lastMs = 0;

  /**
   * @param depthQuote quote reserve y at the start (the pool's depth); Infinity: no impact.
   * @param fee pool fee f, fraction of the amount in.
   * @param halfLifeMs half-life of the displacement's logarithm.
   */
  constructor(
    readonly depthQuote: number,
    readonly fee: number,
    readonly halfLifeMs: number,
  ) {}

  get deep(): boolean {
    return this.depthQuote === Number.POSITIVE_INFINITY;
  }

  reset(e0: number, t0: number): void {
    this.k = this.deep ? 0 : (this.depthQuote * this.depthQuote) / e0;
    this.d = 1;
    this.e = e0;
    this.lastMs = t0;
  }

  /** Moves the exogenous price to `e` at time `t`, letting arbitrage shrink the displacement. */
  advance(e: number, t: number): void {
    this.e = e;
    if (t > this.lastMs && this.d !== 1) {
      const keep = this.halfLifeMs > 0 ? 2 ** (-(t - this.lastMs) / this.halfLifeMs) : 0;
      this.d = keep === 0 ? 1 : Math.exp(Math.log(this.d) * keep);
    }
    this.lastMs = t;
  }

  /** The pool's (market) price P = E·D. */
  price(): number {
    return this.e * this.d;
  }

  /** The displacement D = P/E that sales caused. */
  displacement(): number {
    return this.d;
  }

  /** Reserves after a sale (set by `trade`). */
  private x1 = 0;
  private y1 = 0;

  /** Quote received for selling `q` base now, without selling. */
  quoteSell(q: number): number {
    if (!(q > 0)) return 0;
    return this.deep ? q * this.e : this.trade(q);
  }

  /** Sells `q` base into the pool; returns the quote received and moves the price. */
  sell(q: number): number {
    if (!(q > 0)) return 0;
    if (this.deep) return q * this.e;
    const dy = this.trade(q);
    this.k = this.x1 * this.y1;
    this.d = this.y1 / this.x1 / this.e;
    return dy;
  }

  /** Δy for selling q at the current reserves x = √(k/P), y = √(k·P); the reserves after into x1, y1. */
  private trade(q: number): number {
    const p = this.e * this.d;
    const x = Math.sqrt(this.k / p);
    const y = Math.sqrt(this.k * p);
    const qf = q * (1 - this.fee);
    const dy = (y * qf) / (x + qf);
    this.x1 = x + q;
    this.y1 = y - dy;
    return dy;
  }
}
