/**
 * `report.md`: the run's tables for pull-request comments, built from the summary alone (itself
 * built from the folder's tables and manifest, so `ballast report` rebuilds it byte for byte). Deterministic: no dates, locale-independent numbers.
 */
import { formatInteger, NO_VALUE } from "./format.js";
import { blockRows, type HeadlineRow, headlineRows } from "./headline.js";
import type { Summary } from "./summary.js";

/** Mean cost per path, with labels, in this order. */
export const COST_LABELS: Readonly<Record<string, string>> = {
  fees: "Fees",
  slippage: "Slippage",
  gas: "Gas",
  funding: "Funding",
  hedgeCost: "Hedge cost",
  tradedNotional: "Traded notional",
  perpLiquidationFees: "Perp liquidation fees",
  optionsLiquidationPenalty: "Options liquidation penalty",
  liquidationBonus: "Loan liquidation bonus",
};

/** Mean PnL attribution per path. */
export const ATTRIBUTION_LABELS: Readonly<Record<string, string>> = {
  pnlDelta: "Delta",
  pnlGamma: "Gamma",
  pnlTheta: "Theta",
  pnlVega: "Vega",
  pnlFunding: "Funding",
  pnlCosts: "Costs",
  pnlResidual: "Residual",
};

/** Figures given liquidation (means over liquidated paths). */
export const LIQUIDATION_LABELS: Readonly<Record<string, string>> = {
  firstLiquidationHours: "Time to first liquidation (hours)",
  perpMarginLost: "Perp margin lost",
  perpLiquidationFees: "Perp liquidation fees",
  optionsLiquidationPenalty: "Options liquidation penalty",
  collateralSeized: "Loan collateral seized",
  liquidationBonus: "Loan liquidation bonus",
  insuranceDraw: "Insurance fund draw",
};

export const METHODS =
  "± is one standard error of the mean; [a, b] a 95 % interval: Wilson for probabilities, order statistics for quantiles and VaR, a seeded bootstrap (200 resamples) for ES, hedge error and Sortino. VaR and ES are losses (positive).";

/** Renders the report from the summary alone; sections without data are left out. */
export function renderMarkdown(summary: Summary): string {
  const m = summary.manifest;
  const x = summary.metrics;
  const liq = x.liquidations as Record<string, unknown>;
  const sections = [
    `# Ballast run: ${cell(m["scenarioName"])}`,
    manifestSection(m),
    `## Headline\n\n${estimateTable(headlineRows(summary))}\n\n${METHODS}`,
    section("Costs (mean per path)", blockRows(x.costs, COST_LABELS, "Costs")),
    section("PnL attribution (mean per path)", blockRows(x.attribution, ATTRIBUTION_LABELS, "Attribution")),
    (liq["liquidatedPaths"] as number) > 0
      ? section(
          `Liquidations (mean over the ${formatInteger(liq["liquidatedPaths"] as number)} liquidated paths)`,
          blockRows(liq["givenLiquidation"], LIQUIDATION_LABELS, "Liquidations"),
        )
      : "",
    `## Reproduce\n\nRun \`${reproduceCommand(m)}\` with Ballast ${cell(m["version"])}; the same scenario file (hash above), seed and path count give the same numbers.`,
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

function section(title: string, rows: readonly HeadlineRow[]): string {
  return rows.length === 0 ? "" : `## ${title}\n\n${estimateTable(rows)}`;
}

function estimateTable(rows: readonly HeadlineRow[]): string {
  return table(
    ["Metric", "Value", "± SE / 95 % interval"],
    rows.map((r) => [r.label, r.value, r.uncertainty]),
  );
}

/** `ballast run <scenario> --seed S --paths N`, the scenario being `scenarioFile` when the manifest has one. */
export function reproduceCommand(m: Readonly<Record<string, unknown>>): string {
  const file = typeof m["scenarioFile"] === "string" ? m["scenarioFile"] : String(m["scenarioName"]);
  const sets = Array.isArray(m["overrides"])
    ? m["overrides"].map((o) => ` --set ${shellWord(String(o))}`)
    : [];
  return `ballast run ${shellWord(file)} --seed ${String(m["seed"])} --paths ${String(m["paths"])}${sets.join("")}`;
}

function shellWord(word: string): string {
  return /^[\w./@:+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

function manifestSection(m: Readonly<Record<string, unknown>>): string {
  const rows: [string, string][] = [
    ["Scenario", cell(m["scenarioName"])],
    ["Scenario hash", `\`${cell(m["scenarioHash"])}\``],
    ["Seed", cell(m["seed"])],
    ["Paths", formatInteger(asNumber(m["paths"]))],
  ];
  const range = m["dataRange"] as { from?: unknown; to?: unknown } | undefined;
  if (range !== undefined) rows.push(["Data range", `${cell(range.from)} – ${cell(range.to)}`]);
  rows.push(["Ballast version", cell(m["version"])]);
  return `## Run\n\n${table(["Field", "Value"], rows, false)}`;
}

function asNumber(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return NO_VALUE;
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** A GitHub-flavoured Markdown table; columns after the first are right-aligned when `numeric`. */
function table(header: readonly string[], rows: readonly (readonly string[])[], numeric = true): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const sep = line(header.map((_, i) => (i === 0 || !numeric ? "---" : "---:")));
  return [line(header), sep, ...rows.map(line)].join("\n");
}
