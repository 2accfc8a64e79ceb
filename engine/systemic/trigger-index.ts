/**
 * The price-indexed trigger structure (DESIGN "Speed": index accounts by the price at which they
 * become liquidatable; touch only those that cross). Each account's key is its health factor at
 * the reference prices P⁰ (the path's first oracle prices): `h = Σ cᵢ·P⁰ᵢ·LTᵢ / Σ dⱼ·P⁰ⱼ`.
 *
 * Bound: with rᵢ = Pᵢ/P⁰ᵢ, every account's HF at prices P is at least `h · min_coll r / max_debt r`
 * (collateral values fall at most by the smallest ratio, debt values grow at most by the largest).
 * So with `G = max_debt r / min_coll r`, an account with `h ≥ G` cannot be liquidatable; only the
 * accounts with `h < G` are checked exactly. With one risky collateral against stable debt the
 * bound is exact (`HF = h·r`), so exactly the accounts that crossed are touched.
 *
 * A 4-ary min-heap over typed arrays (no object per account), ordered by (key, account) so the
 * order of pops depends only on the set of entries, never on the order they came in. Keys sit in
 * the heap's order beside the accounts (`hk[i]` is the key at place i), so a sift reads adjacent
 * memory; `pos[a]` is account a's place (−1 when out), so a key can change in O(log n).
 */
export class TriggerIndex {
  private readonly hk: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.hk = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i] as number] = -1;
    this.size = 0;
  }

  has(a: number): boolean {
    return (this.pos[a] as number) >= 0;
  }

  /** Smallest key in the index (Infinity when empty). */
  minKey(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : (this.hk[0] as number);
  }

  /** The account with the smallest key (−1 when empty). */
  peek(): number {
    return this.size === 0 ? -1 : (this.heap[0] as number);
  }

  /** Sets account a's key, inserting it when absent; an infinite key (no debt) removes it. */
  set(a: number, k: number): void {
    const p = this.pos[a] as number;
    if (k === Number.POSITIVE_INFINITY) {
      if (p >= 0) this.removeAt(p);
      return;
    }
    this.sift(p < 0 ? this.size++ : p, a, k);
  }

  /** Removes and returns the account with the smallest key (−1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const a = this.heap[0] as number;
    this.removeAt(0);
    return a;
  }

  private removeAt(i: number): void {
    this.pos[this.heap[i] as number] = -1;
    const last = --this.size;
    if (i === last) return;
    this.sift(i, this.heap[last] as number, this.hk[last] as number);
  }

  /** Places account a with key k at the hole i, moving it up or down to its place. */
  private sift(i: number, a: number, k: number): void {
    if (this.up(i, a, k) === i) this.down(i, a, k);
  }

  /** Moves a up from the hole i while it is less than its parent; returns its place. */
  private up(i: number, a: number, k: number): number {
    const hk = this.hk;
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const kp = hk[parent] as number;
      const b = heap[parent] as number;
      if (kp < k || (kp === k && b < a)) break;
      this.put(i, b, kp);
      i = parent;
    }
    this.put(i, a, k);
    return i;
  }

  private down(i: number, a: number, k: number): void {
    const hk = this.hk;
    const heap = this.heap;
    const n = this.size;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let c = first;
      let kc = hk[first] as number;
      const end = Math.min(first + 4, n);
      for (let j = first + 1; j < end; j++) {
        const kj = hk[j] as number;
        if (kj < kc || (kj === kc && (heap[j] as number) < (heap[c] as number))) {
          c = j;
          kc = kj;
        }
      }
      const b = heap[c] as number;
      if (k < kc || (k === kc && a < b)) break;
      this.put(i, b, kc);
      i = c;
    }
    this.put(i, a, k);
  }

  private put(i: number, a: number, k: number): void {
    this.heap[i] = a;
    this.hk[i] = k;
    this.pos[a] = i;
  }
}
