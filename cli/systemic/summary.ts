/**
 * `summary.json` and `report.md` of a systemic run, computed from the tables alone (so they can be
 * rebuilt from the folder): per-path metrics summarised over paths (mean, std, type-7 quantiles),
 * the probabilities that the loss (`p_loss_above_target`) and the bad debt written off
 * (`p_bad_debt_above_target`) exceed a share of the starting debt (`recommend.target`, default
 * 0.1 %), and the liquidations-at-risk curve.
 *
 * Each probability is `{ targetShare, targetUsd, paths, exceeding, sampled, probability }`:
 * `exceeding` of `paths` paths above `targetUsd`; `probability` = exceeding / paths with its
 * standard error √(p(1−p)/n) and 95 % Wilson interval (reports/estimators.ts). `sampled` is 1 when
 * the paths are Monte-Carlo draws and 0 when every path has the same prices (a replay without a
 * model): the probability is then exact (0 or 1), its standard error 0 and its interval the point.
 */
import { wilson } from "../../reports/estimators.js";
import { formatNumber } from "../../reports/format.js";
import { summarise } from "../../reports/stats.js";
import { canonical, renderSummaryJson } from "../../reports/summary.js";
import type { ColumnTable } from "../../reports/types.js";

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
  /** Threshold of the exceedance probabilities, as a share of `debtUsd`. */
  readonly targetShare: number;
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
  const sampled = f.manifest["randomPaths"] !== false;
  metrics["p_loss_above_target"] = exceedance(paths.columns["loss_usd"] as Float64Array, f, sampled);
  metrics["p_bad_debt_above_target"] = exceedance(paths.columns["bad_debt_usd"] as Float64Array, f, sampled);
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

/** P(x > target share × debt) over the paths, with its uncertainty (see the module comment). */
function exceedance(x: Float64Array, f: SystemicFacts, sampled: boolean): Record<string, unknown> {
  const targetUsd = f.debtUsd * f.targetShare;
  const n = x.length;
  const k = x.filter((v) => v > targetUsd).length;
  const w = wilson(k, n);
  const p = w.value;
  const se = p === null ? null : sampled ? Math.sqrt((p * (1 - p)) / n) : 0;
  return {
    targetShare: f.targetShare,
    targetUsd,
    paths: n,
    exceeding: k,
    sampled: sampled ? 1 : 0,
    probability: sampled ? { ...w, se } : { value: p, se, lower: p, upper: p },
  };
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
  const pl = m["p_loss_above_target"] as unknown as Exceedance;
  const pb = m["p_bad_debt_above_target"] as unknown as Exceedance;
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
    `P(loss > ${formatNumber(pl.targetUsd)} USD = ${pct(f.targetShare)} of debt) = ${probabilityText(pl)}`,
    "",
    `P(bad debt > ${formatNumber(pb.targetUsd)} USD) = ${probabilityText(pb)}`,
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

interface Exceedance {
  readonly targetUsd: number;
  readonly sampled: number;
  readonly probability: { value: number | null; lower: number | null; upper: number | null };
}

function probabilityText(e: Exceedance): string {
  const p = e.probability;
  if (p.value === null) return "–";
  if (e.sampled === 0) return `${pct(p.value)} (every path the same: exact)`;
  return `${pct(p.value)} [95 % ${pct(p.lower ?? undefined)}, ${pct(p.upper ?? undefined)}]`;
}

function pct(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(2)} %`;
}
