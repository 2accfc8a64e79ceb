/**
 * Oracle models: what contracts, liquidators and strategies *see* of the market (DESIGN: oracle).
 *
 * A model turns one asset's market path into a tape of publications. A publication carries the time
 * it lands on chain (`publishMs`), the value, the time of the market observation it reflects
 * (`observedMs` ≤ `publishMs`) and a confidence half-width (0 when the kind has none).
 * Causality contract (checked by the conformance suite): a publication observed at τ depends only on
 * market prices at grid times ≤ τ, and `publishMs` never decreases along the tape.
 */

import type { TimeGrid } from "../market.js";
import type { Rng } from "../rng.js";

export class OracleTape {
  publishMs = new Float64Array(64);
  price = new Float64Array(64);
  observedMs = new Float64Array(64);
  conf = new Float64Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(publishMs: number, price: number, observedMs: number, conf: number): void {
    if (this.length === this.publishMs.length) this.grow();
    const i = this.length++;
    this.publishMs[i] = publishMs;
    this.price[i] = price;
    this.observedMs[i] = observedMs;
    this.conf[i] = conf;
  }

  private grow(): void {
    const g = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.publishMs = g(this.publishMs);
    this.price = g(this.price);
    this.observedMs = g(this.observedMs);
    this.conf = g(this.conf);
  }
}

export interface OracleModel {
  /**
   * Appends the publications for one asset over the whole path to `out` (cleared by the caller).
   * @param price market price per grid point (length grid.steps + 1)
   */
  publish(grid: TimeGrid, price: Float64Array, rng: Rng, out: OracleTape): void;
}

/** What a consumer (venue, liquidator, strategy) reads: the latest landed publication. */
export interface OracleReading {
  price: number;
  /** now − observedMs of the reading. */
  ageMs: number;
  conf: number;
  /** False when the consumer's staleness / confidence rule rejects the reading. */
  usable: boolean;
}
