/**
 * Sorting a batch of landing transactions (job-queue.ts) by (due time, account) without a
 * comparator callback. Transactions queued at one grid point by one liquidator share a due time,
 * so a batch has few distinct due times: those are sorted and ranked, then
 * - a large batch (an eighth of the accounts or more) is put in account order by a scan of marks
 *   over all accounts and then stably counted into its due ranks: O(n + m·log u);
 * - a smaller one becomes the integers `rank·n + account` (exact below n² ≤ 2⁵³), sorted by the
 *   engine's native numeric sort.
 */
import { InternalError } from "../errors.js";

export class DueSorter {
  private readonly distinct: Float64Array;
  private readonly code: Float64Array;
  private readonly mark: Uint8Array;
  private readonly byAccount: Int32Array;
  private readonly start: Int32Array;

  /** @param n number of accounts (ids are in [0, n)). */
  constructor(private readonly n: number) {
    if (n > 2 ** 26) throw new InternalError(`due sort: ${n} accounts, more than 2^26`);
    this.distinct = new Float64Array(n);
    this.code = new Float64Array(n);
    this.mark = new Uint8Array(n);
    this.byAccount = new Int32Array(n);
    this.start = new Int32Array(n + 1);
  }

  /** Sorts `ids[0, m)` by (`due[id]`, id). */
  sort(ids: Int32Array, m: number, due: Float64Array): void {
    if (m < 2) return;
    const u = this.distinctDues(ids, m, due);
    if (m * 8 >= this.n) this.countingSort(ids, m, due, u);
    else this.codeSort(ids, m, due, u);
  }

  /** The batch's distinct due times, sorted, into `distinct`; returns their number. */
  private distinctDues(ids: Int32Array, m: number, due: Float64Array): number {
    let c = 0;
    let last = Number.NaN;
    for (let x = 0; x < m; x++) {
      const v = due[ids[x] as number] as number;
      if (v !== last) this.distinct[c++] = v;
      last = v;
    }
    const d = this.distinct.subarray(0, c).sort();
    let u = 1;
    for (let x = 1; x < c; x++) if ((d[x] as number) !== (d[u - 1] as number)) d[u++] = d[x] as number;
    return u;
  }

  private codeSort(ids: Int32Array, m: number, due: Float64Array, u: number): void {
    const n = this.n;
    const code = this.code.subarray(0, m);
    for (let x = 0; x < m; x++) {
      const a = ids[x] as number;
      code[x] = rankOf(this.distinct, u, due[a] as number) * n + a;
    }
    code.sort();
    for (let x = 0; x < m; x++) {
      const c = code[x] as number;
      ids[x] = c - Math.floor(c / n) * n;
    }
  }

  private countingSort(ids: Int32Array, m: number, due: Float64Array, u: number): void {
    const mark = this.mark;
    const by = this.byAccount;
    for (let x = 0; x < m; x++) mark[ids[x] as number] = 1;
    let k = 0;
    for (let a = 0; a < this.n; a++) {
      if (mark[a] === 0) continue;
      mark[a] = 0;
      by[k++] = a;
    }
    const start = this.start;
    start.fill(0, 0, u + 1);
    for (let x = 0; x < m; x++) {
      const r = rankOf(this.distinct, u, due[by[x] as number] as number);
      this.code[x] = r;
      start[r + 1] = (start[r + 1] as number) + 1;
    }
    for (let r = 0; r < u; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    for (let x = 0; x < m; x++) {
      const r = this.code[x] as number;
      ids[start[r] as number] = by[x] as number;
      start[r] = (start[r] as number) + 1;
    }
  }
}

/** Index of `v` among the first u (sorted, distinct) values of `sorted`. */
function rankOf(sorted: Float64Array, u: number, v: number): number {
  let lo = 0;
  let hi = u - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
