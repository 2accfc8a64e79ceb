/**
 * A consumer's view of one oracle tape: the latest publication that has landed by time t, its age,
 * and whether the consumer rule accepts it. The cursor only moves forward, so a path's reads cost
 * amortised O(1) each (one pass over the tape in total).
 *
 * Before the first publication lands the reading is unusable, with price NaN and age Infinity.
 * A reading is usable when it exists, its price is positive (Chainlink consumers check
 * `answer > 0`), its age ≤ `maxAgeMs` and conf/price ≤ `maxConfRatio` (Pyth best practices;
 * REFERENCE: Oracles).
 */
import { type ConsumerRule, NO_CONSUMER_RULE, type OracleReading, OracleTape } from "./types.js";

/** The consumer rule: a reading exists (price > 0), is no older than maxAge and no wider than maxConfRatio. */
export function isUsable(price: number, ageMs: number, conf: number, rule: ConsumerRule): boolean {
  return price > 0 && ageMs <= rule.maxAgeMs && conf <= rule.maxConfRatio * price;
}

export class OracleFeed {
  /** Index on the tape of the latest landed publication; −1 before the first. */
  index = -1;

  constructor(
    public tape: OracleTape = new OracleTape(),
    public rule: ConsumerRule = NO_CONSUMER_RULE,
  ) {}

  /** Rewinds to the start of `tape` (the same tape when omitted), e.g. for the next path. */
  reset(tape: OracleTape = this.tape): void {
    this.tape = tape;
    this.index = -1;
  }

  /**
   * Lands every publication with publishMs ≤ t. Times must not decrease between calls (reset to go
   * back). Returns how many publications landed in this call (the loop logs them as oracle updates).
   */
  advanceTo(t: number): number {
    const tape = this.tape;
    const from = this.index;
    while (this.index + 1 < tape.length && (tape.publishMs[this.index + 1] as number) <= t) this.index++;
    return this.index - from;
  }

  /** Publish time of the next publication to land, or Infinity (to schedule the next oracle event). */
  nextPublishMs(): number {
    return this.index + 1 < this.tape.length ? (this.tape.publishMs[this.index + 1] as number) : Infinity;
  }

  /** Fills `out` with the reading at t (advancing to t first) and returns it. */
  read(t: number, out: OracleReading): OracleReading {
    this.advanceTo(t);
    const i = this.index;
    if (i < 0) {
      out.price = Number.NaN;
      out.ageMs = Infinity;
      out.conf = 0;
      out.usable = false;
      return out;
    }
    const price = this.tape.price[i] as number;
    const conf = this.tape.conf[i] as number;
    const age = t - (this.tape.observedMs[i] as number);
    out.price = price;
    out.ageMs = age;
    out.conf = conf;
    out.usable = isUsable(price, age, conf, this.rule);
    return out;
  }
}

/**
 * Time-weighted mean over [fromMs, toMs] of a reading that holds from its publication to the next
 * (Deribit settles on a 30-minute TWAP of its index): publications `publishMs[0..count)` in time
 * order, the last one landed by `toMs`. The window starts at the first publication when that is
 * later than `fromMs`; a zero-length window gives the last reading.
 * @example timeWeightedMean([0, 10, 40], [100, 110, 130], 3, 20, 50) === 3500 / 30 (20 at 110, 10 at 130)
 */
export function timeWeightedMean(
  publishMs: ArrayLike<number>,
  price: ArrayLike<number>,
  count: number,
  fromMs: number,
  toMs: number,
): number {
  if (count <= 0) return Number.NaN;
  let sum = 0;
  let span = 0;
  let end = toMs;
  for (let j = count - 1; j >= 0 && end > fromMs; j--) {
    const start = Math.max(publishMs[j] as number, fromMs);
    if (end > start) {
      sum += (price[j] as number) * (end - start);
      span += end - start;
    }
    end = start;
  }
  return span > 0 ? sum / span : (price[count - 1] as number);
}
