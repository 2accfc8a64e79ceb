/**
 * One strategy timer kept beside the event heap: a strategy re-arms its timer every few steps, and
 * holding the earliest one here saves a heap push and pop each time. It orders against the heap by
 * (packed key, sequence), exactly where the heap would put it; later timers go to the heap.
 */
import { type EventQueue, Phase, packKey } from "../queue.js";

export class HeldTimer {
  /** Packed (time, phase) key of the held timer; +∞ when none is held. */
  key = Number.POSITIVE_INFINITY;
  private seq = 0;
  /** The held timer's tag (valid while `key` is finite). */
  tag = 0;

  /** `kind`: the heap event kind a timer takes when it is moved into the heap. */
  constructor(
    private readonly q: EventQueue,
    private readonly kind: number,
  ) {}

  clear(): void {
    this.key = Number.POSITIVE_INFINITY;
  }

  /** A timer at time `at`: held if it is the earliest, the one held so far going to the heap. */
  set(at: number, tag: number): void {
    const key = packKey(at, Phase.strategy);
    const seq = this.q.takeSeq();
    if (key < this.key) {
      if (this.key !== Number.POSITIVE_INFINITY) this.q.pushKeyed(this.key, this.seq, this.kind, this.tag);
      this.key = key;
      this.seq = seq;
      this.tag = tag;
    } else this.q.pushKeyed(key, seq, this.kind, tag);
  }

  /** Whether the held timer comes before every event of the heap (whose earliest key is `heapKey`). */
  first(heapKey: number): boolean {
    const k = this.key;
    return k < heapKey || (k === heapKey && k !== Number.POSITIVE_INFINITY && this.seq < this.q.peekSeq());
  }

  /** Releases the held timer; returns its time (its tag stays in `tag`). */
  take(): number {
    const at = Math.floor(this.key / 16); // key = time·16 + phase (engine/queue.ts)
    this.key = Number.POSITIVE_INFINITY;
    return at;
  }
}
