/**
 * The tables of a systemic run (README "Systemic stress: output tables"), as columns:
 * - `paths`: one row per path, the cascade's totals;
 * - `assets`: one row per (path, asset): exogenous drop, drop with the sales' impact, amplification,
 *   units sold and their proceeds, bad debt by debt asset, loss attributed to the collateral asset;
 * - `profile`: one row per (path, time bucket): liquidations, collateral seized, bad debt;
 * - `lar`: the liquidations-at-risk curve, with and without feedback.
 * Amounts in the quote currency; NaN (no exogenous drop) is written as NULL.
 */
import type { LarPoint } from "../../engine/systemic/lar.js";
import { amplification, type PathOutcome } from "../../engine/systemic/outcome.js";
import type { ColumnTable } from "../../reports/types.js";

export function pathsTable(outs: readonly PathOutcome[], from: number, main: number): ColumnTable {
  const col = (f: (o: PathOutcome) => number) => Float64Array.from(outs, f);
  const int = (f: (o: PathOutcome) => number) => Int32Array.from(outs, f);
  return {
    length: outs.length,
    columns: {
      path: Int32Array.from(outs, (_, i) => from + i),
      liquidations: int((o) => o.liquidations),
      skipped: int((o) => o.skipped),
      skipped_checks: int((o) => o.skippedChecks),
      skipped_share: col((o) => skippedShare(o)),
      accounts_liquidated: int((o) => o.accountsLiquidated),
      insolvent_at_start: int((o) => o.insolventAtStart),
      bad_debt_usd: col((o) => o.badDebt),
      shortfall_usd: col((o) => o.shortfall),
      loss_usd: col((o) => o.badDebt + o.perpBadDebt + o.shortfall),
      debt_repaid_usd: col((o) => o.debtRepaid),
      collateral_seized_usd: col((o) => o.collateralSeized),
      liquidator_profit_usd: col((o) => o.liquidatorProfit),
      gas_usd: col((o) => o.gasPaid),
      incentives_usd: col((o) => o.incentives),
      protocol_fees_usd: col((o) => o.protocolFees),
      reserve_drain_usd: col((o) => o.reserveDrain),
      exo_drop: col((o) => 1 - (o.exoLow[main] as number)),
      total_drop: col((o) => 1 - (o.marketLow[main] as number)),
      amplification: col((o) => amplification(o, main)),
    },
  };
}

export function skippedShare(o: PathOutcome): number {
  const n = o.skipped + o.accountsLiquidated;
  return n === 0 ? 0 : o.skipped / n;
}

export function assetsTable(
  outs: readonly PathOutcome[],
  from: number,
  assets: readonly string[],
): ColumnTable {
  const rows = outs.flatMap((o, i) => assets.map((name, k) => ({ o, path: from + i, name, k })));
  const col = (f: (o: PathOutcome, k: number) => number) => Float64Array.from(rows, (r) => f(r.o, r.k));
  return {
    length: rows.length,
    columns: {
      path: Int32Array.from(rows, (r) => r.path),
      asset: rows.map((r) => r.name),
      exo_drop: col((o, k) => 1 - (o.exoLow[k] as number)),
      total_drop: col((o, k) => 1 - (o.marketLow[k] as number)),
      impact_drop: col((o, k) => (o.exoLow[k] as number) - (o.marketLow[k] as number)),
      amplification: col((o, k) => amplification(o, k)),
      sold_units: col((o, k) => o.soldUnits[k] as number),
      proceeds_usd: col((o, k) => o.proceeds[k] as number),
      bad_debt_usd: col((o, k) => o.badDebtByDebtAsset[k] as number),
      loss_usd: col((o, k) => o.lossByCollAsset[k] as number),
    },
  };
}

export function profileTable(
  outs: readonly PathOutcome[],
  from: number,
  startMs: number,
  bucketMs: number,
): ColumnTable {
  const nb = outs[0]?.profileCount.length ?? 0;
  const rows = outs.flatMap((o, i) => Array.from({ length: nb }, (_, b) => ({ o, path: from + i, b })));
  return {
    length: rows.length,
    columns: {
      path: Int32Array.from(rows, (r) => r.path),
      time_ms: Float64Array.from(rows, (r) => startMs + r.b * bucketMs),
      liquidations: Int32Array.from(rows, (r) => r.o.profileCount[r.b] as number),
      collateral_seized_usd: Float64Array.from(rows, (r) => r.o.profileSeized[r.b] as number),
      bad_debt_usd: Float64Array.from(rows, (r) => r.o.profileBadDebt[r.b] as number),
    },
  };
}

export function larTable(points: readonly LarPoint[]): ColumnTable {
  const col = (f: (p: LarPoint) => number) => Float64Array.from(points, f);
  return {
    length: points.length,
    columns: {
      drop: col((p) => p.drop),
      collateral_liquidated_usd: col((p) => p.seizedFeedback),
      collateral_liquidated_no_feedback_usd: col((p) => p.seizedNoFeedback),
      loss_usd: col((p) => p.badDebtFeedback),
      loss_no_feedback_usd: col((p) => p.badDebtNoFeedback),
      liquidations: Int32Array.from(points, (p) => p.liquidationsFeedback),
      liquidations_no_feedback: Int32Array.from(points, (p) => p.liquidationsNoFeedback),
      total_drop: col((p) => p.marketDropFeedback),
      amplification: col((p) => (p.drop > 0 ? p.marketDropFeedback / p.drop : Number.NaN)),
    },
  };
}
