/**
 * The gap policy: put a series on a regular grid by forward-fill, within a limit.
 *
 * A grid point with a real bar takes that bar. A grid point without one takes the last real bar before
 * it (forward-fill; never a later bar, which would leak the future into a backtest) — allowed only when
 * the two real bars around the hole are at most `maxGapMs` apart (`maxGap = step` therefore allows no
 * hole at all). After a series' last bar (union join) the limit applies as if a bar followed the grid
 * end. A longer hole is a `gap_too_long` issue naming both bars and the missing count; a grid point
 * before the series' first bar is `no_prior_value`; a bar off the grid's clock is `off_grid`.
 */

import type { TimeGrid } from "../engine/market.js";
import { formatDuration } from "../engine/units.js";
import { cellIssue, type IssueList } from "./issues.js";
import { formatTime } from "./time-text.js";
import type { Gap, Series } from "./types.js";

export interface GridFill {
  readonly series: Series;
  /** Every hole inside the grid (filled or reported). */
  readonly gaps: readonly Gap[];
  /** Grid points filled forward. */
  readonly filled: number;
}

/** Index of the first time > `t` (binary search on sorted times). */
export function upperBound(timesMs: Float64Array, t: number): number {
  let lo = 0;
  let hi = timesMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timesMs[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Grid times `startMs + i·stepMs`, i = 0 … steps. */
export function gridTimes(grid: TimeGrid): Float64Array {
  const out = new Float64Array(grid.steps + 1);
  for (let i = 0; i <= grid.steps; i++) out[i] = grid.startMs + i * grid.stepMs;
  return out;
}

/**
 * True when every time difference is a multiple of the series' step (it can be put on a grid);
 * otherwise reports the first irregular difference as `irregular_step` and returns false.
 */
export function checkClock(series: Series, label: string, issues: IssueList): boolean {
  const t = series.timesMs;
  for (let i = 1; i < t.length; i++) {
    const d = (t[i] as number) - (t[i - 1] as number);
    if (d % series.stepMs === 0) continue;
    const span = `${formatDuration(d)} from ${formatTime(t[i - 1] as number)} to ${formatTime(t[i] as number)}`;
    const msg = `${label === "" ? "" : `${label}: `}irregular spacing: ${span} is not a multiple of the ${formatDuration(series.stepMs)} step; a grid needs a regular clock (resample to a coarser step, or load without a gap policy)`;
    issues.add(cellIssue("irregular_step", series.file, series.sourceRows?.[i], undefined, msg));
    return false;
  }
  return true;
}

/** Puts `series` on `grid` under the gap policy; problems go to `issues`, prefixed `label: ` (e.g. the asset) unless empty. */
export function fillOnGrid(
  series: Series,
  grid: TimeGrid,
  maxGapMs: number,
  label: string,
  issues: IssueList,
): GridFill {
  const filler = new GridFiller(series, grid, maxGapMs, label, issues);
  return filler.run();
}

/** `out[i] = src[idx[i]]` (NaN where idx is −1). */
function gather(src: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i] as number;
    out[i] = k >= 0 ? (src[k] as number) : Number.NaN;
  }
  return out;
}

class GridFiller {
  /** Source entry feeding each grid point (−1: none). */
  private readonly idx: Int32Array;
  private readonly rows: Int32Array;
  private readonly endMs: number;
  private readonly gaps: Gap[] = [];
  private filled = 0;
  private offGrid = 0;
  private readonly prefix: string;

  constructor(
    private readonly series: Series,
    private readonly grid: TimeGrid,
    private readonly maxGapMs: number,
    label: string,
    private readonly issues: IssueList,
  ) {
    this.idx = new Int32Array(grid.steps + 1).fill(-1);
    this.rows = new Int32Array(grid.steps + 1);
    this.endMs = grid.startMs + grid.steps * grid.stepMs;
    this.prefix = label === "" ? "" : `${label}: `;
  }

