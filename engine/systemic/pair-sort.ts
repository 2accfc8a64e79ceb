/**
 * Sorting (key, account) pairs held in typed arrays, in the order of the trigger index
 * (trigger-index.ts): by key, ties by account. A bottom-up merge sort without a comparator
 * callback or allocation; pairs that come already sorted cost one pass, and two runs already in
 * order are copied without comparisons.
 */
export class PairSorter {
  /** The pairs to sort, first `m` of them. */
  readonly id: Int32Array;
  readonly key: Float64Array;
  private readonly tmpId: Int32Array;
  private readonly tmpKey: Float64Array;

  constructor(capacity: number) {
    this.id = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.tmpId = new Int32Array(capacity);
    this.tmpKey = new Float64Array(capacity);
  }

  /** Sorts the first m pairs of `id` and `key` in place. */
  sort(m: number): void {
    let sorted = true;
    for (let x = 1; x < m && sorted; x++) sorted = inOrder(this.id, this.key, x - 1, x);
    if (sorted) return;
    let srcId = this.id;
    let srcKey = this.key;
    let dstId = this.tmpId;
    let dstKey = this.tmpKey;
    for (let w = 1; w < m; w *= 2) {
      for (let lo = 0; lo < m; lo += 2 * w)
        mergeRuns(srcId, srcKey, dstId, dstKey, lo, Math.min(lo + w, m), Math.min(lo + 2 * w, m));
      [srcId, dstId] = [dstId, srcId];
      [srcKey, dstKey] = [dstKey, srcKey];
    }
    if (srcId === this.id) return;
    for (let x = 0; x < m; x++) {
      this.id[x] = srcId[x] as number;
      this.key[x] = srcKey[x] as number;
    }
  }
}

/** Merges the sorted runs [lo, mid) and [mid, hi) of the source into the destination. */
function mergeRuns(
  sId: Int32Array,
  sKey: Float64Array,
  dId: Int32Array,
  dKey: Float64Array,
  lo: number,
  mid: number,
  hi: number,
): void {
  const copy = mid >= hi || inOrder(sId, sKey, mid - 1, mid);
  let i = lo;
  let j = mid;
  for (let o = lo; o < hi; o++) {
    const fromLeft = copy ? o < mid : j >= hi || (i < mid && inOrder(sId, sKey, i, j));
    const from = fromLeft ? i++ : j++;
    dId[o] = sId[from] as number;
    dKey[o] = sKey[from] as number;
  }
}

/** Pair x comes before pair y in (key, account) order. */
function inOrder(id: Int32Array, key: Float64Array, x: number, y: number): boolean {
  const kx = key[x] as number;
  const ky = key[y] as number;
  return kx < ky || (kx === ky && (id[x] as number) < (id[y] as number));
}
