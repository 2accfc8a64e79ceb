/**
 * Checks a raw table and reports every problem (never fixes one silently):
 * - unreadable cells: `missing_value` (empty, `null`, `NaN`, `NA`…), `not_a_number`, `bad_timestamp`;
 *   a row whose every value is missing is one `null_row` issue (or dropped under `nullRows: "gap"`);
 * - order: `unsorted` (earlier than the row before), `duplicate_timestamp`;
 * - values: `non_positive_price` (open/high/low/close/index/mark and extra price columns must be > 0),
 *   `negative_volume`, `negative_vol` (implied vol), `ohlc_inconsistent` (high below open/close/low,
 *   or low above open/close); `no_rows` for a file without data.
 */
import { MAX_MAGNITUDE, MIN_MAGNITUDE } from "../engine/params.js";
import { hasUnreadRoles } from "./columns.js";
import { cellIssue, type IssueList } from "./issues.js";
import type { CellProblem, RawTable } from "./raw.js";
import { formatTime } from "./time-text.js";
import { type DataIssue, TIME_KEY } from "./types.js";

const NON_NEGATIVE: Readonly<Record<string, string>> = { volume: "negative_volume", iv: "negative_vol" };
const ANY_SIGN = new Set(["funding"]);
/**
 * Largest |funding rate| per interval accepted: 1 (100 % of notional per payment). Real caps are far
 * below (Binance ±0.75 %–3 % per 8 h, dYdX 600 %·(IMF − MMF) per 8 h, Hyperliquid 4 %/h); a larger
 * value is a unit mistake (percent or basis points for a fraction), not a rate.
 */
export const MAX_FUNDING_RATE = 1;

/**
 * Entry indices of all-null rows (time readable, every value missing), in file order. When the
 * file has price or volume columns that were not read (only the required ones were), no row can be
 * judged all-null: its missing cells are reported one by one, so a row with only its close blank
 * is a `missing_value`, never a dropped bar.
 */
export function findNullRows(raw: RawTable): number[] {
  const valueKeys = Object.keys(raw.columns).length;
  if (hasUnreadRoles(raw.header, raw.mapping)) return [];
  const perIndex = new Map<number, number>();
  for (const p of raw.problems) {
    if (p.kind === "missing" && p.key !== TIME_KEY) perIndex.set(p.index, (perIndex.get(p.index) ?? 0) + 1);
  }
  const out: number[] = [];
  for (const [index, missing] of perIndex) {
    if (missing === valueKeys && Number.isFinite(raw.timesMs[index])) out.push(index);
  }
  return out.sort((a, b) => a - b);
}

/** Reports cell problems; rows listed in `dropped` are skipped, other all-null rows are one issue each. */
export function reportCells(
  raw: RawTable,
  nullRows: readonly number[],
  dropped: boolean,
  issues: IssueList,
): void {
  const whole = new Set(nullRows);
  const columns = Object.keys(raw.columns).map((k) => raw.mapping[k] as string);
  const inRowOrder = [...raw.problems].sort((a, b) => a.index - b.index);
  for (const p of inRowOrder) {
    if (!whole.has(p.index)) issues.add(cellProblemIssue(raw, p));
    else if (!dropped && p.key === firstValueKey(raw)) {
      const at = formatTime(raw.timesMs[p.index] as number);
      const msg = `every value is ${JSON.stringify(p.text)} on ${at}; use nullRows: "gap" to treat such rows as missing bars`;
      issues.add(cellIssue("null_row", raw.file, raw.rows[p.index], columns.join(", "), msg));
    }
  }
}

function firstValueKey(raw: RawTable): string {
  return Object.keys(raw.columns)[0] as string;
}

function cellProblemIssue(raw: RawTable, p: CellProblem): DataIssue {
  const column = raw.mapping[p.key] as string;
  const t = raw.timesMs[p.index] as number;
  const at = p.key !== TIME_KEY && Number.isFinite(t) ? ` on ${formatTime(t)}` : "";
  const found = JSON.stringify(p.text);
  const message =
    p.kind === "missing"
      ? `missing value ${p.text === "" ? "(empty)" : found}${at}: a number is required`
      : p.kind === "not_a_number"
        ? `wrong type: expected a number, found ${found}${at}`
        : `${found} is not a timestamp: expected YYYY-MM-DD[ HH:MM[:SS[.fff]]][Z|±HH:MM] or epoch s/ms/µs/ns`;
  const code = p.kind === "missing" ? "missing_value" : p.kind;
  return cellIssue(code, raw.file, raw.rows[p.index], column, message);
}

