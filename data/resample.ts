/**
 * Resampling to a coarser step and slicing by time.
 *
 * Buckets are aligned on whole multiples of the step since the Unix epoch, which for 1m/1h/1d are the
 * UTC minute/hour/day boundaries (a 7d bucket starts on a Thursday, as 1970-01-01 was one). A bucket
 * is stamped with its start (bar-open convention, like the input files). Aggregation per column:
 * open = first, high = max, low = min, close = last, volume = sum, every other column = last.
 * A bucket with fewer source bars than `stepMs / source step` is counted as partial (not an error:
 * the gap policy then works on whole buckets).
 */
import { formatDuration } from "../engine/units.js";
import { upperBound } from "./fill.js";
import { fail } from "./issues.js";
import type { Series } from "./types.js";

export interface Resampled {
  readonly series: Series;
  readonly partialBuckets: number;
}

interface Buckets {
  /** Bucket index of each source entry. */
  readonly bucketOf: Int32Array;
  readonly timesMs: Float64Array;
  readonly sourceRows: Int32Array;
  readonly partial: number;
}

/** Assigns each (sorted) entry to its bucket; counts buckets with fewer than `perBucket` entries. */
function bucketize(series: Series, stepMs: number): Buckets {
  const t = series.timesMs;
  const bucketOf = new Int32Array(t.length);
  const starts: number[] = [];
  const rows: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const start = Math.floor((t[i] as number) / stepMs) * stepMs;
    if (starts.length === 0 || start !== starts[starts.length - 1]) {
      starts.push(start);
      rows.push(series.sourceRows?.[i] ?? 0);
      counts.push(0);
    }
    const b = starts.length - 1;
    bucketOf[i] = b;
    counts[b] = (counts[b] as number) + 1;
  }
  const perBucket = stepMs / series.stepMs;
  const partial = counts.filter((c) => c < perBucket).length;
  return { bucketOf, timesMs: Float64Array.from(starts), sourceRows: Int32Array.from(rows), partial };
}

/** How a bucket combines its next value; a column without an entry keeps the last value. */
const COMBINE: Readonly<Record<string, (acc: number, v: number) => number>> = {
  open: (acc) => acc,
  high: Math.max,
  low: Math.min,
  volume: (acc, v) => acc + v,
};

/** One column aggregated per bucket: open first, high max, low min, volume sum, others last. */
function aggregate(key: string, src: Float64Array, bucketOf: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  const combine = COMBINE[key];
  let prev = -1;
  for (let i = 0; i < src.length; i++) {
    const b = bucketOf[i] as number;
    const v = src[i] as number;
    if (b !== prev) out[b] = v;
    else out[b] = combine === undefined ? v : combine(out[b] as number, v);
    prev = b;
  }
  return out;
}

/**
 * Aggregates `series` into `stepMs` buckets. `sourceRows` of a bucket is that of its first bar.
 * @throws InputError `bad_resample` unless `stepMs` is a whole multiple (≥ 1) of the series' step.
 */
export function resample(series: Series, stepMs: number): Resampled {
  if (stepMs === series.stepMs) return { series, partialBuckets: 0 };
  if (!(stepMs > 0) || series.stepMs <= 0 || stepMs % series.stepMs !== 0) {
    const msg = `cannot resample a ${formatDuration(series.stepMs)} series to ${formatDuration(stepMs)}: the new step must be a whole multiple of the file's step`;
    fail("bad_resample", series.file, msg);
  }
  const { bucketOf, timesMs, sourceRows, partial } = bucketize(series, stepMs);
  const columns: Record<string, Float64Array> = {};
  for (const [key, src] of Object.entries(series.columns))
    columns[key] = aggregate(key, src, bucketOf, timesMs.length);
  return { series: { file: series.file, timesMs, columns, stepMs, sourceRows }, partialBuckets: partial };
}

/** Entries with `fromMs ≤ time ≤ toMs` (either bound optional; integer ms), as views of the same arrays. */
export function sliceRange(series: Series, fromMs?: number, toMs?: number): Series {
  const t = series.timesMs;
  const lo = fromMs === undefined ? 0 : upperBound(t, fromMs - 1);
  const hi = toMs === undefined ? t.length : upperBound(t, toMs);
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(series.columns)) columns[k] = v.subarray(lo, hi);
  const rows = series.sourceRows?.subarray(lo, hi);
  return { ...series, timesMs: t.subarray(lo, hi), columns, ...(rows ? { sourceRows: rows } : {}) };
}
