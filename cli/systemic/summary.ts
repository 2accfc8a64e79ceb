/**
 * `summary.json` and `report.md` of a systemic run, computed from the tables alone (so they can be
 * rebuilt from the folder): per-path metrics summarised over paths (mean, std, type-7 quantiles),
 * the probability that the loss exceeds `LOSS_TARGET_SHARE` of the starting debt (with its
 * standard error √(p(1−p)/n)), and the liquidations-at-risk curve.
 */
import { formatNumber } from "../../reports/format.js";
import { summarise } from "../../reports/stats.js";
import { canonical, renderSummaryJson } from "../../reports/summary.js";
import type { ColumnTable } from "../../reports/types.js";

/** Loss threshold of the headline probability: 0.1 % of the debt at the start. */
export const LOSS_TARGET_SHARE = 0.001;

const SUMMARISED = [
  "loss_usd",
  "bad_debt_usd",
  "shortfall_usd",
  "collateral_seized_usd",
  "liquidations",
  "skipped_share",
  "amplification",
  "reserve_drain_usd",
  "liquidator_profit_usd",
] as const;

export interface SystemicFacts {
  readonly manifest: Readonly<Record<string, unknown>>;
  readonly accounts: number;
  readonly debtUsd: number;
  readonly collateralUsd: number;
  readonly mainAsset: string;
  readonly quantiles: readonly number[];
}

export function systemicSummary(
  f: SystemicFacts,
  paths: ColumnTable,
  lar: ColumnTable,
): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const name of SUMMARISED) {
    const values = Float64Array.from(paths.columns[name] as ArrayLike<number>).filter(Number.isFinite);
    metrics[name] = summarise(values, f.quantiles);
  }
  const loss = paths.columns["loss_usd"] as Float64Array;
  const target = f.debtUsd * LOSS_TARGET_SHARE;
  const p = loss.filter((x) => x > target).length / Math.max(1, loss.length);
  metrics["p_loss_above_target"] = {
    targetShare: LOSS_TARGET_SHARE,
    targetUsd: target,
    p,
    stderr: Math.sqrt((p * (1 - p)) / Math.max(1, loss.length)),
  };
  return canonical(
    {
      kind: "systemic",
      manifest: f.manifest,
      population: {
        accounts: f.accounts,
        debtUsd: f.debtUsd,
        collateralUsd: f.collateralUsd,
        mainAsset: f.mainAsset,
      },
      metrics,
      lar: rowsOf(lar),
    },
    true,
  ) as Record<string, unknown>;
}

export function renderJson(summary: Record<string, unknown>): string {
  return renderSummaryJson(summary as never);
}

function rowsOf(t: ColumnTable): Record<string, number>[] {
  return Array.from({ length: t.length }, (_, i) => {
    const row: Record<string, number> = {};
    for (const [k, col] of Object.entries(t.columns)) row[k] = Number((col as ArrayLike<number>)[i]);
    return row;
  });
}

type Stat = { mean: number | null; quantiles: Record<string, number | null> };

export function systemicMarkdown(summary: Record<string, unknown>, f: SystemicFacts): string {
  const m = summary["metrics"] as Record<string, Stat>;
  const q = (s: Stat, p: string) => formatNumber(s.quantiles[p] ?? null);
  const row = (label: string, key: string) => {
    const s = m[key] as Stat;
    return `| ${label} | ${formatNumber(s.mean)} | ${q(s, "0.5")} | ${q(s, "0.95")} | ${q(s, "0.99")} |`;
  };
  const pl = m["p_loss_above_target"] as unknown as { p: number; stderr: number; targetUsd: number };
  const lar = summary["lar"] as Record<string, number>[];
  return [
    `# ${String(f.manifest["scenarioName"])} — systemic stress`,
    "",
    `${f.accounts} accounts, debt ${formatNumber(f.debtUsd)} USD, collateral ${formatNumber(f.collateralUsd)} USD; ${String(f.manifest["paths"])} paths; main asset ${f.mainAsset}.`,
    "",
    "| per path | mean | median | q95 | q99 |",
    "|---|---|---|---|---|",
    row("loss (bad debt + shortfall), USD", "loss_usd"),
    row("bad debt written off, USD", "bad_debt_usd"),
    row("collateral seized, USD", "collateral_seized_usd"),
    row("liquidations", "liquidations"),
    row("share skipped", "skipped_share"),
    row(`amplification (${f.mainAsset})`, "amplification"),
    row("reserve drained, USD", "reserve_drain_usd"),
    "",
    `P(loss > ${formatNumber(pl.targetUsd)} USD = 0.1 % of debt) = ${pct(pl.p)} ± ${pct(pl.stderr)}`,
    "",
    "## Liquidations at risk",
    "",
    "| drop | collateral liquidated, with feedback | without | loss with feedback | without | market drop |",
    "|---|---|---|---|---|---|",
    ...lar.map(
      (r) =>
        `| ${pct(r["drop"])} | ${formatNumber(r["collateral_liquidated_usd"])} | ${formatNumber(r["collateral_liquidated_no_feedback_usd"])} | ${formatNumber(r["loss_usd"])} | ${formatNumber(r["loss_no_feedback_usd"])} | ${pct(r["total_drop"])} |`,
    ),
    "",
  ].join("\n");
}

function pct(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(2)} %`;
}