/** Reports times that are not strictly increasing (NaN times are skipped: already reported). */
export function checkOrder(raw: RawTable, issues: IssueList): boolean {
  let ok = true;
  const t = raw.timesMs;
  const column = raw.mapping[TIME_KEY] as string;
  let prev = Number.NaN;
  for (let i = 0; i < raw.length; i++) {
    const ti = t[i] as number;
    if (Number.isNaN(ti)) continue;
    if (ti <= prev) {
      const dup = ti === prev;
      const msg = dup
        ? `duplicate timestamp ${formatTime(ti)}: the row before has the same time`
        : `unsorted: ${formatTime(ti)} is earlier than ${formatTime(prev)} on the row before; rows must be in increasing time order`;
      issues.add(cellIssue(dup ? "duplicate_timestamp" : "unsorted", raw.file, raw.rows[i], column, msg));
      ok = false;
    }
    prev = ti;
  }
  return ok;
}

/**
 * Reports prices ≤ 0 (or below 1e-12, where arithmetic on them underflows), negative volume or vol,
 * and any value of magnitude above 1e15 (engine/params MAX_MAGNITUDE: beyond it a PnL loses its
 * precision and products overflow). NaN cells are skipped: already reported.
 */
export function checkValues(raw: RawTable, issues: IssueList): void {
  for (const [key, values] of Object.entries(raw.columns)) {
    if (ANY_SIGN.has(key)) {
      checkFunding(raw, key, values, issues);
      continue;
    }
    const code = NON_NEGATIVE[key];
    const floor = code === undefined ? MIN_MAGNITUDE : 0;
    for (let i = 0; i < raw.length; i++) {
      const v = values[i] as number;
      if (v < floor || v > MAX_MAGNITUDE) issues.add(valueIssue(raw, key, i, v, code));
    }
  }
  checkOhlc(raw, issues);
}

function checkFunding(raw: RawTable, key: string, values: Float64Array, issues: IssueList): void {
  for (let i = 0; i < raw.length; i++) {
    const v = values[i] as number;
    if (!(Math.abs(v) > MAX_FUNDING_RATE)) continue;
    const at = formatTime(raw.timesMs[i] as number);
    const msg = `funding rate ${v} on ${at} is outside ±${MAX_FUNDING_RATE} per interval; give rates as fractions (0.0001 = 0.01 %)`;
    issues.add(cellIssue("funding_out_of_range", raw.file, raw.rows[i], raw.mapping[key] as string, msg));
  }
}

function valueIssue(raw: RawTable, key: string, i: number, v: number, code: string | undefined): DataIssue {
  const at = formatTime(raw.timesMs[i] as number);
  const column = raw.mapping[key] as string;
  if (Math.abs(v) > MAX_MAGNITUDE) {
    const msg = `${key} must be of magnitude ≤ ${MAX_MAGNITUDE.toExponential()}, found ${v} on ${at}`;
    return cellIssue("out_of_range_value", raw.file, raw.rows[i], column, msg);
  }
  const msg =
    code === undefined
      ? `price must be > 0${v > 0 ? ` and ≥ ${MIN_MAGNITUDE}` : ""}, found ${v} on ${at}`
      : `${key} must be ≥ 0, found ${v} on ${at}`;
  return cellIssue(code ?? "non_positive_price", raw.file, raw.rows[i], column, msg);
}

/** high ≥ max(open, close, low) and low ≤ min(open, close); catches swapped or shifted columns. */
function checkOhlc(raw: RawTable, issues: IssueList): void {
  const { open, high, low, close } = raw.columns;
  if (!open || !high || !low || !close) return;
  for (let i = 0; i < raw.length; i++) {
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    if (!(h < o || h < c || h < l || l > o || l > c)) continue;
    const msg = `high ${h} / low ${l} do not contain open ${o} and close ${c} on ${formatTime(raw.timesMs[i] as number)}`;
    issues.add(cellIssue("ohlc_inconsistent", raw.file, raw.rows[i], raw.mapping["high"] as string, msg));
  }
}

/**
 * Runs every check on `raw`; `dropNullRows` selects the `nullRows: "gap"` policy.
 * @returns the all-null rows, and whether every time is readable and strictly increasing.
 */
export function validateTable(
  raw: RawTable,
  dropNullRows: boolean,
  issues: IssueList,
): { nullRows: number[]; timesOk: boolean } {
  if (raw.length === 0)
    issues.add(cellIssue("no_rows", raw.file, undefined, undefined, "the file has no data rows"));
  const nullRows = findNullRows(raw);
  reportCells(raw, nullRows, dropNullRows, issues);
  const ordered = checkOrder(raw, issues);
  checkValues(raw, issues);
  return { nullRows, timesOk: ordered && raw.length > 0 && !raw.problems.some((p) => p.key === TIME_KEY) };
}
