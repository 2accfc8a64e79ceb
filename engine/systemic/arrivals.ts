/**
 * Accounts on their way back into the loan trigger index (trigger-index.ts): woken from rest,
 * left by a transaction that landed, or just liquidated. Most of them are still below the bound
 * and would be popped again by the next check round, so instead of a heap insertion and a pop
 * each, the round takes them straight into its list: the arrivals below the bound are sorted by
 * (key, account) and merged with the heap's own pops, which gives exactly the order the heap would
 * have given them (the heap's order depends only on the set of entries). Arrivals at or above the
 * bound go into the heap. Nothing may look at the index while arrivals are pending: the round
 * takes them first, and `flush` puts them all in the heap otherwise.
 *
 * An account's key changes only with its balances, and an account out of the index changes them
 * only when it is liquidated. So the key it had when the round took it (`known`) is still its key
 * when it comes back unliquidated (woken from rest, or its transaction found it no longer
 * liquidatable); only a liquidated account (`add(a, true)`) is keyed again. With `verify` (the
 * cascade's conservation checks, in tests) every known key is compared with a fresh one.
 */
import { InternalError } from "../errors.js";
import { PairSorter } from "./pair-sort.js";
import type { TriggerIndex } from "./trigger-index.js";

/** Where an arrival's key comes from (the account's health factor at the reference prices). */
export interface Keyed {
  key(a: number): number;
}

/** Sentinel of `known`: key it again. */
const STALE = Number.NaN;

export class Arrivals {
  private readonly list: Int32Array;
  private count = 0;
  /** Each account's key when last taken from the index or keyed (NaN: key it again). */
  private readonly known: Float64Array;
  /** Arrivals below the bound and their keys. */
  private readonly below: PairSorter;

  constructor(
    capacity: number,
    private readonly verify = false,
  ) {
    this.known = new Float64Array(capacity).fill(STALE);
    this.list = new Int32Array(capacity);
    this.below = new PairSorter(capacity);
  }

  clear(): void {
    this.count = 0;
    this.known.fill(STALE);
  }

  /** Account a comes back; `liquidated`: its balances changed since the round took it. */
  add(a: number, liquidated: boolean): void {
    if (liquidated) this.known[a] = STALE;
    this.list[this.count++] = a;
  }

  /** Puts every arrival in the heap at its key. */
  flush(index: TriggerIndex, keys: Keyed): void {
    for (let x = 0; x < this.count; x++) {
      const a = this.list[x] as number;
      index.set(a, this.keyOf(a, keys));
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
        out[end++] = this.take(index);
      else out[end++] = id[x++] as number;
    }
    while (index.minKey() < bound) out[end++] = this.take(index);
    while (x < m) out[end++] = id[x++] as number;
    return end;
  }

  /** Arrivals below the bound into (`id`, `k`), sorted when `ordered`; the others into the heap. Returns their number. */
  private split(index: TriggerIndex, keys: Keyed, bound: number, ordered: boolean): number {
    let m = 0;
    for (let x = 0; x < this.count; x++) {
      const a = this.list[x] as number;
      const key = this.keyOf(a, keys);
      if (key < bound) {
        this.below.id[m] = a;
        this.below.key[m++] = key;
      } else index.set(a, key);
    }
    this.count = 0;
    if (ordered) this.below.sort(m);
    return m;
  }

  /** Pops the heap's first account, remembering its key. */
  private take(index: TriggerIndex): number {
    const k = index.minKey();
    const a = index.pop();
    this.known[a] = k;
    return a;
  }

  private keyOf(a: number, keys: Keyed): number {
    const k = this.known[a] as number;
    if (Number.isNaN(k)) return (this.known[a] = keys.key(a));
    if (this.verify && !Object.is(k, keys.key(a)))
      throw new InternalError(`arrivals: account ${a} came back with key ${keys.key(a)}, not ${k}`);
    return k;
  }
}
