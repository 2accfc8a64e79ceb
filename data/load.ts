/**
 * `loadSeries`: one file → a validated, columnar `Series` plus a report of what was found and done.
 *
 * Steps, in order: read (CSV / Parquet / Arrow) → validate the whole file (every cell, the time order,
 * value ranges — whatever range is asked for, a defect anywhere is reported) → drop all-null rows only
 * under `nullRows: "gap"` → slice to [from, to] (both inclusive) → resample → gap policy (only when `maxGap` is given).
 * All problems are collected and thrown as one `InputError` (exit code 2).
 */
import { readCsv } from "./csv.js";
import { checkInputFile, MAX_DATA_FILE_BYTES, readInputFile } from "./file-guard.js";
import { checkClock, fillOnGrid, type GridFill } from "./fill.js";
import { cellIssue, fail, IssueList } from "./issues.js";
import { type CheckedOptions, checkOptions } from "./options.js";
import type { RawTable } from "./raw.js";
import { resample, sliceRange } from "./resample.js";
import { findGaps, modalStepMs } from "./step.js";
import { formatTime } from "./time-text.js";
import type { DataFormat, Gap, LoadedSeries, LoadOptions, LoadReport, Series } from "./types.js";
import { validateTable } from "./validate.js";

/** What a data file may be, for the file guard's messages. */
const DATA_FILE = `a regular CSV, Parquet or Arrow file of at most ${MAX_DATA_FILE_BYTES} bytes`;

async function readRaw(
  file: string,
  format: DataFormat,
  options: LoadOptions,
  issues: IssueList,
): Promise<RawTable | undefined> {
  if (format === "parquet") {
    const size = await checkInputFile(file, MAX_DATA_FILE_BYTES, DATA_FILE);
    if (size === 0) fail("empty_file", file, "the file is empty");
    // DuckDB and Arrow load only when a file needs them: commands start fast (issue 14).
    return (await import("./parquet.js")).readParquet(file, options, issues);
  }
  const bytes = await readInputFile(file, MAX_DATA_FILE_BYTES, DATA_FILE);
  if (format === "csv") return readCsv(file, bytes, options, issues);
  return (await import("./arrow.js")).readArrow(file, bytes, options, issues);
}

/** The table's entries as a Series, without the entries in `drop` (sorted indices). */
function toSeries(raw: RawTable, drop: readonly number[]): Series {
  if (drop.length === 0) {
    const stepMs = modalStepMs(raw.timesMs);
    return { file: raw.file, timesMs: raw.timesMs, columns: raw.columns, stepMs, sourceRows: raw.rows };
  }
  const keep = new Uint8Array(raw.length).fill(1);
  for (const i of drop) keep[i] = 0;
  const n = raw.length - drop.length;
  const pick = <A extends Float64Array | Int32Array>(src: A, out: A): A => {
    for (let i = 0, j = 0; i < raw.length; i++) if (keep[i]) out[j++] = src[i] as number;
    return out;
  };
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(raw.columns)) columns[k] = pick(v, new Float64Array(n));
  const timesMs = pick(raw.timesMs, new Float64Array(n));
  return {
    file: raw.file,
    timesMs,
    columns,
    stepMs: modalStepMs(timesMs),
    sourceRows: pick(raw.rows, new Int32Array(n)),
  };
}

interface Shaped {
  readonly series: Series;
  readonly rowsInRange: number;
  readonly sourceStepMs: number;
  readonly gaps: readonly Gap[];
  readonly filled: number;
  readonly partialBuckets: number;
  readonly regular: boolean;
}

function reportEmptyRange(full: Series, opts: CheckedOptions, issues: IssueList): void {
  const t = full.timesMs;
  const from = opts.fromMs === undefined ? "start" : formatTime(opts.fromMs);
  const to = opts.toMs === undefined ? "end" : formatTime(opts.toMs);
  const covers = `${formatTime(t[0] ?? Number.NaN)} to ${formatTime(t[t.length - 1] ?? Number.NaN)}`;
  issues.add(
    cellIssue(
      "empty_range",
      full.file,
      undefined,
      undefined,
      `no rows in [${from}, ${to}]; the file covers ${covers}`,
    ),
  );
}

