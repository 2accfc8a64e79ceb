/**
 * Reports of a sweep folder (DESIGN: one run folder per point, `points.parquet` with one row per
 * point, `summary.json` listing the points). The grid parameters are the sweep manifest's
 * `parameters`; the metric columns of `points.parquet` and their `.se` / `.lower` / `.upper`
 * companions are described in cli/sweep-points.ts.
 *
 * report.md: a table of every point — its parameters, then the headline metrics (`HEADLINE`,
 * those present and not constant over the points) as `value [lower, upper]` (95 %), or `value ± se`
 * when only a standard error exists. report.html: each headline metric against each numeric
 * parameter taking ≥ 2 values, a line with its 95 % band (± 1.96 SE when no interval), one line
 * per value of a second parameter when the sweep has one; with exactly two such parameters, also
 * each headline metric as a heatmap over the two. A population sweep adds the recommended
 * liquidation thresholds and, in report.html, the heatmaps behind them (reports/sweep-recommend.ts).
 * Every other figure is in
 * `points.parquet` (`ballast query <sweep> "SELECT * FROM points"`).
 */
import { join } from "node:path";
import { gridHeatmapChart, gridLineChart } from "./charts.js";
import { Z95 } from "./estimators.js";
import { formatNumber } from "./format.js";
import { esc } from "./html.js";
import { readColumns, readManifest } from "./read-folder.js";
import { writeAtomic } from "./rebuild.js";
import { renderSvg } from "./render-svg.js";
import { recommendationSection } from "./sweep-recommend.js";
import type { Column, ColumnTable } from "./types.js";

/** The figures a sweep is usually read for, in report order. */
export const HEADLINE = [
  "liquidations.probability",
  "liquidations.badDebt.probability",
  "liquidations.badDebt.mean",
  "pnl.mean",
  "pnl.var99",
  "pnl.es99",
  "risk.hedgeError",
  "risk.sharpe",
  "risk.maxDrawdown",
  "costs.fees",
  "costs.slippage",
  "costs.funding",
  "loss_usd.mean",
  "bad_debt_usd.mean",
  "p_loss_above_target.probability",
  "p_bad_debt_above_target.probability",
  "amplification.mean",
  "skipped_share.mean",
] as const;

function numeric(c: Column | undefined): c is Float64Array | Int32Array {
  return c instanceof Float64Array || c instanceof Int32Array;
}

/** A metric's value and 95 % interval at row i (interval from `.lower/.upper`, else ± 1.96 SE, else none). */
function estimateAt(t: ColumnTable, m: string, i: number): { value: number; lower: number; upper: number } {
  const col = (k: string) => t.columns[k] as Float64Array | undefined;
  const value = (col(m) as Float64Array)[i] as number;
  const se = col(`${m}.se`)?.[i];
  const lower = col(`${m}.lower`)?.[i] ?? (se !== undefined ? value - Z95 * se : value);
  const upper = col(`${m}.upper`)?.[i] ?? (se !== undefined ? value + Z95 * se : value);
  return { value, lower, upper };
}

function formatEstimate(t: ColumnTable, m: string, i: number): string {
  const { value, lower, upper } = estimateAt(t, m, i);
  if (!Number.isFinite(value)) return "NULL";
  const f = (v: number) => formatNumber(v, 4);
  if (t.columns[`${m}.lower`] !== undefined) return `${f(value)} [${f(lower)}, ${f(upper)}]`;
  const se = (t.columns[`${m}.se`] as Float64Array | undefined)?.[i];
  return se !== undefined && Number.isFinite(se) ? `${f(value)} ± ${f(se)}` : f(value);
}

