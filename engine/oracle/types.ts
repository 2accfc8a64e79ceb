/**
 * Oracle models: what contracts, liquidators and strategies *see* of the market (DESIGN: oracle).
 *
 * A model turns one asset's market path into a tape of publications. A publication carries the time
 * it lands on chain (`publishMs`), the value, the time of the market observation it reflects
 * (`observedMs` ≤ `publishMs`) and a confidence half-width (0 when the kind has none).
 * Causality contract (checked by the conformance suite): a publication observed at τ depends only on
 * market prices at grid times ≤ τ, and `publishMs` never decreases along the tape.
 *
 * Between grid points the market is taken as constant (the price of the last grid point), so a
 * publication observed at any τ reads `price[gridIndexAtOrBefore(τ)]`.
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

  /**
   * Appends one publication. Returns whether it was recorded: a fault wrapper's tape (an outage)
   * may drop it, and a model whose state follows what is on chain (e.g. `push`) checks this.
   */
  push(publishMs: number, price: number, observedMs: number, conf: number): boolean {
    if (this.length === this.publishMs.length) this.grow();
    const i = this.length++;
    this.publishMs[i] = publishMs;
    this.price[i] = price;
    this.observedMs[i] = observedMs;
    this.conf[i] = conf;
    return true;
  }

  /** Copies `src`'s publications after this tape's own (no allocation once grown). */
  append(src: OracleTape): void {
    for (let i = 0; i < src.length; i++) {
      this.push(
        src.publishMs[i] as number,
        src.price[i] as number,
        src.observedMs[i] as number,
        src.conf[i] as number,
      );
    }
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

/**
 * How a consumer decides a reading is usable. Pyth best practices: reject prices older than a
 * maximum age and intervals wider than a threshold (Solend: conf/price > 10 %, age > 120 s —
 * solendprotocol/solana-program-library `token-lending/program/src/oracles.rs`). Chainlink
 * consumers check `answer > 0` and `now − updatedAt ≤ heartbeat + margin`.
 */
export interface ConsumerRule {
  /** Largest accepted age (now − observedMs); Infinity: no staleness check. */
  readonly maxAgeMs: number;
  /** Largest accepted conf / price; Infinity: no confidence check. */
  readonly maxConfRatio: number;
}

/** Accepts every reading that exists and has a positive price. */
export const NO_CONSUMER_RULE: ConsumerRule = Object.freeze({ maxAgeMs: Infinity, maxConfRatio: Infinity });

export interface OracleModel {
  /** The consumer rule readers should apply by default (absent: `NO_CONSUMER_RULE`). */
  readonly consumer?: ConsumerRule;
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

/** A fresh reading object for a consumer to own and pass to `OracleFeed.read`. */
export function newReading(): OracleReading {
  return { price: Number.NaN, ageMs: Infinity, conf: 0, usable: false };
}
