/**
 * The read-only view a strategy gets (engine/strategy.ts). Prices are oracle readings, never the
 * market's; Greeks are computed at the oracle price. One instance per runner, reading live state;
 * a class (prototype methods) rather than an object of closures, so calls stay monomorphic and cheap.
 */
import type { Instrument, StrategyView } from "../strategy.js";
import type { PathRunner } from "./path-runner.js";

export class RunnerView implements StrategyView {
  readonly startMs: number;
  readonly endMs: number;

  constructor(private readonly r: PathRunner) {
    this.startMs = r.cfg.grid.startMs;
    this.endMs = r.endMs;
  }

  get timeMs(): number {
    return this.r.t;
  }

  assetIndex(name: string): number {
    return this.r.cfg.assets.indexOf(name);
  }

  oraclePrice(a: number): number {
    return this.r.oracle.price[a] as number;
  }

  oracleAgeMs(a: number): number {
    return this.r.oracle.ageMs(a, this.r.t);
  }

  oracleUsable(a: number): boolean {
    return this.r.oracle.usable(a, this.r.t);
  }

  perpQty(a: number): number {
    return this.r.book.perpQty(a);
  }

  spotQty(a: number): number {
    return this.r.book.spotQty(a);
  }

  pendingQty(instrument: Instrument, a: number): number {
    return this.r.orders.pending[instrument * this.r.cfg.assets.length + a] as number;
  }

  optionDelta(a: number, vol?: number): number {
    return this.r.book.optionGreek(a, this.r.oracle.price[a] as number, this.r.t, vol, false);
  }

  optionGamma(a: number, vol?: number): number {
    return this.r.book.optionGreek(a, this.r.oracle.price[a] as number, this.r.t, vol, true);
  }

  equity(): number {
    return this.r.book.equity(this.r.oracleL, this.r.t);
  }

  perpMarginRatio(): number {
    const v = this.r.book.venues.hedge;
    if (!v) return Number.POSITIVE_INFINITY;
    const a = this.r.book.venues.hedgeAcct;
    const mm = v.requirement(a, this.r.oracleL, 0);
    return mm > 0 ? v.equity(a, this.r.oracleL) / mm : Number.POSITIVE_INFINITY;
  }
}
