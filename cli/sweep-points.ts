/**
 * `points.parquet`: one row per point — `point`, the point's parameters (one column per field
 * path, DOUBLE when every value is a number, otherwise VARCHAR), then every numeric figure of the
 * point's `summary.json` metrics as a column named by its path (`pnl.mean`,
 * `liquidations.probabilityOfLiquidation`, `columns.fees.mean`, …; NULL when undefined), and next
 * to each Monte-Carlo estimate its standard error (`<name>.se`), from the point's `paths.parquet`:
 * - a mean: sample standard deviation / √n;
 * - a probability p: √(p(1 − p) / n) (binomial);
 * - a quantile q (and VaR, its negative): distribution-free, from the order statistics bracketing
 *   n·q ± 1.96·√(n·q·(1 − q)) (the binomial 95 % interval of the rank): (x_hi − x_lo) / (2 · 1.96);
 * - an expected shortfall: standard deviation of the losses beyond the VaR / √(their count).
 * Counts, totals, minima and maxima are exact for the sample and carry no standard error.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ColumnTable } from "../reports/types.js";
import { readTables } from "./merge-tables.js";

const Z95 = 1.959963984540054;

export interface PointRow {
  readonly point: number;
  readonly folder: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The points table from the point folders under `dir`. */
export async function pointsTable(dir: string, rows: readonly PointRow[]): Promise<ColumnTable> {
  const figures: Record<string, number>[] = [];
  for (const r of rows) {
    const summary = JSON.parse(await readFile(join(dir, r.folder, "summary.json"), "utf8"));
    const paths = (await readTables([join(dir, r.folder)]))["paths"] as ColumnTable;
    figures.push(withErrors(summary.metrics, paths));
  }
  const columns: Record<string, Float64Array | Int32Array | string[]> = {
    point: Int32Array.from(rows, (r) => r.point),
  };
  const paramNames = [...new Set(rows.flatMap((r) => Object.keys(r.params)))];
  for (const name of paramNames) {
    const values = rows.map((r) => r.params[name]);
    columns[name] = values.every((v) => typeof v === "number")
      ? Float64Array.from(values as number[])
      : values.map((v) => (typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v)));
  }
  const metricNames = [...new Set(figures.flatMap((f) => Object.keys(f)))];
  for (const name of metricNames) columns[name] = Float64Array.from(figures, (f) => f[name] ?? Number.NaN);
  return { columns, length: rows.length };
}

/** Numeric leaves of the metrics, by dotted path, each estimate followed by its `.se`. */
function withErrors(metrics: Record<string, unknown>, paths: ColumnTable): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (v: unknown, name: string): void => {
    if (typeof v === "number" || v === null) {
      out[name] = v ?? Number.NaN;
      const se = standardError(name, v, paths);
      if (se !== undefined) out[`${name}.se`] = se;
    } else if (typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as object)) walk(x, name === "" ? k : `${name}.${k}`);
    }
  };
  walk(metrics, "");
  return out;
}

function finite(paths: ColumnTable, column: string): number[] {
  const c = paths.columns[column];
  if (c === undefined || typeof c[0] === "string") return [];
  return Array.from(c as ArrayLike<number>).filter((x) => Number.isFinite(x));
}

function standardError(name: string, v: number | null, paths: ColumnTable): number | undefined {
  const n = paths.length;
  if (v === null || n === 0) return undefined;
  let m: RegExpExecArray | null = /^(?:columns\.)?(\w+)\.mean$/.exec(name);
  if (m) return meanError(finite(paths, m[1] as string));
  if (name === "liquidations.badDebt.mean") return meanError(finite(paths, "badDebt"));
  if (/probability/i.test(name)) return Math.sqrt((v * (1 - v)) / n);
  if ((m = /^pnl\.quantiles\.(.+)$/.exec(name))) return quantileError(finite(paths, "pnl"), Number(m[1]));
  if ((m = /^liquidations\.badDebt\.quantiles\.(.+)$/.exec(name)))
    return quantileError(finite(paths, "badDebt"), Number(m[1]));
  if ((m = /^pnl\.var(\d+)$/.exec(name))) return quantileError(finite(paths, "pnl"), 1 - Number(m[1]) / 100);
  if ((m = /^pnl\.es(\d+)$/.exec(name))) return tailError(finite(paths, "pnl"), 1 - Number(m[1]) / 100);
  return undefined;
}

function meanError(x: readonly number[]): number | undefined {
  const n = x.length;
  if (n < 2) return undefined;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const ss = x.reduce((a, b) => a + (b - mean) ** 2, 0);
  return Math.sqrt(ss / (n - 1) / n);
}

function quantileError(x: readonly number[], q: number): number | undefined {
  const n = x.length;
  if (n < 2 || !(q >= 0 && q <= 1)) return undefined;
  const s = [...x].sort((a, b) => a - b);
  const half = Z95 * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(n * q - half) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * q + half) - 1);
  return ((s[hi] as number) - (s[lo] as number)) / (2 * Z95);
}

function tailError(x: readonly number[], q: number): number | undefined {
  const s = [...x].sort((a, b) => a - b);
  const k = Math.max(1, Math.floor(s.length * q));
  return meanError(s.slice(0, k));
}
