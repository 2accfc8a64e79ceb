/**
 * Unified versus siloed margin in one run (`cascade.compareMargin: true`): the population goes
 * through the same exogenous paths once under each rule, and the run folder gets
 * - `margin.parquet`, one row per (path, rule): `path`, `margin` (siloed | unified),
 *   `liquidations` (lending liquidation calls + perp-venue liquidations), `accounts_liquidated`,
 *   `liquidation_volume_usd` (collateral seized + perp notional closed), `collateral_seized_usd`,
 *   `perp_closed_usd`, `bad_debt_usd` (lending debt written off + perp deficits written off),
 *   `perp_bad_debt_usd`, `shortfall_usd` (owed beyond the account's assets at the end, per venue
 *   when siloed, across venues when unified), `loss_usd` (bad debt + shortfall), `cash_repaid_usd`
 *   (debt repaid from perp cash, unified only), `perp_fees_usd`, `reserve_drain_usd` (lending
 *   reserve + perp insurance fund);
 * - in summary.json, `margin`: the grid, each rule's means per path and 95 % quantiles over the
 *   paths (type 7), and `difference` (unified − siloed), its mean and standard error over the
 *   paired paths `sd(diff)/√n`;
 * - in report.md, a table of the two rules and what the unified one saves (negative) or adds.
 */
import type { TimeGrid } from "../../engine/market.js";
import type { MarketSource } from "../../engine/sim/config.js";
import type { SystemicConfig } from "../../engine/systemic/config.js";
import type { PathOutcome } from "../../engine/systemic/outcome.js";
import type { Population } from "../../engine/systemic/population.js";
import type { MarginRule, MarginSpec } from "../../engine/systemic/portfolio-margin.js";
import { runCascadePaths } from "../../engine/systemic/run.js";
import { formatNumber } from "../../reports/format.js";
import { summarise } from "../../reports/stats.js";
import { canonical } from "../../reports/summary.js";
import type { ColumnTable } from "../../reports/types.js";
import type { SystemicSpec } from "../../scenarios/schema/systemic.js";
import type { Scenario } from "../../scenarios/schema/types.js";
import { marginSpec, otherRule } from "./margin-config.js";

const FIGURES = {
  liquidations: (o: PathOutcome) => o.liquidations + o.perpLiquidations,
  accounts_liquidated: (o: PathOutcome) => o.accountsLiquidated,
  liquidation_volume_usd: (o: PathOutcome) => o.collateralSeized + o.perpClosedNotional,
  collateral_seized_usd: (o: PathOutcome) => o.collateralSeized,
  perp_closed_usd: (o: PathOutcome) => o.perpClosedNotional,
  bad_debt_usd: (o: PathOutcome) => o.badDebt + o.perpBadDebt,
  perp_bad_debt_usd: (o: PathOutcome) => o.perpBadDebt,
  shortfall_usd: (o: PathOutcome) => o.shortfall,
  loss_usd: (o: PathOutcome) => o.badDebt + o.perpBadDebt + o.shortfall,
  cash_repaid_usd: (o: PathOutcome) => o.cashRepaid,
  perp_fees_usd: (o: PathOutcome) => o.perpFees,
  reserve_drain_usd: (o: PathOutcome) => o.reserveDrain + o.perpInsuranceDrain,
} as const;

type Figure = keyof typeof FIGURES;
const COUNTS: readonly Figure[] = ["liquidations", "accounts_liquidated"];

export interface MarginComparison {
  readonly siloed: readonly PathOutcome[];
  readonly unified: readonly PathOutcome[];
  readonly spec: MarginSpec;
}

/** The paths a run needs to replay under the other rule. */
export interface PathSource {
  readonly market: MarketSource;
  readonly grid: TimeGrid;
  readonly paths: number;
}

/**
 * With `cascade.compareMargin`, runs the population through the same paths under the other rule
 * and pairs the outcomes with the run's (`ran`); undefined without it.
 */
export function compareMargins(
  s: Scenario,
  spec: SystemicSpec,
  cfg: SystemicConfig,
  population: Population,
  src: PathSource,
  marketAsset: readonly number[],
  ran: readonly PathOutcome[],
): MarginComparison | undefined {
  if (spec.cascade["compareMargin"] !== true) return undefined;
  const rule = spec.cascade["margin"] as MarginRule;
  const other = { ...cfg, margin: marginSpec(s, spec, cfg.assets, otherRule(rule)) };
  const again = runCascadePaths(other, population, src.market, src.grid, marketAsset, 0, src.paths).outcomes;
  const unifiedSpec = rule === "unified" ? (cfg.margin as MarginSpec) : other.margin;
  return rule === "siloed"
    ? { siloed: ran, unified: again, spec: unifiedSpec }
    : { siloed: again, unified: ran, spec: unifiedSpec };
}

