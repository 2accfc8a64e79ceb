/**
 * `summary.json`: the manifest and the run's metrics, in a stable key order with every metric
 * rounded to `SIGNIFICANT_DIGITS`, so that identical results give byte-identical files.
 */
import { sum } from "simple-statistics";
import { InputError } from "../engine/errors.js";
import { attributionMetrics, costMetrics, liquidationMetrics, pnlMetrics, riskMetrics } from "./metrics.js";
import { checkQuantiles, roundSig } from "./stats.js";
import type { Column, ColumnTable, Manifest, RunResults } from "./types.js";

/** Totals of one numeric per-path column (fees, gas, liquidations, …). */
export interface ColumnStats {
  /** Paths with a finite value. */
  readonly n: number;
  readonly total: number | null;
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** The parsed shape of `summary.json`. */
export interface Summary {
  readonly manifest: Readonly<Record<string, unknown>>;
  readonly metrics: {
    /** reports/metrics.ts `pnlMetrics`: mean (SE), quantiles and VaR (order-statistic interval), ES (bootstrap). */
    readonly pnl: Readonly<Record<string, unknown>>;
    /** Per numeric column of `paths` other than `path` and `pnl`, in column order. */
    readonly columns: Readonly<Record<string, ColumnStats>>;
    /** Hedge error, Sharpe, Sortino, drawdown, turnover, margin utilisation, capital efficiency. */
    readonly risk: Readonly<Record<string, unknown>>;
    readonly costs: Readonly<Record<string, unknown>>;
    readonly attribution: Readonly<Record<string, unknown>>;
    readonly liquidations: Readonly<Record<string, unknown>>;
    /** Caller metric blocks, keys sorted. */
    readonly [block: string]: unknown;
  };
}

/** Manifest keys written first, in this order; other keys follow sorted. */
const MANIFEST_ORDER = ["version", "scenarioName", "scenarioHash", "seed", "paths", "dataRange"];

/** Path columns that are identifiers, not metrics. */
const NOT_METRICS = new Set(["path", "pnl"]);

const RESERVED = ["pnl", "columns", "risk", "costs", "attribution", "liquidations"];

/**
 * Builds the summary from the paths table and the manifest alone (so a run, `ballast report` and
 * a merge of shards give the same bytes): the manifest (fixed keys first, extras sorted, numbers
 * not rounded), the metric blocks of reports/metrics.ts (quantiles: `manifest.quantiles` when
 * present, else `quantiles`; bootstrap seed: `manifest.seed`), `ColumnStats` of every other
 * numeric path column, then the caller's metric blocks (keys sorted at every depth, numbers rounded).
 * @throws InputError when `paths.pnl` is missing or not numeric, or a caller block has a reserved name.
 */
export function buildSummary(results: RunResults, quantiles: readonly number[]): Summary {
  const m = results.manifest;
  const ps = checkQuantiles(Array.isArray(m["quantiles"]) ? (m["quantiles"] as number[]) : quantiles);
  const pnlValues = pnlColumn(results.paths);
  const seed = typeof m.seed === "number" ? m.seed : 0;
  const numeric: Record<string, Float64Array> = {};
  const columns: Record<string, ColumnStats> = {};
  for (const [name, values] of Object.entries(results.paths.columns)) {
    if (!isNumeric(values)) continue;
    numeric[name] = values instanceof Float64Array ? values : Float64Array.from(values);
    if (!NOT_METRICS.has(name)) columns[name] = columnStats(values);
  }
  const blocks = {
    pnl: pnlMetrics(pnlValues, ps, seed),
    columns,
    risk: riskMetrics(numeric, seed),
    costs: costMetrics(numeric),
    attribution: attributionMetrics(numeric),
    liquidations: liquidationMetrics(numeric),
  };
  const extra = (canonical(results.metrics ?? {}, true) ?? {}) as Record<string, unknown>;
  const clash = RESERVED.filter((k) => k in extra);
  if (clash.length > 0) {
    const message = `metric block name is reserved; allowed: any name but ${RESERVED.map((r) => `"${r}"`).join(", ")}`;
    throw new InputError(clash.map((k) => ({ code: "reserved", path: `metrics.${k}`, message })));
  }
  const metrics = { ...(canonical(blocks, true) as Record<string, unknown>), ...extra };
  return { manifest: canonicalManifest(m), metrics: metrics as Summary["metrics"] };
}

/** Serialises a summary: `JSON.stringify(summary, null, 2)` plus a trailing newline. */
export function renderSummaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * Over the column's finite values (NaN marks "no value on this path", e.g. no liquidation): their
 * count `n`, total (simple-statistics' compensated sum, in row order), mean = total / n, min and
 * max, each rounded; a figure undefined for n = 0 is null.
 */
export function columnStats(values: Float64Array | Int32Array | number[]): ColumnStats {
  const plain = Array.from(values).filter((v) => Number.isFinite(v));
  const n = plain.length;
  if (n === 0) return { n: 0, total: 0, mean: null, min: null, max: null };
  const total = sum(plain);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of plain) {
    lo = Math.min(v, lo);
    hi = Math.max(v, hi);
  }
  return { n, total: roundSig(total), mean: roundSig(total / n), min: roundSig(lo), max: roundSig(hi) };
}

function isNumeric(values: Column): values is Float64Array | Int32Array | number[] {
  return !Array.isArray(values) || values.length === 0 || typeof values[0] === "number";
}

function pnlColumn(paths: ColumnTable): Float64Array {
  const values = paths.columns["pnl"];
  if (values === undefined || !isNumeric(values)) {
    const found = values === undefined ? "no pnl column" : "a pnl column of strings";
    const message = `found ${found}; allowed: a numeric column named pnl, one value per path`;
    throw new InputError([{ code: "missing", path: "paths.pnl", message }]);
  }
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

function canonicalManifest(manifest: Manifest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rest = Object.keys(manifest)
    .filter((k) => !MANIFEST_ORDER.includes(k))
    .sort();
  for (const k of [...MANIFEST_ORDER, ...rest]) {
    const v = canonical(manifest[k], false);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * A JSON-ready copy of `value`: object keys sorted (code-unit order) at every depth, typed arrays
 * as arrays, bigint as number, non-finite numbers as null, `undefined` members dropped; numbers
 * rounded with `roundSig` when `round` is set.
 */
export function canonical(value: unknown, round: boolean): unknown {
  if (typeof value === "number") return round ? roundSig(value) : Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return canonical(Number(value), round);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>, (v) => canonical(v, round) ?? null);
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = canonical((value as Record<string, unknown>)[k], round);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
