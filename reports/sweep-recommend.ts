/**
 * The recommendation of a population sweep folder (reports/recommend.ts), from its points table
 * and its manifest's `recommend` settings (absent for a position sweep: nothing is added):
 * - `withVerdicts` adds two columns to `points.parquet`: `recommend.upper` (DOUBLE, the one-sided
 *   upper confidence bound of P(metric > target) that is compared with `maxProbability`) and
 *   `recommend.acceptable` (INTEGER, 1 when it is below, else 0);
 * - `recommendationOf` gives the rows of the sweep summary's `recommendation`;
 * - `recommendationSection` the markdown section and the heatmaps of report.md / report.html.
 */
import { pointVerdicts, type RecommendSpec, recommend } from "./recommend.js";
import { recommendationMarkdown } from "./recommend-markdown.js";
import { recommendationHeatmaps, recommendationRows } from "./recommend-report.js";
import type { ColumnTable } from "./types.js";

function settingsOf(manifest: Readonly<Record<string, unknown>>): RecommendSpec | undefined {
  const r = manifest["recommend"];
  return typeof r === "object" && r !== null ? (r as RecommendSpec) : undefined;
}

function parametersOf(manifest: Readonly<Record<string, unknown>>): string[] {
  const p = manifest["parameters"];
  return Array.isArray(p) ? p.filter((x): x is string => typeof x === "string") : [];
}

export function withVerdicts(t: ColumnTable, manifest: Readonly<Record<string, unknown>>): ColumnTable {
  const spec = settingsOf(manifest);
  if (spec === undefined) return t;
  const { upper, acceptable } = pointVerdicts(t, spec);
  return {
    length: t.length,
    columns: { ...t.columns, "recommend.upper": upper, "recommend.acceptable": acceptable },
  };
}

export function recommendationOf(
  t: ColumnTable,
  manifest: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  const spec = settingsOf(manifest);
  const upper = t.columns["recommend.upper"];
  if (spec === undefined || !(upper instanceof Float64Array)) return undefined;
  const params = parametersOf(manifest);
  return {
    settings: spec,
    rows: recommendationRows(t, params, recommend(t, params, upper, spec), spec, upper),
  };
}

export async function recommendationSection(
  t: ColumnTable,
  manifest: Readonly<Record<string, unknown>>,
): Promise<{ markdown: string; figures: string[] } | undefined> {
  const spec = settingsOf(manifest);
  const upper = t.columns["recommend.upper"];
  if (spec === undefined || !(upper instanceof Float64Array)) return undefined;
  const params = parametersOf(manifest).filter((p) => t.columns[p] !== undefined);
  return {
    markdown: recommendationMarkdown(t, params, spec, upper),
    figures: await recommendationHeatmaps(t, params, spec, upper),
  };
}
