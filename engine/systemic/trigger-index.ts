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
 * A binary min-heap over typed arrays (no object per account); `pos[a]` is account a's place in
 * the heap (−1 when out), so a key can change after a liquidation in O(log n).
 */
export class TriggerIndex {
  readonly key: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(capacity);
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
    return this.size === 0 ? Number.POSITIVE_INFINITY : (this.key[this.heap[0] as number] as number);
  }

  /** Sets account a's key, inserting it when absent; an infinite key (no debt) removes it. */
  set(a: number, k: number): void {
    this.key[a] = k;
    const p = this.pos[a] as number;
    if (k === Number.POSITIVE_INFINITY) {
      if (p >= 0) this.removeAt(p);
      return;
    }
    if (p < 0) {
      this.place(a, this.size++);
      this.up(this.size - 1);
      return;
    }
    this.up(p);
    this.down(this.pos[a] as number);
  }

  /** Removes and returns the account with the smallest key (−1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const a = this.heap[0] as number;
    this.removeAt(0);
    return a;
  }

  private removeAt(i: number): void {
    const a = this.heap[i] as number;
    this.pos[a] = -1;
    this.size--;
    if (i === this.size) return;
    this.place(this.heap[this.size] as number, i);
    this.up(i);
    this.down(this.pos[this.heap[i] as number] as number);
  }

  private place(a: number, i: number): void {
    this.heap[i] = a;
    this.pos[a] = i;
  }

  private up(i: number): void {
    const a = this.heap[i] as number;
    const k = this.key[a] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const b = this.heap[parent] as number;
      if ((this.key[b] as number) < k || ((this.key[b] as number) === k && b < a)) break;
      this.place(b, i);
      i = parent;
    }
    this.place(a, i);
  }

  private down(i: number): void {
    const a = this.heap[i] as number;
    const k = this.key[a] as number;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      const r = c + 1;
      if (r < this.size && this.less(this.heap[r] as number, this.heap[c] as number)) c = r;
      const b = this.heap[c] as number;
      if (!this.lessKey(b, this.key[b] as number, a, k)) break;
      this.place(b, i);
      i = c;
    }
    this.place(a, i);
  }

  private less(x: number, y: number): boolean {
    return this.lessKey(x, this.key[x] as number, y, this.key[y] as number);
  }

  /** Ties broken by account index, so the order of liquidation is deterministic. */
  private lessKey(x: number, kx: number, y: number, ky: number): boolean {
    return kx < ky || (kx === ky && x < y);
  }
}
