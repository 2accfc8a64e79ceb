/**
 * The recommendation of a population sweep (reports/recommend.ts) as data and charts: its rows for
 * summary.json (the markdown table is reports/recommend-markdown.ts) and, for report.html, the
 * heatmaps behind it: the worst-case bound over LT × each other numeric design parameter, a cell
 * per grid pair, marked ✓ (acceptable) or ✗, one heatmap per value of any further design
 * parameter (at most `MAX_HEATMAPS`).
 */
import { gridHeatmapChart } from "./charts.js";
import { formatNumber } from "./format.js";
import { axisRoles, metricColumn, type Recommendation, type RecommendSpec, valueAt } from "./recommend.js";
import { renderSvg } from "./render-svg.js";
import type { ColumnTable } from "./types.js";

/** Most heatmaps drawn (one per LT axis, other design axis and value of the rest). */
const MAX_HEATMAPS = 12;

export const pct = (x: number | undefined): string =>
  x === undefined || !Number.isFinite(x) ? "NULL" : `${formatNumber(100 * x, 2)} %`;

/** Rows of the recommendation for summary.json. */
export function recommendationRows(
  t: ColumnTable,
  params: readonly string[],
  recs: readonly Recommendation[],
  spec: RecommendSpec,
  upper: Float64Array,
): Record<string, unknown>[] {
  const { stress } = axisRoles(params);
  const prob = `${metricColumn(spec)}.probability`;
  const at = (i: number | null) =>
    i === null
      ? null
      : {
          stress: Object.fromEntries(stress.map((p) => [p, valueAt(t, p, i)])),
          probability: num(t, prob, i),
          lower: num(t, `${prob}.lower`, i),
          upper: num(t, `${prob}.upper`, i),
          bound: Number.isFinite(upper[i]) ? (upper[i] as number) : null,
        };
  return recs.map((r) => ({
    asset: r.asset,
    venue: r.venue,
    parameter: r.param,
    design: r.design,
    lt: r.lt,
    atLt: at(r.at),
    failingBelow: r.failingBelow,
    nextLt: r.nextLt,
    atNextLt: at(r.next),
  }));
}

export function num(t: ColumnTable, col: string, i: number): number | null {
  const v = (t.columns[col] as Float64Array | undefined)?.[i];
  return v === undefined || !Number.isFinite(v) ? null : v;
}

/** The heatmaps behind the table, as SVG figures for report.html. */
export async function recommendationHeatmaps(
  t: ColumnTable,
  params: readonly string[],
  spec: RecommendSpec,
  upper: Float64Array,
): Promise<string[]> {
  const roles = axisRoles(params);
  const varying = (p: string) =>
    t.columns[p] instanceof Float64Array && new Set(t.columns[p] as Float64Array).size >= 2;
  const figures: string[] = [];
  for (const axis of roles.lt) {
    const designs = [...roles.design, ...roles.lt.filter((a) => a !== axis).map((a) => a.param)];
    for (const py of designs.filter(varying)) {
      const rest = designs.filter((p) => p !== py);
      const groups = new Map<string, number[]>();
      for (let i = 0; i < t.length; i++) {
        const key = rest.map((p) => `${p} = ${valueAt(t, p, i)}`).join(", ");
        groups.set(key, [...(groups.get(key) ?? []), i]);
      }
      for (const [key, rows] of groups) {
        if (figures.length >= MAX_HEATMAPS) return figures;
        figures.push(await heatmap(t, axis.param, py, rows, upper, spec, key));
      }
    }
  }
  return figures;
}

async function heatmap(
  t: ColumnTable,
  px: string,
  py: string,
  rows: readonly number[],
  upper: Float64Array,
  spec: RecommendSpec,
  key: string,
): Promise<string> {
  const xs = t.columns[px] as Float64Array;
  const ys = t.columns[py] as Float64Array;
  const cells = new Map<string, { x: number; y: number; value: number }>();
  for (const i of rows) {
    const id = `${xs[i]} ${ys[i]}`;
    const u = upper[i] as number;
    const c = cells.get(id);
    // Worst case over the stress points (a NaN bound counts as the worst).
    if (c === undefined || !(u <= c.value))
      cells.set(id, { x: xs[i] as number, y: ys[i] as number, value: Number.isNaN(u) ? 1 : u });
  }
  const data = [...cells.values()].map((c) => ({
    ...c,
    label: `${c.value < spec.maxProbability ? "✓" : "✗"} ${pct(c.value)}`,
    ink: c.value < 0.5 ? "white" : "black",
  }));
  const title = `bound on P(${spec.metric} > ${pct(spec.target)} of debt), worst case${key ? ` (${key})` : ""}; ✓ below ${pct(spec.maxProbability)}`;
  const svg = await renderSvg(gridHeatmapChart(title, data, px, py, "bound"));
  return `<figure class="chart" id="recommend--${px}--${py}${key ? `--${key.replace(/[^\w.=-]+/g, "_")}` : ""}">${svg}</figure>`;
}
