/**
 * The landed oracle readings of one path: per asset, the tape of publications and a cursor.
 * The loop schedules one ORACLE event at the next publication time of each asset; applying it
 * moves the cursor past every publication landed by then.
 */
import type { PathMarket } from "../market.js";
import { OracleTape } from "../oracle/types.js";
import type { Rng } from "../rng.js";
import type { OracleConfig } from "./config.js";

export class OracleState {
  readonly tapes: OracleTape[];
  readonly cursor: Int32Array;
  /** Latest landed reading per asset (NaN before the first publication). */
  readonly price: Float64Array;
  readonly observedMs: Float64Array;
  readonly conf: Float64Array;

  constructor(
    private readonly cfg: OracleConfig,
    n: number,
  ) {
    this.tapes = Array.from({ length: n }, () => new OracleTape());
    this.cursor = new Int32Array(n);
    this.price = new Float64Array(n);
    this.observedMs = new Float64Array(n);
    this.conf = new Float64Array(n);
  }

  /** Builds every asset's tape for the path and resets the readings. */
  reset(market: PathMarket, rng: Rng): void {
    for (let a = 0; a < this.tapes.length; a++) {
      const tape = this.tapes[a] as OracleTape;
      tape.clear();
      (this.cfg.models[a] as OracleConfig["models"][number]).publish(
        market.grid,
        market.price[a] as Float64Array,
        rng,
        tape,
      );
    }
    this.cursor.fill(0);
    this.price.fill(Number.NaN);
    this.observedMs.fill(Number.NEGATIVE_INFINITY);
    this.conf.fill(0);
  }

  /** Publication time of the asset's next unapplied publication (∞ when none). */
  nextMs(a: number): number {
    const tape = this.tapes[a] as OracleTape;
    const c = this.cursor[a] as number;
    return c < tape.length ? (tape.publishMs[c] as number) : Number.POSITIVE_INFINITY;
  }

  /** Applies every publication of asset `a` landed at or before t; returns how many. */
  apply(a: number, t: number): number {
    const tape = this.tapes[a] as OracleTape;
    let c = this.cursor[a] as number;
    const start = c;
    while (c < tape.length && (tape.publishMs[c] as number) <= t) {
      this.price[a] = tape.price[c] as number;
      this.observedMs[a] = tape.observedMs[c] as number;
      this.conf[a] = tape.conf[c] as number;
      c++;
    }
    this.cursor[a] = c;
    return c - start;
  }

  /** Mean of the last `n` landed publications of asset `a` (fewer at the start; NaN before any). */
  recentMean(a: number, n: number): number {
    const tape = this.tapes[a] as OracleTape;
    const end = this.cursor[a] as number;
    const start = Math.max(0, end - n);
    let sum = 0;
    for (let i = start; i < end; i++) sum += tape.price[i] as number;
    return end > start ? sum / (end - start) : Number.NaN;
  }

  ageMs(a: number, t: number): number {
    return t - (this.observedMs[a] as number);
  }

  /** The consumer rule: a reading exists, is not older than maxAge and not wider than maxConfRatio. */
  usable(a: number, t: number): boolean {
    const p = this.price[a] as number;
    if (!(p > 0)) return false;
    return this.ageMs(a, t) <= this.cfg.maxAgeMs && (this.conf[a] as number) / p <= this.cfg.maxConfRatio;
  }
}
