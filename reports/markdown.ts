/**
 * `report.md`: a short human-readable report built from the summary alone (so `ballast report`
 * can rebuild it from `summary.json`). Deterministic: no dates, locale-independent numbers.
 */
import { formatInteger, formatNumber, formatPercent, NO_VALUE } from "./format.js";
import type { ColumnStats, Summary } from "./summary.js";

/** Per-path cost columns shown in the costs table, with their labels, in this order. */
export const COST_COLUMNS: Readonly<Record<string, string>> = {
  fees: "Fees",
  slippage: "Slippage",
  gas: "Gas",
  funding: "Funding",
  hedgeCost: "Hedge cost",
};

/** Per-path liquidation columns shown in the liquidation section, with their labels. */
export const LIQUIDATION_COLUMNS: Readonly<Record<string, string>> = {
  liquidations: "Liquidations",
  collateralLost: "Collateral lost",
  liquidationPenalty: "Liquidation penalty",
  badDebt: "Bad debt",
  insuranceDraw: "Insurance fund draw",
};

/** Renders the report; sections for costs and liquidations appear only when there is data for them. */
export function renderMarkdown(summary: Summary): string {
  const m = summary.manifest;
  const sections = [
    `# Ballast run: ${cell(m["scenarioName"])}`,
    manifestSection(m),
    pnlSection(summary),
    costsSection(summary),
    liquidationSection(summary),
    `## Reproduce\n\nRun \`${reproduceCommand(m)}\` with Ballast ${cell(m["version"])}; the same scenario file (hash above), seed and path count give the same numbers.`,
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
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

function pnlSection(summary: Summary): string {
  const p = summary.metrics.pnl;
  const rows: [string, string][] = [
    ["Paths", formatInteger(p.n)],
    ["Mean", formatNumber(p.mean)],
    ["Std (sample)", formatNumber(p.std)],
    ["Min", formatNumber(p.min)],
  ];
  for (const [key, q] of Object.entries(p.quantiles))
    rows.push([`Quantile ${formatPercent(Number(key))}`, formatNumber(q)]);
  rows.push(["Max", formatNumber(p.max)]);
  rows.push(["VaR 95 %", formatNumber(p.var95)], ["ES 95 %", formatNumber(p.es95)]);
  rows.push(["VaR 99 %", formatNumber(p.var99)], ["ES 99 %", formatNumber(p.es99)]);
  const note =
    "VaR is the loss not exceeded with the given probability; ES the mean loss beyond it (losses positive).";
  return `## PnL\n\n${table(["Statistic", "Value"], rows)}\n\n${note}`;
}

function costsSection(summary: Summary): string {
  const rows = statRows(summary.metrics.columns, COST_COLUMNS);
  const block = blockRows(summary.metrics["costs"]);
  if (rows.length === 0 && block.length === 0) return "";
  const parts = ["## Costs"];
  if (rows.length > 0) parts.push(table(["Cost", "Total", "Mean per path", "Max per path"], rows));
  if (block.length > 0) parts.push(table(["Metric", "Value"], block));
  return parts.join("\n\n");
}

function liquidationSection(summary: Summary): string {
  const rows = statRows(summary.metrics.columns, LIQUIDATION_COLUMNS);
  const block = blockRows(summary.metrics["liquidations"]);
  if (rows.length === 0 && block.length === 0) return "";
  const parts = ["## Liquidations"];
  if (rows.length > 0) parts.push(table(["Measure", "Total", "Mean per path", "Max per path"], rows));
  if (block.length > 0) parts.push(table(["Metric", "Value"], block));
  return parts.join("\n\n");
}

function statRows(
  columns: Readonly<Record<string, ColumnStats>>,
  labels: Readonly<Record<string, string>>,
): string[][] {
  const rows: string[][] = [];
  for (const [name, label] of Object.entries(labels)) {
    const s = columns[name];
    if (s !== undefined) rows.push([label, formatNumber(s.total), formatNumber(s.mean), formatNumber(s.max)]);
  }
  return rows;
}

/** Flattens a caller metric block into `a.b.c | value` rows (integers as counts, arrays joined). */
function blockRows(block: unknown, prefix = ""): string[][] {
  if (block === null || typeof block !== "object" || Array.isArray(block)) {
    return prefix === "" || block === undefined ? [] : [[prefix, value(block)]];
  }
  return Object.entries(block).flatMap(([k, v]) => blockRows(v, prefix === "" ? k : `${prefix}.${k}`));
}

function value(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? formatInteger(v) : formatNumber(v);
  if (Array.isArray(v)) return v.map(value).join(", ");
  return cell(v);
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
