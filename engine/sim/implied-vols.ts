/**
 * Options marked at a moving implied vol. Each asset with an implied-vol model has a surface
 * (engine/iv/surface.ts) and an ATM level column in the path's market (`market.iv`). At the path's
 * start and at every grid tick, every live option on such an asset is re-marked on the surface at
 * the market price: a book option without a fixed `iv` (its `optIv` is updated), and every
 * instrument of an options venue (the venue's marks, margins and liquidation checks read
 * `ins.vol`; a changed vol invalidates the venue's liquidation bands). Between ticks vols are held,
 * like prices. The previous vols are kept for the vega term of the PnL attribution.
 */
import type { ImpliedVolSurface } from "../iv/surface.js";
import { yearFraction } from "../units.js";
import { OptionsVenue } from "../venues/options-venue.js";
import type { PathRunner } from "./path-runner.js";

export class ImpliedVols {
  /** Whether any asset has a surface. */
  readonly any: boolean;
  private readonly surfaces: readonly (ImpliedVolSurface | null)[];
  /** Per book option: 1 when it follows its asset's surface (no fixed iv). */
  private readonly follows: Uint8Array;
  /** Start price per asset on this path (sticky-strike anchor). */
  private readonly s0: Float64Array;

  constructor(private readonly r: PathRunner) {
    const cfg = r.cfg;
    this.surfaces = cfg.assets.map((_a, k) => cfg.impliedVol?.[k] ?? null);
    this.any = this.surfaces.some((s) => s !== null);
    this.follows = Uint8Array.from(cfg.options, (o) => (o.iv === null && this.surfaces[o.asset] ? 1 : 0));
    this.s0 = new Float64Array(cfg.assets.length);
  }

  /** A new path: the sticky-strike anchor is the start price. */
  reset(): void {
    this.s0.set(this.r.prices);
  }

  /** ATM implied vol of asset `a` at the reference tenor now (NaN without a model). */
  atm(a: number): number {
    const col = this.r.market.iv?.[a];
    return this.surfaces[a] && col ? (col[this.r.i] as number) : Number.NaN;
  }

  /** Implied vol of strike `k` expiring at `expiryMs` on asset `a` at spot `s`, now (NaN without a surface). */
  volAt(a: number, k: number, expiryMs: number, s: number): number {
    const surf = this.surfaces[a];
    if (!surf) return Number.NaN;
    const r = this.r;
    return surf.vol(
      k,
      yearFraction(Math.max(0, expiryMs - r.t)),
      s,
      this.s0[a] as number,
      r.cfg.rate,
      this.atm(a),
    );
  }

  /** Whether book option i is marked on a surface. */
  followsSurface(i: number): boolean {
    return this.follows[i] === 1;
  }

  /** Re-marks every live option on a surface at the current market prices. */
  refresh(): void {
    if (!this.any) return;
    const r = this.r;
    const b = r.book;
    for (let i = 0; i < this.follows.length; i++) {
      if (this.follows[i] !== 1 || !b.optLive[i]) continue;
      const a = b.optAsset[i] as number;
      b.optIv[i] = this.volAt(a, b.optStrike[i] as number, b.optExpiryMs[i] as number, r.prices[a] as number);
    }
    for (const v of b.venues.venues) if (v instanceof OptionsVenue) this.refreshVenue(v);
  }

  private refreshVenue(v: OptionsVenue): void {
    let changed = false;
    for (const ins of v.instruments) {
      const a = ins.underlying - 1;
      if (ins.settled || !this.surfaces[a]) continue;
      const vol = this.volAt(a, ins.strike, ins.expiryMs, this.r.prices[a] as number);
      if (vol !== ins.vol) {
        ins.vol = vol;
        changed = true;
      }
    }
    if (!changed) return;
    v.movingVols = true;
    v.bandUntil.fill(Number.NEGATIVE_INFINITY);
  }
}
