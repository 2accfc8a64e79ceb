/**
 * Skipped accounts at rest (dispatch.ts): an account skipped at time t with backoff level k wakes
 * at `t + recheckMs·2^k`. Within one level, wake times never decrease in the order accounts are
 * put to rest (t never goes back within a path), so each level is a first-in-first-out ring over a
 * typed array, and waking costs O(1) per account instead of a heap's O(log n) per insertion and
 * removal (DESIGN "Speed"). The order in which due accounts come out across levels is not
 * (time, account): callers must not depend on it (the trigger index orders its own pops).
 */
import { InternalError } from "../errors.js";

export class RestQueue {
  private readonly until: Float64Array;
  private readonly level: Int8Array;
  private readonly ring: Int32Array[];
  private readonly head: Int32Array;
  private readonly size: Int32Array;

  /**
   * @param capacity number of accounts (each is at rest at most once at a time).
   * @param levels number of backoff levels.
   */
  constructor(
    private readonly capacity: number,
    levels: number,
  ) {
    this.until = new Float64Array(capacity);
    this.level = new Int8Array(capacity).fill(-1);
    this.ring = Array.from({ length: levels }, () => new Int32Array(capacity));
    this.head = new Int32Array(levels);
    this.size = new Int32Array(levels);
  }

  clear(): void {
    for (let k = 0; k < this.ring.length; k++) {
      while ((this.size[k] as number) > 0) this.level[this.shift(k)] = -1;
      this.head[k] = 0;
    }
  }

  has(a: number): boolean {
    return (this.level[a] as number) >= 0;
  }

  /**
   * Puts account a to rest on level k until `wakeMs`.
   * @throws InternalError when a is already at rest or `wakeMs` is before the level's last wake time.
   */
  add(a: number, k: number, wakeMs: number): void {
    const ring = this.ring[k] as Int32Array;
    const n = this.size[k] as number;
    const last = n > 0 ? (ring[((this.head[k] as number) + n - 1) % this.capacity] as number) : -1;
    if (this.has(a) || (last >= 0 && wakeMs < (this.until[last] as number)))
      throw new InternalError(`rest queue: account ${a} put to rest out of order on level ${k}`);
    ring[((this.head[k] as number) + n) % this.capacity] = a;
    this.size[k] = n + 1;
    this.until[a] = wakeMs;
    this.level[a] = k;
  }

  /** Removes and returns an account whose wake time is at or before `t` (−1 when none is due). */
  popDue(t: number): number {
    for (let k = 0; k < this.ring.length; k++) {
      if ((this.size[k] as number) === 0) continue;
      const a = (this.ring[k] as Int32Array)[this.head[k] as number] as number;
      if ((this.until[a] as number) > t) continue;
      this.shift(k);
      this.level[a] = -1;
      return a;
    }
    return -1;
  }

  private shift(k: number): number {
    const h = this.head[k] as number;
    const a = (this.ring[k] as Int32Array)[h] as number;
    this.head[k] = h + 1 === this.capacity ? 0 : h + 1;
    this.size[k] = (this.size[k] as number) - 1;
    return a;
  }
}