/** The gap policy over the series' own span: forward-fill holes (see fill.ts) or report them. */
function gapPolicy(
  series: Series,
  maxGapMs: number,
  irregular: number,
  issues: IssueList,
): GridFill | undefined {
  if (irregular > 0 && !checkClock(series, "", issues)) return undefined;
  const t = series.timesMs;
  const first = t[0] as number;
  const grid = {
    startMs: first,
    stepMs: series.stepMs,
    steps: ((t[t.length - 1] as number) - first) / series.stepMs,
  };
  return fillOnGrid(series, grid, maxGapMs, "", issues);
}

/** Slice, resample and (with maxGap) fill; problems go to `issues`. */
function shape(full: Series, opts: CheckedOptions, issues: IssueList): Shaped {
  let series = sliceRange(full, opts.fromMs, opts.toMs);
  if (series.timesMs.length !== full.timesMs.length)
    series = { ...series, stepMs: modalStepMs(series.timesMs) };
  const base = { rowsInRange: series.timesMs.length, sourceStepMs: series.stepMs, partialBuckets: 0 };
  if (series.timesMs.length === 0) {
    reportEmptyRange(full, opts, issues);
    return { ...base, series, gaps: [], filled: 0, regular: false };
  }
  let partialBuckets = 0;
  if (opts.resampleMs !== undefined) ({ series, partialBuckets } = resample(series, opts.resampleMs));
  const { gaps, irregular } = findGaps(series.timesMs, series.stepMs, series.sourceRows);
  const regular = irregular === 0 && gaps.length === 0;
  const kept = { ...base, series, gaps, filled: 0, partialBuckets, regular };
  if (opts.maxGapMs === undefined || regular || series.timesMs.length < 2) return kept;
  const fill = gapPolicy(series, opts.maxGapMs, irregular, issues);
  return fill === undefined
    ? kept
    : { ...kept, series: fill.series, gaps: fill.gaps, filled: fill.filled, regular: true };
}

/**
 * Loads one price file. See `LoadOptions` for the options and `LoadReport` for what is reported.
 * @throws InputError (exit code 2) listing every problem found (capped at 50 plus "and N more").
 * @example const { series, report } = await loadSeries("eth-1h.csv", { maxGap: "6h" }); // report.filled = 30
 */
export async function loadSeries(file: string, options: LoadOptions = {}): Promise<LoadedSeries> {
  const issues = new IssueList();
  const opts = checkOptions(file, options, issues);
  issues.throwIfAny(file);
  const raw = await readRaw(file, opts.format, options, issues);
  issues.throwIfAny(file);
  if (raw === undefined) return fail("unreadable_file", file, "nothing could be read");
  const { nullRows, timesOk } = validateTable(raw, opts.dropNullRows, issues);
  if (!timesOk) issues.throwIfAny(file);
  const dropped = opts.dropNullRows ? nullRows : [];
  const shaped = shape(toSeries(raw, dropped), opts, issues);
  issues.throwIfAny(file);
  const report: LoadReport = {
    file,
    format: opts.format,
    rows: raw.length,
    fileColumns: raw.header,
    mapping: raw.mapping,
    droppedNullRows: dropped.map((i) => ({ row: raw.rows[i] as number, timeMs: raw.timesMs[i] as number })),
    rowsInRange: shaped.rowsInRange,
    ...(shaped.series.stepMs !== shaped.sourceStepMs ? { resampledFromMs: shaped.sourceStepMs } : {}),
    partialBuckets: shaped.partialBuckets,
    stepMs: shaped.series.stepMs,
    regular: shaped.regular,
    gaps: shaped.gaps,
    filled: shaped.filled,
  };
  return { series: shaped.series, report };
}
