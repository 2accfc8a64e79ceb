/**
 * Historical funding for a replay, from a separate file of the rates a venue published at its
 * funding times (Binance's funding-rate history: one row per 8 h, `fundingTime, fundingRate`).
 * Scenario: `market.assets.<name>.data.funding: { file, column, every }`. (A column of the price
 * file is the other form, `data.funding: <column>`, read by ./market-data.ts as the price is.)
 *
 * Validation, every problem named with file, row and column: the file's own checks (NaN or missing
 * cells, unsorted or duplicate times; `|rate| ≤ 1` per interval, ./validate.ts), then the schedule:
 * each row must sit on a multiple of `every` (00:00, 08:00, 16:00 UTC for 8 h) and no funding time
 * between the first and the last row may be missing; the first row must be at or before the
 * replay's first bar, so every funding time of the run has its rate.
 *
 * Alignment: the rate of the row stamped T is in force from T to the next row; each grid bar
 * carries the rate in force at its time, so a venue paying at T (its clock at multiples of its
 * interval, which compile checks equals `every`) reads exactly the rate published for T.
 */
import { isAbsolute, resolve } from "node:path";
import { InputError } from "../engine/errors.js";
import { gridEndMs, type PathMarket, type TimeGrid } from "../engine/market.js";
import { parseDuration } from "../engine/units.js";
import { columnKey } from "./columns.js";
import { cellIssue, IssueList } from "./issues.js";
import { loadSeries } from "./load.js";
import { formatTime } from "./time-text.js";

/** `data.funding` as a separate file. */
export interface FundingFileSpec {
  readonly file: string;
  /** Rate column; default `funding` (also matches `fundingRate`, `funding_rate`). */
  readonly column?: string;
  /** Funding interval of the rows; default 8 h. */
  readonly every?: string | number;
}

export const DEFAULT_FUNDING_EVERY_MS = 8 * 3_600_000;

/** The interval of a funding spec in ms (8 h by default). */
export function fundingEveryMs(spec: FundingFileSpec): number {
  const e = spec.every;
  return e === undefined
    ? DEFAULT_FUNDING_EVERY_MS
    : typeof e === "number"
      ? e
      : (parseDuration(e) ?? Number.NaN);
}

/**
 * Loads `spec` for asset `name` and places it on `grid` (the rate in force at each bar).
 * @throws InputError (exit 2) listing every problem of the file.
 */
export async function loadFundingFile(
  name: string,
  spec: FundingFileSpec,
  grid: TimeGrid,
  baseDir: string,
): Promise<Float64Array> {
  const file = isAbsolute(spec.file) ? spec.file : resolve(baseDir, spec.file);
  const key = columnKey(spec.column ?? "funding");
  const { series } = await loadSeries(file, { require: [key], read: "required" });
  const every = fundingEveryMs(spec);
  const t = series.timesMs;
  const rates = series.columns[key] as Float64Array;
  const issues = new IssueList();
  const column = spec.column ?? "funding";
  const rowOf = (i: number) => series.sourceRows?.[i];
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ti % every !== 0) {
      const msg = `${name}: funding time ${formatTime(ti)} is not a multiple of every = ${every / 3_600_000} h from 00:00 UTC`;
      issues.add(cellIssue("off_schedule", file, rowOf(i), column, msg));
    } else if (i > 0 && ti - (t[i - 1] as number) > every) {
      const missing = Math.ceil((ti - (t[i - 1] as number)) / every) - 1;
      const msg = `${name}: ${missing} funding time(s) missing between ${formatTime(t[i - 1] as number)} and ${formatTime(ti)}`;
      issues.add(cellIssue("missing_funding", file, rowOf(i), column, msg));
    }
  }
  if (t.length > 0 && (t[0] as number) > grid.startMs) {
    const msg = `${name}: funding starts at ${formatTime(t[0] as number)}, after the replay's first bar ${formatTime(grid.startMs)}; allowed: a row at or before it`;
    issues.add(cellIssue("funding_late", file, rowOf(0), column, msg));
  }
  const lastDue = Math.floor(gridEndMs(grid) / every) * every;
  if (t.length > 0 && (t[t.length - 1] as number) < lastDue) {
    const msg = `${name}: funding ends at ${formatTime(t[t.length - 1] as number)}, but the replay pays funding up to ${formatTime(lastDue)}; allowed: rows up to the replay's end`;
    issues.add(cellIssue("funding_short", file, rowOf(t.length - 1), column, msg));
  }
  issues.throwIfAny(file);
  return onGrid(t, rates, grid);
}

/** Forward-fills rows (times `t`, strictly increasing, t[0] ≤ grid start) onto the grid's bars. */
function onGrid(t: Float64Array, rates: Float64Array, grid: TimeGrid): Float64Array {
  const out = new Float64Array(grid.steps + 1);
  let k = 0;
  for (let i = 0; i <= grid.steps; i++) {
    const at = grid.startMs + i * grid.stepMs;
    while (k + 1 < t.length && (t[k + 1] as number) <= at) k++;
    out[i] = rates[k] as number;
  }
  return out;
}

/** True for `{ file: string, … }`, the separate-file form of `data.funding`. */
export function isFundingFile(v: unknown): v is FundingFileSpec {
  return typeof v === "object" && v !== null && typeof (v as { file?: unknown }).file === "string";
}

/**
 * `market` with the separate funding files of `specs` (in the market's asset order) placed on its
 * grid; every file's problems are collected before failing.
 */
export async function withFundingFiles(
  market: PathMarket,
  specs: readonly (readonly [string, { readonly funding?: unknown }])[],
  baseDir: string,
): Promise<PathMarket> {
  if (!specs.some(([, s]) => isFundingFile(s.funding))) return market;
  const settled = await Promise.allSettled(
    specs.map(([name, s]) =>
      isFundingFile(s.funding)
        ? loadFundingFile(name, s.funding, market.grid, baseDir)
        : Promise.resolve(undefined),
    ),
  );
  const issues = new IssueList();
  const funding = market.assets.map((_, j) => market.funding?.[j]);
  settled.forEach((s, j) => {
    if (s.status === "fulfilled") {
      if (s.value !== undefined) funding[j] = s.value;
    } else if (s.reason instanceof InputError) issues.addAll(s.reason.issues);
    else throw s.reason;
  });
  issues.throwIfAny("market data");
  return { ...market, funding };
}
