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

export class EventQueue {
  private time: Float64Array;
  private phase: Uint8Array;
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
    this.time = new Float64Array(capacity);
    this.phase = new Uint8Array(capacity);
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

  push(time: number, phase: number, kind: number, payload = 0): void {
    if (this.n === this.time.length) this.grow();
    let i = this.n++;
    const seq = this.nextSeq++;
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(time, phase, seq, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, time, phase, seq, kind, payload);
  }

  /** Removes the earliest event into `pop*`; returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    this.popTime = this.time[0] as number;
    this.popPhase = this.phase[0] as number;
    this.popKind = this.kind[0] as number;
    this.popPayload = this.payload[0] as number;
    const last = --this.n;
    if (last > 0) {
      const t = this.time[last] as number;
      const ph = this.phase[last] as number;
      const sq = this.seq[last] as number;
      const k = this.kind[last] as number;
      const pl = this.payload[last] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.lessIdx(r, l) ? r : l;
        if (this.less(t, ph, sq, c)) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, t, ph, sq, k, pl);
    }
    return true;
  }

  /** Time of the earliest event, or +∞ when empty. */
  peekTime(): number {
    return this.n === 0 ? Number.POSITIVE_INFINITY : (this.time[0] as number);
  }

  private less(t: number, ph: number, sq: number, j: number): boolean {
    const tj = this.time[j] as number;
    if (t !== tj) return t < tj;
    const pj = this.phase[j] as number;
    if (ph !== pj) return ph < pj;
    return sq < (this.seq[j] as number);
  }

  private lessIdx(i: number, j: number): boolean {
    return this.less(this.time[i] as number, this.phase[i] as number, this.seq[i] as number, j);
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from] as number;
    this.phase[to] = this.phase[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.payload[to] = this.payload[from] as number;
  }

  private set(i: number, t: number, ph: number, sq: number, k: number, pl: number): void {
    this.time[i] = t;
    this.phase[i] = ph;
    this.seq[i] = sq;
    this.kind[i] = k;
    this.payload[i] = pl;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const ph = new Uint8Array(cap);
    ph.set(this.phase);
    this.phase = ph;
    const sq = new Float64Array(cap);
    sq.set(this.seq);
    this.seq = sq;
    const k = new Int32Array(cap);
    k.set(this.kind);
    this.kind = k;
    const pl = new Int32Array(cap);
    pl.set(this.payload);
    this.payload = pl;
  }
}