/** Writes the sweep's report.md and report.html; returns their paths. */
export async function renderSweepReports(dir: string): Promise<string[]> {
  const t = await readColumns(join(dir, "points.parquet"));
  const manifest = readManifest(dir);
  const declared = sweepParameters(manifest).filter((p) => t.columns[p] !== undefined);
  const metrics = HEADLINE.filter((m) => {
    const c = t.columns[m];
    return numeric(c) && new Set(Array.from(c).filter((v) => Number.isFinite(v))).size >= 2;
  });
  // Point numbers and grid values are printed as written (0.65, not 0.6500).
  const cell = (n: string, i: number) => {
    const v = (t.columns[n] as Column)[i];
    return typeof v === "number" && !Number.isFinite(v) ? "NULL" : String(v ?? "NULL");
  };
  const names = ["point", ...declared, ...metrics];
  const header = `| ${names.join(" | ")} |\n|${names.map(() => "---").join("|")}|`;
  const body = Array.from(
    { length: t.length },
    (_, i) =>
      `| ${[cell("point", i), ...declared.map((p) => cell(p, i)), ...metrics.map((m) => formatEstimate(t, m, i))].join(" | ")} |`,
  );
  const name = typeof manifest["scenarioName"] === "string" ? manifest["scenarioName"] : "sweep";
  const intro =
    `${t.length} points of ${manifest["paths"] ?? "?"} paths each, seed ${manifest["seed"]}; ` +
    `parameters: ${declared.join(", ") || "none"}. Intervals are 95 %. Every figure of every point ` +
    "is a column of points.parquet.";
  const rec = await recommendationSection(t, manifest);
  const recMd = rec ? `\n${rec.markdown}` : "";
  const md = `# Ballast sweep: ${name}\n\n${intro}\n\n${header}\n${body.join("\n")}\n${recMd}`;
  const varying = declared.filter(
    (p) => numeric(t.columns[p]) && new Set(t.columns[p] as Float64Array).size >= 2,
  );
  const figures = [
    ...(await lineFigures(t, varying, metrics)),
    ...(await heatmapFigures(t, varying, metrics)),
  ];
  const table = `${header}\n${body.join("\n")}\n`;
  const recHtml = rec
    ? `<h2>Recommended liquidation thresholds</h2>\n<pre>${esc(rec.markdown.replace(/^## .*\n\n/, ""))}</pre>\n${rec.figures.join("\n")}\n`
    : "";
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Ballast sweep: ${esc(name)}</title></head>\n<body>\n` +
    `<h1>Ballast sweep: ${esc(name)}</h1>\n<p>${esc(intro)}</p>\n<pre>${esc(table)}</pre>\n${recHtml}${figures.join("\n")}\n</body></html>\n`;
  await writeAtomic(join(dir, "report.md"), md);
  await writeAtomic(join(dir, "report.html"), html);
  return [join(dir, "report.md"), join(dir, "report.html")];
}

function figure(id: string, svg: string): string {
  return `<figure class="chart" id="${esc(id)}">${svg}</figure>`;
}

/** Each metric against each parameter, one line and band per value of a second parameter. */
async function lineFigures(
  t: ColumnTable,
  varying: readonly string[],
  metrics: readonly string[],
): Promise<string[]> {
  const figures: string[] = [];
  for (const p of varying) {
    const other = varying.find((q) => q !== p);
    for (const m of metrics) {
      const rows = Array.from({ length: t.length }, (_, i) => ({
        x: (t.columns[p] as Float64Array)[i],
        ...(other === undefined ? {} : { series: String((t.columns[other] as Float64Array)[i]) }),
        ...estimateAt(t, m, i),
      })).filter((r) => Number.isFinite(r.value));
      if (rows.length < 2) continue;
      const svg = await renderSvg(gridLineChart(`${m} against ${p} (95 % interval)`, rows, p, m, other));
      figures.push(figure(`${m}--${p}`, svg));
    }
  }
  return figures;
}

/**
 * With two numeric parameters whose pairs name each point once, each metric as a heatmap over
 * them, one cell a point (a third varying parameter would stack points in a cell: none then).
 */
async function heatmapFigures(
  t: ColumnTable,
  varying: readonly string[],
  metrics: readonly string[],
): Promise<string[]> {
  const [px, py] = varying;
  if (varying.length !== 2 || px === undefined || py === undefined) return [];
  const xs = t.columns[px] as Float64Array;
  const ys = t.columns[py] as Float64Array;
  if (new Set(Array.from(xs, (x, i) => `${x} ${ys[i]}`)).size !== t.length) return [];
  const figures: string[] = [];
  for (const m of metrics) {
    const values = t.columns[m] as Float64Array;
    const cells = Array.from(xs, (x, i) => ({ x, y: ys[i], value: values[i] as number })).filter((c) =>
      Number.isFinite(c.value),
    );
    if (cells.length < 2) continue;
    const lo = Math.min(...cells.map((c) => c.value));
    const hi = Math.max(...cells.map((c) => c.value));
    const rows = cells.map((c) => ({
      ...c,
      label: formatNumber(c.value, Math.abs(c.value) >= 100 ? 0 : Math.abs(c.value) >= 1 ? 2 : 3),
      // Viridis runs from dark to light: light text on the lower half.
      ink: c.value - lo < 0.5 * (hi - lo) ? "white" : "black",
    }));
    const svg = await renderSvg(gridHeatmapChart(`${m} over ${px} and ${py}`, rows, px, py, m));
    figures.push(figure(`${m}--${px}--${py}`, svg));
  }
  return figures;
}

/** The grid parameters a sweep's manifest names (`parameters`), or none. */
function sweepParameters(manifest: Readonly<Record<string, unknown>>): string[] {
  const p = manifest["parameters"];
  return Array.isArray(p) ? p.filter((x): x is string => typeof x === "string") : [];
}
