/**
 * The event queue: a binary min-heap over typed arrays, ordered by (time, phase, sequence)
 * (STYLE 3). Phase breaks ties between kinds at the same instant in the order of the design's data
 * flow; sequence (insertion order) breaks the rest. Events are small integer codes plus one integer
 * payload, so pushing and popping allocate nothing once the arrays have grown.
 */

/** Phases within one instant, in the order DESIGN.md gives. */
export const Phase = {
  market: 0,
  oracle: 1,
  accrual: 2,
  expiry: 3,
  liquidation: 4,
  strategy: 5,
  execution: 6,
  fill: 7,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/**
 * Times are integer milliseconds; (time, phase) is packed into one double key, time·16 + phase
 * (exact below 2⁵³, i.e. for any epoch time in ms), so an ordering test is one or two comparisons.
 */
export class EventQueue {
  private key: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private payload: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /** Fields of the event last returned by `pop`. */
  popTime = 0;
  popPhase = 0;
  popKind = 0;
  popPayload = 0;

  constructor(capacity = 64) {
    this.key = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.payload = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
    this.nextSeq = 0;
  }

  /** Schedules an event; `time` must be an integer number of ms, `phase` in 0…15. */
  push(time: number, phase: number, kind: number, payload = 0): void {
    this.pushKeyed(time * 16 + phase, this.nextSeq++, kind, payload);
  }

  /**
   * The next sequence number, for an event kept outside the queue (engine/sim/path-runner.ts keeps
   * one strategy timer aside) that must still order against the queue's events as if pushed now.
   */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Schedules an event under a packed key (`packKey`) and a sequence number from `takeSeq`. */
  pushKeyed(k: number, sq: number, kind: number, payload: number): void {
    if (this.n === this.key.length) this.grow();
    const K = this.key;
    const S = this.seq;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const kp = K[p] as number;
      if (kp < k || (kp === k && (S[p] as number) < sq)) break;
      this.move(p, i);
      i = p;
    }
    K[i] = k;
    S[i] = sq;
    this.kind[i] = kind;
    this.payload[i] = payload;
  }

  /** Removes the earliest event into `pop*`; returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const K = this.key;
    const S = this.seq;
    const k0 = K[0] as number;
    // k0 = time·16 + phase: time is ⌊k0/16⌋ (exact: 16 is a power of two), without a float modulo.
    const time = Math.floor(k0 / 16);
    this.popPhase = k0 - time * 16;
    this.popTime = time;
    this.popKind = this.kind[0] as number;
    this.popPayload = this.payload[0] as number;
    const last = --this.n;
    if (last === 0) return true;
    const k = K[last] as number;
    const sq = S[last] as number;
    const kd = this.kind[last] as number;
    const pl = this.payload[last] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (
        r < last &&
        ((K[r] as number) < (K[c] as number) || (K[r] === K[c] && (S[r] as number) < (S[c] as number)))
      )
        c = r;
      const kc = K[c] as number;
      if (k < kc || (k === kc && sq < (S[c] as number))) break;
      this.move(c, i);
      i = c;
    }
    K[i] = k;
    S[i] = sq;
    this.kind[i] = kd;
    this.payload[i] = pl;
    return true;
  }

  /** Time of the earliest event, or +∞ when empty. */
  peekTime(): number {
    if (this.n === 0) return Number.POSITIVE_INFINITY;
    const k0 = this.key[0] as number;
    return Math.floor(k0 / 16);
  }

  /** Sequence number of the earliest event, or +∞ when empty. */
  peekSeq(): number {
    return this.n === 0 ? Number.POSITIVE_INFINITY : (this.seq[0] as number);
  }

  /** Packed (time, phase) key of the earliest event, or +∞ when empty. */
  peekKey(): number {
    return this.n === 0 ? Number.POSITIVE_INFINITY : (this.key[0] as number);
  }

  private move(from: number, to: number): void {
    this.key[to] = this.key[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.payload[to] = this.payload[from] as number;
  }

  private grow(): void {
    const cap = this.key.length * 2;
    const k = new Float64Array(cap);
    k.set(this.key);
    this.key = k;
    const sq = new Float64Array(cap);
    sq.set(this.seq);
    this.seq = sq;
    const kd = new Int32Array(cap);
    kd.set(this.kind);
    this.kind = kd;
    const pl = new Int32Array(cap);
    pl.set(this.payload);
    this.payload = pl;
  }
}

/** The packed key of (time, phase), comparable with `EventQueue.peekKey`. */
export function packKey(time: number, phase: number): number {
  return time * 16 + phase;
}
