/**
 * `points.parquet`: one row per point — `point`, the point's parameters (one column per field
 * path, DOUBLE when every value is a number, otherwise VARCHAR), then every numeric figure of the
 * point's `summary.json` metrics as a DOUBLE column named by its JSON path, NULL when undefined:
 * - an estimate `{ value, se?, lower?, upper? }` (reports/metrics.ts) gives `<path>` (its value),
 *   `<path>.se`, `<path>.lower` and `<path>.upper` (the 95 % interval), e.g. `pnl.mean`,
 *   `pnl.mean.se`, `liquidations.probability`, `liquidations.probability.lower`;
 * - an estimate published with an interval but no standard error (a Wilson probability, an
 *   order-statistic quantile) gets the interval-implied one, `(upper − lower) / (2 · 1.959964)`,
 *   so every Monte-Carlo figure has a `.se` column;
 * - plain figures (counts, totals, minima, maxima, `columns.<name>.mean`) have no `.se`.
 * The point's summary is built from its own `paths.parquet` (reports/summary.ts), so a figure
 * here is exactly the one in `point-NNN/summary.json`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Z95 } from "../reports/estimators.js";
import type { ColumnTable } from "../reports/types.js";

export interface PointRow {
  readonly point: number;
  readonly folder: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The points table from the point folders under `dir`. */
export async function pointsTable(dir: string, rows: readonly PointRow[]): Promise<ColumnTable> {
  const figures: Map<string, number>[] = [];
  for (const r of rows) {
    const summary = JSON.parse(await readFile(join(dir, r.folder, "summary.json"), "utf8"));
    figures.push(metricFigures(summary.metrics));
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
  const metricNames = [...new Set(figures.flatMap((f) => [...f.keys()]))];
  for (const name of metricNames) {
    columns[name] = Float64Array.from(figures, (f) => f.get(name) ?? Number.NaN);
  }
  return { columns, length: rows.length };
}

function isEstimate(
  v: object,
): v is { value: number | null; se?: number | null; lower?: number | null; upper?: number | null } {
  return "value" in v && !Array.isArray(v);
}

/** Numeric leaves of a summary's metrics by dotted path (NaN for null), estimates flattened. */
export function metricFigures(metrics: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  const num = (v: unknown) => (typeof v === "number" ? v : Number.NaN);
  const walk = (v: unknown, name: string): void => {
    if (typeof v === "number" || v === null) {
      out.set(name, num(v));
    } else if (typeof v === "object" && !Array.isArray(v)) {
      if (isEstimate(v)) {
        out.set(name, num(v.value));
        const lower = num(v.lower);
        const upper = num(v.upper);
        const implied = "lower" in v && "upper" in v ? (upper - lower) / (2 * Z95) : Number.NaN;
        if ("se" in v || "lower" in v) out.set(`${name}.se`, "se" in v ? num(v.se) : implied);
        if ("lower" in v) out.set(`${name}.lower`, lower);
        if ("upper" in v) out.set(`${name}.upper`, upper);
        return;
      }
      for (const [k, x] of Object.entries(v)) walk(x, name === "" ? k : `${name}.${k}`);
    }
  };
  walk(metrics, "");
  return out;
}