/** summary.json with the comparison's `margin` section added. */
export function withMargin(
  summary: Record<string, unknown>,
  c: MarginComparison | undefined,
): Record<string, unknown> {
  if (!c) return summary;
  return canonical({ ...summary, margin: marginSummary(c) }, true) as Record<string, unknown>;
}

export function marginTable(c: MarginComparison, from: number): ColumnTable {
  const rows = [
    ...c.siloed.map((o, i) => ({ o, i, rule: "siloed" })),
    ...c.unified.map((o, i) => ({ o, i, rule: "unified" })),
  ].sort((x, y) => x.i - y.i || x.rule.localeCompare(y.rule));
  const columns: Record<string, ColumnTable["columns"][string]> = {
    path: Int32Array.from(rows, (r) => from + r.i),
    margin: rows.map((r) => r.rule),
  };
  for (const [name, f] of Object.entries(FIGURES)) {
    const values = rows.map((r) => f(r.o));
    columns[name] = COUNTS.includes(name as Figure) ? Int32Array.from(values) : Float64Array.from(values);
  }
  return { length: rows.length, columns };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
}

/** The `margin` section of summary.json. */
export function marginSummary(c: MarginComparison): Record<string, unknown> {
  const siloed: Record<string, number> = {};
  const unified: Record<string, number> = {};
  const q95: Record<string, Record<string, number | null>> = { siloed: {}, unified: {} };
  const difference: Record<string, { mean: number; stderr: number }> = {};
  for (const [name, f] of Object.entries(FIGURES)) {
    const s = c.siloed.map(f);
    const u = c.unified.map(f);
    const d = u.map((x, i) => x - (s[i] as number));
    const m = mean(d);
    const n = d.length;
    const sd = n > 1 ? Math.sqrt(d.reduce((acc, x) => acc + (x - m) ** 2, 0) / (n - 1)) : 0;
    siloed[name] = mean(s);
    unified[name] = mean(u);
    (q95["siloed"] as Record<string, number | null>)[name] = quantile95(s);
    (q95["unified"] as Record<string, number | null>)[name] = quantile95(u);
    difference[name] = { mean: m, stderr: n > 0 ? sd / Math.sqrt(n) : 0 };
  }
  const g = c.spec;
  return {
    grid: g.grid.kind,
    scenarios: g.grid.price.length,
    mmFactor: g.mmFactor,
    contingency: g.contingency,
    siloed,
    unified,
    q95,
    difference,
  };
}

function quantile95(xs: readonly number[]): number | null {
  return summarise(Float64Array.from(xs), [0.95]).quantiles["0.95"] ?? null;
}

const ROWS: readonly [string, Figure][] = [
  ["liquidations", "liquidations"],
  ["accounts liquidated", "accounts_liquidated"],
  ["liquidation volume, USD", "liquidation_volume_usd"],
  ["of which: perp notional closed, USD", "perp_closed_usd"],
  ["bad debt (lending + perp), USD", "bad_debt_usd"],
  ["loss (bad debt + shortfall), USD", "loss_usd"],
];

/** The report.md section. */
export function marginMarkdown(summary: Record<string, unknown>): string {
  const s = summary["siloed"] as Record<string, number>;
  const u = summary["unified"] as Record<string, number>;
  const d = summary["difference"] as Record<string, { mean: number; stderr: number }>;
  const q = summary["q95"] as Record<string, Record<string, number | null>>;
  const fmt = (x: number | null | undefined) => formatNumber(x ?? null);
  const tail = (label: string, key: Figure) => {
    const [qs, qu] = [q["siloed"]?.[key] ?? null, q["unified"]?.[key] ?? null];
    const gap = qs === null || qu === null ? null : qu - qs;
    return `| ${label} | ${fmt(qs)} | ${fmt(qu)} | ${fmt(gap)} |`;
  };
  return [
    "",
    "## Unified versus siloed margin",
    "",
    `The same population and paths under each rule; unified: ${String(summary["grid"])} grid (${String(summary["scenarios"])} scenarios), maintenance ${String(summary["mmFactor"])} × the worst loss. Means per path, unified − siloed with its standard error over the paths (negative: the unified rule saves it); then the 95 % quantiles over the paths.`,
    "",
    "| per path | siloed | unified | unified − siloed |",
    "|---|---|---|---|",
    ...ROWS.map(([label, key]) => {
      const diff = d[key] as { mean: number; stderr: number };
      return `| ${label} | ${fmt(s[key])} | ${fmt(u[key])} | ${fmt(diff.mean)} ± ${fmt(diff.stderr)} |`;
    }),
    tail("bad debt, 95 % quantile over paths, USD", "bad_debt_usd"),
    tail("loss, 95 % quantile over paths, USD", "loss_usd"),
    "",
  ].join("\n");
}
