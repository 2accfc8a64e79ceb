/**
 * The latest completed OHLC bars of one series, kept as the log quantities every range estimator
 * is written in (Garman & Klass 1980 notation; Yang & Zhang 2000, §2):
 *
 *   u = ln(H/O)   d = ln(L/O)   c = ln(C/O)   o = ln(O/C₋₁)  (C₋₁: the previous bar's close)
 *
 * so the bar's close-to-close log return is o + c. A ring of fixed capacity (a power of two):
 * pushing never allocates, and the oldest bar is overwritten once the ring is full.
 */

/** Most bars a ring keeps (and so the longest estimator window). */
export const MAX_BARS = 4096;

export class BarRing {
  readonly u: Float64Array;
  readonly d: Float64Array;
  readonly c: Float64Array;
  readonly o: Float64Array;
  /** Bars pushed since the last reset (the latest sits at index (count − 1) & mask). */
  count = 0;
  readonly mask: number;

  constructor(capacity = MAX_BARS) {
    if (!(capacity > 0 && (capacity & (capacity - 1)) === 0)) {
      throw new RangeError(`bar ring capacity must be a power of two, was ${capacity}`);
    }
    this.mask = capacity - 1;
    this.u = new Float64Array(capacity);
    this.d = new Float64Array(capacity);
    this.c = new Float64Array(capacity);
    this.o = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Bars available for a window (at most the capacity). */
  get size(): number {
    return Math.min(this.count, this.mask + 1);
  }

  reset(): void {
    this.count = 0;
  }

  /**
   * Appends a bar from its prices (all > 0; L ≤ O, C ≤ H). `prevClose` NaN (no previous bar)
   * counts as a bar opening at its previous close (o = 0).
   */
  push(open: number, high: number, low: number, close: number, prevClose: number): void {
    const i = this.count & this.mask;
    this.u[i] = Math.log(high / open);
    this.d[i] = Math.log(low / open);
    this.c[i] = Math.log(close / open);
    this.o[i] = Number.isNaN(prevClose) ? 0 : Math.log(open / prevClose);
    this.count++;
  }

  /** Ring index of the j-th bar (j = 0 the oldest) of the latest `n`. */
  at(n: number, j: number): number {
    return (this.count - n + j) & this.mask;
  }

  /** Close-to-close log return of the bar at ring index i. */
  ret(i: number): number {
    return (this.o[i] as number) + (this.c[i] as number);
  }
}