  run(): GridFill {
    const t = this.series.timesMs;
    let k = upperBound(t, this.grid.startMs) - 1;
    if (k >= 0 && this.onGridAlready(k)) return this.views(k);
    if (k < 0) {
      this.noPriorValue();
      k = 0;
    }
    for (; k < t.length && (t[k] as number) <= this.endMs; k++) this.place(k);
    if (this.offGrid > 0) this.reportOffGrid();
    const columns: Record<string, Float64Array> = {};
    for (const [key, src] of Object.entries(this.series.columns)) columns[key] = gather(src, this.idx);
    const out: Series = {
      file: this.series.file,
      timesMs: gridTimes(this.grid),
      columns,
      stepMs: this.grid.stepMs,
      sourceRows: this.rows,
    };
    return { series: out, gaps: this.gaps, filled: this.filled };
  }

  /** True when entries k … k + steps are exactly the grid times (the usual clean case). */
  private onGridAlready(k: number): boolean {
    const t = this.series.timesMs;
    const { startMs, stepMs, steps } = this.grid;
    if (k + steps >= t.length || t[k + steps] !== this.endMs) return false;
    for (let i = 0; i <= steps; i++) if (t[k + i] !== startMs + i * stepMs) return false;
    return true;
  }

  /** The grid's part of the series as views (nothing to fill, nothing copied). */
  private views(k: number): GridFill {
    const end = k + this.grid.steps + 1;
    const columns: Record<string, Float64Array> = {};
    for (const [key, v] of Object.entries(this.series.columns)) columns[key] = v.subarray(k, end);
    const rows = this.series.sourceRows?.subarray(k, end);
    const series: Series = {
      ...this.series,
      timesMs: this.series.timesMs.subarray(k, end),
      columns,
      stepMs: this.grid.stepMs,
      ...(rows ? { sourceRows: rows } : {}),
    };
    return { series, gaps: [], filled: 0 };
  }

  /** Writes bar `k` at its grid point and carries it forward to the point before the next bar. */
  private place(k: number): void {
    const t = this.series.timesMs;
    const { startMs, stepMs } = this.grid;
    const tk = t[k] as number;
    const onGrid = tk >= startMs;
    if (onGrid && (tk - startMs) % stepMs !== 0) {
      this.offGrid++;
      return;
    }
    const next = k + 1 < t.length ? (t[k + 1] as number) : Number.NaN;
    const first = onGrid ? (tk - startMs) / stepMs : 0;
    const stop = next <= this.endMs ? Math.ceil((next - startMs) / stepMs) : this.grid.steps + 1;
    const idx = this.idx;
    for (let i = first; i < stop; i++) idx[i] = k;
    if (onGrid) this.rows[first] = this.series.sourceRows?.[k] ?? 0;
    const holes = stop - first - (onGrid ? 1 : 0);
    if (holes > 0) this.hole(k, tk, next, holes);
  }

  private hole(k: number, fromMs: number, next: number, missing: number): void {
    const toMs = Number.isNaN(next) ? this.endMs + this.grid.stepMs : next;
    const row = this.series.sourceRows?.[k + 1];
    const gap: Gap =
      row !== undefined && row > 0
        ? { fromMs, toMs, missingBars: missing, row }
        : { fromMs, toMs, missingBars: missing };
    this.gaps.push(gap);
    this.filled += missing;
    if (toMs - fromMs <= this.maxGapMs) return;
    const tail = Number.isNaN(next) ? " (after the last bar, to the end of the grid)" : "";
    const msg =
      `${this.prefix}gap from ${formatTime(fromMs)} to ${formatTime(toMs)}${tail}: ${missing} missing bar${missing === 1 ? "" : "s"} ` +
      `(${formatDuration(toMs - fromMs)} between real bars), more than maxGap ${formatDuration(this.maxGapMs)}`;
    this.issues.add(cellIssue("gap_too_long", this.series.file, gap.row, undefined, msg));
  }

  private noPriorValue(): void {
    const first = this.series.timesMs[0];
    const msg = `${this.prefix}no bar at or before the grid start ${formatTime(this.grid.startMs)} (the first is ${formatTime(first ?? Number.NaN)}); nothing to carry forward`;
    this.issues.add(cellIssue("no_prior_value", this.series.file, undefined, undefined, msg));
  }

  private reportOffGrid(): void {
    const msg = `${this.prefix}${this.offGrid} bar${this.offGrid === 1 ? " is" : "s are"} off the ${formatDuration(this.grid.stepMs)} grid starting ${formatTime(this.grid.startMs)}; resample to a common step first`;
    this.issues.add(cellIssue("off_grid", this.series.file, undefined, undefined, msg));
  }
}
