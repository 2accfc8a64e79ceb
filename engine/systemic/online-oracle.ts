/**
 * The oracle of a cascade, fed online: it observes the market price the liquidators' sales move,
 * so the next accounts cross on what it publishes (REFERENCE "Oracles").
 * - `ideal`: publishes every observation at once, including the prices between liquidations.
 * - `latency`: publishes the price observed at each grid point `delayMs` later (MakerDAO's OSM
 *   shows the price one hour late).
 * - `push` (Chainlink Data Feeds): a round when `|p/p_onchain − 1| > deviation` or
 *   `now − lastRound ≥ heartbeat`, landing `delayMs` later.
 * Pending rounds are kept per asset in arrival order (land times never decrease).
 */
export type OnlineOracleKind = "ideal" | "latency" | "push";

export interface OnlineOracleConfig {
  readonly kind: OnlineOracleKind;
  readonly delayMs: number;
  readonly deviation: number;
  readonly heartbeatMs: number;
}

export class OnlineOracle {
  /** Published price per asset. */
  readonly price: Float64Array;
  private readonly lastRoundMs: Float64Array;
  private readonly lastRoundValue: Float64Array;
  private readonly pendValue: number[][];
  private readonly pendLand: number[][];
  private readonly head: Int32Array;
  /** A continuous oracle's price changed since the last `land`. */
  private dirty = false;

  constructor(
    readonly cfg: OnlineOracleConfig,
    nAssets: number,
  ) {
    this.price = new Float64Array(nAssets);
    this.lastRoundMs = new Float64Array(nAssets);
    this.lastRoundValue = new Float64Array(nAssets);
    this.pendValue = Array.from({ length: nAssets }, () => []);
    this.pendLand = Array.from({ length: nAssets }, () => []);
    this.head = new Int32Array(nAssets);
  }

  get continuous(): boolean {
    return this.cfg.kind === "ideal";
  }

  reset(prices: Float64Array, t0: number): void {
    this.price.set(prices);
    this.lastRoundValue.set(prices);
    this.lastRoundMs.fill(t0);
    for (let k = 0; k < this.price.length; k++) {
      (this.pendValue[k] as number[]).length = 0;
      (this.pendLand[k] as number[]).length = 0;
    }
    this.head.fill(0);
  }

  /** Observes the market price `p` of asset k at a grid point `t`; may start a round. */
  observe(k: number, p: number, t: number): void {
    const c = this.cfg;
    if (c.kind === "ideal") {
      if (p !== this.price[k]) this.dirty = true;
      this.price[k] = p;
      return;
    }
    if (c.kind === "push") {
      const last = this.lastRoundValue[k] as number;
      const stale = t - (this.lastRoundMs[k] as number) >= c.heartbeatMs;
      if (!stale && !(Math.abs(p / last - 1) > c.deviation)) return;
      this.lastRoundMs[k] = t;
      this.lastRoundValue[k] = p;
    }
    (this.pendValue[k] as number[]).push(p);
    (this.pendLand[k] as number[]).push(t + c.delayMs);
  }

  /** Lands every round due at or before `t`; returns whether any published price changed. */
  land(t: number): boolean {
    let changed = this.dirty;
    this.dirty = false;
    for (let k = 0; k < this.price.length; k++) {
      const vals = this.pendValue[k] as number[];
      const lands = this.pendLand[k] as number[];
      let h = this.head[k] as number;
      while (h < lands.length && (lands[h] as number) <= t) {
        const v = vals[h] as number;
        if (v !== this.price[k]) changed = true;
        this.price[k] = v;
        h++;
      }
      if (h === lands.length) {
        vals.length = 0;
        lands.length = 0;
        h = 0;
      }
      this.head[k] = h;
    }
    return changed;
  }
}
