/**
 * Turns the engine's run output into the results store's tables (reports/types.ts) and the
 * manifest every run folder carries (STYLE 14: every result says how to reproduce it).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVENT_TYPE_NAMES } from "../engine/events.js";
import type { RunOutput } from "../engine/sim/run.js";
import { SERIES_COLUMNS } from "../engine/sim/series.js";
import { quantile7, quantileKey } from "../reports/stats.js";
import type { ColumnTable, DataRange, RunResults } from "../reports/types.js";
import type { Scenario } from "../scenarios/schema/types.js";
import { PACKAGE_ROOT } from "./paths.js";

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version;

/** SHA-256 of the normalised scenario (defaults filled, stable key order), hex. */
export function scenarioHash(s: Scenario): string {
  return createHash("sha256").update(JSON.stringify(s.normalised)).digest("hex");
}

export interface ManifestExtras {
  readonly seed: number;
  readonly paths: number;
  readonly scenarioFile: string;
  readonly dataRange?: DataRange;
}

export function toResults(s: Scenario, out: RunOutput, extras: ManifestExtras): RunResults {
  const n = out.to - out.from;
  const pathIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) pathIndex[i] = out.from + i;
  const paths: ColumnTable = { columns: { path: pathIndex, ...out.metrics.columns }, length: n };
  const ev = out.events;
  const events: ColumnTable = {
    columns: {
      timeMs: ev.timeMs,
      path: Int32Array.from(ev.path),
      type: ev.type.map((t) => EVENT_TYPE_NAMES[t] as string),
      account: ev.account,
      asset: ev.asset,
      size: ev.size,
      price: ev.price,
      bonus: ev.bonus,
      shortfall: ev.shortfall,
      detail: ev.detail,
    },
    length: ev.length,
  };
  const se = out.series;
  const seriesCols: Record<string, number[] | Int32Array> = {
    path: Int32Array.from(se.path),
    timeMs: se.timeMs,
  };
  for (const c of SERIES_COLUMNS) seriesCols[c] = se.values[c];
  const counts: Record<string, number> = {};
  EVENT_TYPE_NAMES.forEach((name, i) => {
    counts[name] = ev.counts[i] as number;
  });
  return {
    manifest: {
      version: VERSION,
      scenarioName: s.name,
      scenarioHash: scenarioHash(s),
      seed: extras.seed,
      paths: extras.paths,
      ...(extras.dataRange ? { dataRange: extras.dataRange } : {}),
      scenarioFile: extras.scenarioFile,
      assets: s.market.assetNames,
      steps: out.steps,
    },
    paths,
    events,
    series: { columns: seriesCols, length: se.length },
    metrics: {
      eventCounts: counts,
      ledgerPostings: out.postings,
      liquidations: liquidationMetrics(out, s.report.quantiles),
    },
  };
}

/**
 * Risk-team figures over paths: probability of liquidation (≥ 1 liquidation of the trader's
 * accounts), expected collateral lost and penalty given liquidation, time to first liquidation,
 * and bad debt (probability, mean, quantiles by the type-7 estimator of reports/stats).
 */
export function liquidationMetrics(out: RunOutput, quantiles: readonly number[]): Record<string, unknown> {
  const c = out.metrics.columns;
  const n = out.to - out.from;
  const hit: number[] = [];
  for (let i = 0; i < n; i++) if ((c.liquidations[i] as number) > 0) hit.push(i);
  const meanOver = (col: Float64Array, rows: number[]) =>
    rows.length === 0 ? null : rows.reduce((sum, i) => sum + (col[i] as number), 0) / rows.length;
  const sortedDebt = Float64Array.from(c.badDebt).sort();
  const withDebt = sortedDebt.filter((x) => x > 0).length;
  return {
    probabilityOfLiquidation: n === 0 ? null : hit.length / n,
    liquidatedPaths: hit.length,
    expectedCollateralLostGivenLiquidation: meanOver(c.collateralLost, hit),
    expectedPenaltyGivenLiquidation: meanOver(c.liquidationPenalty, hit),
    meanTimeToFirstLiquidationMs: meanOver(c.timeToFirstLiquidation, hit),
    badDebt: {
      probability: n === 0 ? null : withDebt / n,
      mean: n === 0 ? null : sortedDebt.reduce((a, b) => a + b, 0) / n,
      quantiles: Object.fromEntries(
        quantiles.map((q) => [quantileKey(q), n === 0 ? null : quantile7(sortedDebt, q)]),
      ),
    },
  };
}
