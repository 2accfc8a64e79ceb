/**
 * Pending liquidation transactions of a cascade (dispatch.ts), one per account at most. A
 * transaction lands at the first grid point at or after its due time, so each is filed under that
 * grid point when it is queued (O(1), a list per grid point in typed arrays) instead of a heap of
 * due times; at a grid point the transactions filed up to it come out in (due time, account) order,
 * the order a heap would give. Transactions due after the last grid point never land; they still
 * count as pending.
 */
import { InternalError } from "../errors.js";
import { DueSorter } from "./due-sort.js";

export class JobQueue {
  private readonly due: Float64Array;
  private readonly queued: Uint8Array;
  private readonly next: Int32Array;
  private head = new Int32Array(0);
  private startMs = 0;
  private stepMs = 1;
  private steps = -1;
  /** First grid point whose transactions have not been gathered. */
  private cursor = 0;
  private count = 0;
  /** Transactions gathered for landing, sorted; `at` is the next one out. */
  private readonly batch: Int32Array;
  private readonly sorter: DueSorter;
  private batchN = 0;
  private at = 0;

  constructor(capacity: number) {
    this.due = new Float64Array(capacity);
    this.queued = new Uint8Array(capacity);
    this.next = new Int32Array(capacity);
    this.batch = new Int32Array(capacity);
    this.sorter = new DueSorter(capacity);
  }

  /** Empties the queue for a path on the grid `startMs + i·stepMs`, i = 0…steps. */
  reset(startMs: number, stepMs: number, steps: number): void {
    if (this.head.length !== steps + 2) this.head = new Int32Array(steps + 2);
    this.head.fill(-1);
    this.queued.fill(0);
    this.startMs = startMs;
    this.stepMs = stepMs;
    this.steps = steps;
    this.cursor = 0;
    this.count = 0;
    this.batchN = 0;
    this.at = 0;
  }

  /** Number of pending transactions. */
  get length(): number {
    return this.count;
  }

  has(a: number): boolean {
    return this.queued[a] === 1;
  }

  /**
   * Queues account a's transaction, due at `dueMs`.
   * @throws InternalError when a is already queued or `dueMs` is at or before a grid point already landed.
   */
  add(a: number, dueMs: number): void {
    const b = this.bucketOf(dueMs);
    if (this.has(a) || b < this.cursor)
      throw new InternalError(
        `job queue: account ${a} queued twice or due (${dueMs}) before the landed grid`,
      );
    this.due[a] = dueMs;
    this.queued[a] = 1;
    this.next[a] = this.head[b] as number;
    this.head[b] = a;
    this.count++;
  }

  /** Removes and returns the next transaction due at or before grid time `t` (−1 when none). */
  popDue(t: number): number {
    if (this.at === this.batchN) this.gather(t);
    if (this.at === this.batchN) return -1;
    const a = this.batch[this.at++] as number;
    this.queued[a] = 0;
    this.count--;
    return a;
  }

  /** Collects the transactions filed at grid points up to `t`, sorted by (due time, account). */
  private gather(t: number): void {
    let m = 0;
    while (this.cursor <= this.steps && this.gridMs(this.cursor) <= t) {
      for (let a = this.head[this.cursor] as number; a >= 0; a = this.next[a] as number) this.batch[m++] = a;
      this.head[this.cursor++] = -1;
    }
    this.sorter.sort(this.batch, m, this.due);
    this.batchN = m;
    this.at = 0;
  }

  /** Grid time of point i, computed as the cascade computes it. */
  private gridMs(i: number): number {
    return this.startMs + i * this.stepMs;
  }

  /** The first grid point at or after `dueMs` (steps + 1: after the grid, never landing). */
  private bucketOf(dueMs: number): number {
    if (!(dueMs <= this.gridMs(this.steps))) return this.steps + 1;
    let b = Math.max(0, Math.ceil((dueMs - this.startMs) / this.stepMs));
    while (b > 0 && this.gridMs(b - 1) >= dueMs) b--;
    while (this.gridMs(b) < dueMs) b++;
    return b;
  }
}
