/**
 * Accounts on their way back into the loan trigger index (trigger-index.ts): woken from rest,
 * left by a transaction that landed, or just liquidated. Most of them are still below the bound
 * and would be popped again by the next check round, so instead of a heap insertion and a pop
 * each, the round takes them straight into its list: the arrivals below the bound are sorted by
 * (key, account) and merged with the heap's own pops, which gives exactly the order the heap would
 * have given them (the heap's order depends only on the set of entries). Arrivals at or above the
 * bound go into the heap. Nothing may look at the index while arrivals are pending: the round
 * takes them first, and `flush` puts them all in the heap otherwise.
 */
import { PairSorter } from "./pair-sort.js";
import type { TriggerIndex } from "./trigger-index.js";

/** Where an arrival's key comes from (the account's health factor at the reference prices). */
export interface Keyed {
  key(a: number): number;
}

export class Arrivals {
  private readonly list: Int32Array;
  private count = 0;
  /** Arrivals below the bound and their keys. */
  private readonly below: PairSorter;

  constructor(capacity: number) {
    this.list = new Int32Array(capacity);
    this.below = new PairSorter(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  add(a: number): void {
    this.list[this.count++] = a;
  }

  /** Puts every arrival in the heap at its key. */
  flush(index: TriggerIndex, keys: Keyed): void {
    for (let x = 0; x < this.count; x++) {
      const a = this.list[x] as number;
      index.set(a, keys.key(a));
    }
    this.count = 0;
  }

  /**
   * Moves every account whose key is below `bound`, from the heap and the arrivals, into `out`
   * from `at` in (key, account) order, or in any order when not `ordered` (dispatch.ts
   * `actsInRound`); the other arrivals go into the heap. Returns the new end.
   */
  popBelow(
    index: TriggerIndex,
    keys: Keyed,
    bound: number,
    out: Int32Array,
    at: number,
    ordered: boolean,
  ): number {
    const m = this.split(index, keys, bound, ordered);
    const id = this.below.id;
    const k = this.below.key;
    let end = at;
    let x = 0;
    while (x < m && ordered) {
      const kx = k[x] as number;
      const top = index.minKey();
      if (top < bound && (top < kx || (top === kx && index.peek() < (id[x] as number))))
        out[end++] = index.pop();
      else out[end++] = id[x++] as number;
    }
    while (index.minKey() < bound) out[end++] = index.pop();
    while (x < m) out[end++] = id[x++] as number;
    return end;
  }

  /** Arrivals below the bound into (`id`, `k`), sorted when `ordered`; the others into the heap. Returns their number. */
  private split(index: TriggerIndex, keys: Keyed, bound: number, ordered: boolean): number {
    let m = 0;
    for (let x = 0; x < this.count; x++) {
      const a = this.list[x] as number;
      const key = keys.key(a);
      if (key < bound) {
        this.below.id[m] = a;
        this.below.key[m++] = key;
      } else index.set(a, key);
    }
    this.count = 0;
    if (ordered) this.below.sort(m);
    return m;
  }
}
