/**
 * Builds report.html for a run folder: the charts' data by SQL over the folder's tables
 * (reports/chart-data.ts), Vega-Lite specs (reports/charts.ts) rendered to SVG, and the tables of
 * the summary.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { stringify } from "yaml";
import { accountCharts } from "./account-charts.js";
import { bands, hasValues, liquidationTimeline, pnlHistogram } from "./chart-data.js";
import { bandChart, liquidationTimelineChart, meanBarChart, pnlHistogramChart, type Spec } from "./charts.js";
import { blockRows } from "./headline.js";
import { type Chart, renderHtml } from "./html.js";
import { ATTRIBUTION_LABELS, COST_LABELS, LIQUIDATION_LABELS, METHODS } from "./markdown.js";
import { renderSvg } from "./render-svg.js";
import { quoteIdent, quoteString, RUN_TABLES, withConnection } from "./store.js";
import type { Summary } from "./summary.js";

type Est = { value?: number | null; se?: number | null };

/** Mean-per-path bars of a summary block (entries with a value), ±1.96 SE. */
function meanRows(block: unknown, labels: Readonly<Record<string, string>>) {
  const b = (block ?? {}) as Record<string, Est>;
  return Object.entries(labels)
    .filter(([k]) => typeof b[k]?.value === "number")
    .map(([k, label]) => ({ label, mean: b[k]?.value as number, se: b[k]?.se ?? 0 }));
}

async function seriesCharts(c: DuckDBConnection): Promise<[string, string, Spec][]> {
  const out: [string, string, Spec][] = [];
  const bandsOf: [string, string, string][] = [
    [
      "price",
      "Price of the first asset: 5–95 % and 25–75 % bands and median over sampled paths",
      "price (quote)",
    ],
    ["equity", "Trader equity: quantile bands over sampled paths", "equity (quote)"],
    [
      "healthFactor",
      "Lowest health factor of the trader's loans: quantile bands (< 1 ⇒ liquidatable)",
      "health factor",
    ],
    ["marginRatio", "Highest perp margin ratio: quantile bands (≥ 1 ⇒ liquidatable)", "margin ratio"],
    ["marginUtilisation", "Margin utilisation (margin used / available): quantile bands", "utilisation"],
  ];
  for (const [col, caption, y] of bandsOf) {
    if (!(await hasValues(c, col))) continue;
    out.push([`fan-${col}`, caption, bandChart(caption, await bands(c, col), y)]);
  }
  return out;
}

/** The page for the run folder `dir` (its Parquet files are read, nothing is written). */
export async function renderRunHtml(dir: string, summary: Summary): Promise<string> {
  const specs = await withConnection(async (c) => {
    for (const name of RUN_TABLES) {
      const file = join(dir, `${name}.parquet`);
      if (existsSync(file))
        await c.run(`CREATE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${quoteString(file)})`);
    }
    const out: [string, string, Spec][] = existsSync(join(dir, "series.parquet"))
      ? [...(await seriesCharts(c)), ...(await accountCharts(c))]
      : [];
    const pnl = summary.metrics.pnl as Record<string, Est>;
    const hist = pnlHistogramChart(
      await pnlHistogram(c),
      pnl["var95"]?.value ?? null,
      pnl["es95"]?.value ?? null,
    );
    out.push(["pnl-histogram", "PnL per path with VaR and ES at 95 % (as PnL levels)", hist]);
    const liq = existsSync(join(dir, "events.parquet")) ? await liquidationTimeline(c) : [];
    if (liq.length > 0)
      out.push(["liquidations", "Liquidations per hour and venue", liquidationTimelineChart(liq)]);
    const costs = meanRows(summary.metrics.costs, COST_LABELS).filter(
      (r) => r.label !== COST_LABELS["tradedNotional"],
    );
    if (costs.length > 0)
      out.push(["costs", "Costs: mean per path", meanBarChart("Costs (mean per path)", costs)]);
    const attr = meanRows(summary.metrics.attribution, ATTRIBUTION_LABELS);
    if (attr.length > 0)
      out.push([
        "attribution",
        "PnL attribution: mean per path",
        meanBarChart("PnL attribution (mean per path)", attr),
      ]);
    return out;
  });
  const charts: Chart[] = [];
  for (const [id, caption, spec] of specs) charts.push({ id, caption, svg: await renderSvg(spec) });
  const liq = summary.metrics.liquidations as Record<string, unknown>;
  const sections = [
    { title: "Costs (mean per path)", rows: blockRows(summary.metrics.costs, COST_LABELS, "Costs") },
    {
      title: "PnL attribution (mean per path)",
      rows: blockRows(summary.metrics.attribution, ATTRIBUTION_LABELS, "Attribution"),
    },
    {
      title: "Liquidations (mean over liquidated paths)",
      rows: blockRows(liq["givenLiquidation"], LIQUIDATION_LABELS, "Liquidations"),
    },
  ];
  const scenario = summary.manifest["scenario"];
  const text = scenario !== undefined && scenario !== null ? stringify(scenario) : null;
  return renderHtml(summary, charts, sections, text, METHODS);
}
