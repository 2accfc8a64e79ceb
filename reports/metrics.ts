/**
 * The run's metrics with their uncertainty, computed from `paths` (one row per path) alone, so
 * that `ballast report`, `merge` and the run itself give the same summary.json. Estimators and
 * their intervals: reports/estimators.ts. Formulas (r = pnl / startEquity, the path's return):
 * - hedge error = std(pnl) / mean(premium) (bootstrap SE and interval); null without options;
 * - Sharpe = mean(r) / std(r) over the horizon, SE √((1 + SR²/2)/n) (Lo 2002, iid returns);
 * - Sortino = mean(r) / √(mean(min(r, 0)²)) (bootstrap); both null unless every startEquity > 0;
 * - turnover = mean(tradedNotional / startEquity); capital efficiency = mean(pnl / peakCapitalCommitted);
 * - P(liquidation) = share of paths with ≥ 1 liquidation (Wilson); figures "given liquidation"
 *   are means over those paths; P(bad debt) = share of paths with badDebt > 0 (Wilson).
 */
import {
  bootstrap,
  meanSe,
  quantileInterval,
  type WithInterval,
  type WithSe,
  weightedEs,
  weightedMean,
  weightedStd,
  wilson,
} from "./estimators.js";
import { quantileKey, sortedFinite, tailRisk } from "./stats.js";

/** Per-path columns as numbers (NULL → NaN). */
export type PathColumns = Readonly<Record<string, Float64Array>>;

type Est = WithSe | WithInterval | (WithSe & WithInterval);

/** Mean of `col` (SE), over the rows where `keep` holds when given. */
function meanOf(col: Float64Array | undefined, keep?: (i: number) => boolean): WithSe {
  if (col === undefined) return { value: null, se: null };
  const x = keep === undefined ? col : col.filter((_, i) => keep(i));
  const m = meanSe(x);
  return { value: m.value, se: m.se };
}

function ratio(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => ((b[i] as number) > 0 ? v / (b[i] as number) : Number.NaN));
}

/** The PnL block: n, mean (SE), std, min, max, quantiles, VaR and ES at 95 % and 99 %. */
export function pnlMetrics(
  pnl: Float64Array,
  quantiles: readonly number[],
  seed: number,
): Record<string, unknown> {
  const sorted = sortedFinite(pnl);
  const n = sorted.length;
  const q: Record<string, WithInterval> = {};
  for (const p of quantiles) q[quantileKey(p)] = quantileInterval(sorted, p);
  const tail = (t: number) => {
    if (n === 0)
      return {
        var: { value: null, lower: null, upper: null },
        es: { value: null, lower: null, upper: null },
      };
    const qi = quantileInterval(sorted, t);
    const es = bootstrap(n, seed, (c) => weightedEs(sorted, c, t));
    return {
      var: { value: -(qi.value as number), lower: -(qi.upper as number), upper: -(qi.lower as number) },
      es: { value: tailRisk(sorted, t).es, lower: es.lower, upper: es.upper, se: es.se },
    };
  };
  const t95 = tail(0.05);
  const t99 = tail(0.01);
  return {
    n,
    mean: meanOf(pnl),
    std: n > 1 ? weightedStd(pnl, null) : null,
    min: n > 0 ? sorted[0] : null,
    max: n > 0 ? sorted[n - 1] : null,
    quantiles: q,
    var95: t95.var,
    es95: t95.es,
    var99: t99.var,
    es99: t99.es,
  };
}

/** Hedge error, Sharpe, Sortino, drawdown, turnover, margin and capital efficiency. */
export function riskMetrics(c: PathColumns, seed: number): Record<string, Est> {
  const pnl = c["pnl"] ?? new Float64Array(0);
  const n = pnl.length;
  const out: Record<string, Est> = {};
  const premium = meanSe(c["premium"] ?? []).value;
  if (premium !== null && premium > 0 && n > 1) {
    const b = bootstrap(n, seed, (w) => weightedStd(pnl, w) / premium);
    out["hedgeError"] = { value: weightedStd(pnl, null) / premium, se: b.se, lower: b.lower, upper: b.upper };
  }
  const start = c["startEquity"];
  if (start !== undefined && n > 1 && start.every((v) => v > 0)) {
    const r = ratio(pnl, start);
    const sd = weightedStd(r, null);
    if (sd > 0) {
      const sr = weightedMean(r, null) / sd;
      out["sharpe"] = { value: sr, se: Math.sqrt((1 + (sr * sr) / 2) / n) };
      const sortino = (w: Int32Array | null) => {
        let down = 0;
        let wsum = 0;
        for (let i = 0; i < n; i++) {
          const k = w === null ? 1 : (w[i] as number);
          wsum += k;
          down += k * Math.min(r[i] as number, 0) ** 2;
        }
        return down > 0 ? weightedMean(r, w) / Math.sqrt(down / wsum) : Number.NaN;
      };
      const s0 = sortino(null);
      if (Number.isFinite(s0)) out["sortino"] = { value: s0, ...bootstrap(n, seed, sortino) };
    }
    out["turnover"] = meanOf(ratio(c["tradedNotional"] ?? new Float64Array(n), start));
  }
  out["maxDrawdown"] = meanOf(c["maxDrawdown"]);
  out["peakMarginUtilisation"] = meanOf(c["peakMarginUtilisation"]);
  const peak = c["peakCapitalCommitted"];
  if (peak?.some((v) => v > 0)) out["capitalEfficiency"] = meanOf(ratio(pnl, peak));
  return out;
}

const COSTS = [
  "fees",
  "slippage",
  "gas",
  "funding",
  "hedgeCost",
  "tradedNotional",
  "perpLiquidationFees",
  "optionsLiquidationPenalty",
  "liquidationBonus",
];
const ATTRIBUTION = ["pnlDelta", "pnlGamma", "pnlTheta", "pnlVega", "pnlFunding", "pnlCosts", "pnlResidual"];
const GIVEN_LIQUIDATION = [
  "firstLiquidationHours",
  "perpMarginLost",
  "perpLiquidationFees",
  "optionsLiquidationPenalty",
  "collateralSeized",
  "liquidationBonus",
  "insuranceDraw",
];

/** Mean cost per path (SE). */
export function costMetrics(c: PathColumns): Record<string, WithSe> {
  return Object.fromEntries(COSTS.filter((k) => c[k] !== undefined).map((k) => [k, meanOf(c[k])]));
}

/** Mean PnL attribution per path (SE). */
export function attributionMetrics(c: PathColumns): Record<string, WithSe> {
  return Object.fromEntries(ATTRIBUTION.filter((k) => c[k] !== undefined).map((k) => [k, meanOf(c[k])]));
}

/** P(liquidation) (Wilson), figures given liquidation (mean, SE), bad debt. */
export function liquidationMetrics(c: PathColumns): Record<string, unknown> {
  const liq = c["liquidations"] ?? new Float64Array(0);
  const n = liq.length;
  const hit = (i: number) => (liq[i] as number) > 0;
  const k = liq.filter((v) => v > 0).length;
  const given: Record<string, WithSe> = {};
  for (const name of GIVEN_LIQUIDATION) if (c[name] !== undefined) given[name] = meanOf(c[name], hit);
  const debt = c["badDebt"] ?? new Float64Array(n);
  return {
    probability: wilson(k, n),
    liquidatedPaths: k,
    givenLiquidation: given,
    badDebt: { probability: wilson(debt.filter((v) => v > 0).length, n), mean: meanOf(debt) },
  };
}
