/**
 * The landed oracle readings of one path: one OracleFeed (engine/oracle/feed.ts) per asset over
 * that asset's tape of publications, plus the latest reading of each asset in flat arrays that the
 * loop, venues and strategy view read every step.
 */
import type { PathMarket } from "../market.js";
import { isUsable, OracleFeed, timeWeightedMean } from "../oracle/feed.js";
import type { OracleModel } from "../oracle/types.js";
import type { Rng } from "../rng.js";
import type { OracleConfig } from "./config.js";

export class OracleState {
  readonly feeds: OracleFeed[];
  /** Latest landed reading per asset (NaN before the first publication). */
  readonly price: Float64Array;
  readonly observedMs: Float64Array;
  readonly conf: Float64Array;

  constructor(
    private readonly cfg: OracleConfig,
    n: number,
  ) {
    const rule = { maxAgeMs: cfg.maxAgeMs, maxConfRatio: cfg.maxConfRatio };
    this.feeds = Array.from({ length: n }, () => new OracleFeed(undefined, rule));
    this.price = new Float64Array(n);
    this.observedMs = new Float64Array(n);
    this.conf = new Float64Array(n);
  }

  /** Builds every asset's tape for the path and resets the readings. */
  reset(market: PathMarket, rng: Rng): void {
    for (let a = 0; a < this.feeds.length; a++) {
      const feed = this.feeds[a] as OracleFeed;
      feed.tape.clear();
      (this.cfg.models[a] as OracleModel).publish(
        market.grid,
        market.price[a] as Float64Array,
        rng,
        feed.tape,
      );
      feed.reset();
    }
    this.price.fill(Number.NaN);
    this.observedMs.fill(Number.NEGATIVE_INFINITY);
    this.conf.fill(0);
  }

  /** Publication time of the asset's next unapplied publication (∞ when none). */
  nextMs(a: number): number {
    return (this.feeds[a] as OracleFeed).nextPublishMs();
  }

  /** Applies every publication of asset `a` landed at or before t; returns how many. */
  apply(a: number, t: number): number {
    const feed = this.feeds[a] as OracleFeed;
    const landed = feed.advanceTo(t);
    if (landed > 0) {
      const i = feed.index;
      this.price[a] = feed.tape.price[i] as number;
      this.observedMs[a] = feed.tape.observedMs[i] as number;
      this.conf[a] = feed.tape.conf[i] as number;
    }
    return landed;
  }

  /**
   * Time-weighted mean of asset `a`'s landed reading over [fromMs, toMs] (`toMs` now: readings
   * landed so far; NaN before any), each reading held from its publication to the next.
   */
  windowMean(a: number, fromMs: number, toMs: number): number {
    const feed = this.feeds[a] as OracleFeed;
    return timeWeightedMean(feed.tape.publishMs, feed.tape.price, feed.index + 1, fromMs, toMs);
  }

  ageMs(a: number, t: number): number {
    return t - (this.observedMs[a] as number);
  }

  /** The consumer rule (OracleFeed's) applied to the latest landed reading. */
  usable(a: number, t: number): boolean {
    return isUsable(
      this.price[a] as number,
      this.ageMs(a, t),
      this.conf[a] as number,
      (this.feeds[a] as OracleFeed).rule,
    );
  }
}
