/**
 * Summary statistics of a PnL column: moments, empirical quantiles, Value-at-Risk and Expected
 * Shortfall. Every estimator is a fixed sequence of IEEE-754 operations on the sorted sample, and
 * every output is rounded to `SIGNIFICANT_DIGITS`, so equal inputs give byte-identical JSON on any
 * platform (Number#toPrecision is specified to round exactly).
 */

import { mean, quantileSorted, sampleStandardDeviation } from "simple-statistics";
import { InputError, InternalError } from "../engine/errors.js";

/** Significant digits kept in every reported statistic. */
export const SIGNIFICANT_DIGITS = 12;

/** Tolerance when turning n·p into a count, so that 100 · 0.05 counts 5 outcomes, not 6. */
const COUNT_EPSILON = 1e-9;

/** Statistics of one PnL sample; every figure is `null` when the sample is too small to define it. */
export interface PnlSummary {
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (divisor n − 1); null when n < 2. */
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Type-7 quantiles keyed by `String(p)`, ascending p. */
  readonly quantiles: Readonly<Record<string, number | null>>;
  readonly var95: number | null;
  readonly es95: number | null;
  readonly var99: number | null;
  readonly es99: number | null;
}

/** Value-at-Risk and Expected Shortfall at one confidence level, as positive losses. */
export interface TailRisk {
  readonly var: number;
  readonly es: number;
}

/**
 * Rounds to `digits` significant digits; -0 becomes 0 and non-finite values become null.
 * @example roundSig(1 / 3) // 0.333333333333
 */
export function roundSig(x: number, digits: number = SIGNIFICANT_DIGITS): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/** The JSON key of quantile p: `String(p)`, e.g. `"0.05"`. */
export function quantileKey(p: number): string {
  return String(p);
}

/**
 * Empirical quantile of a sorted sample, Hyndman–Fan type 7 (R's default, numpy's `linear`):
 * h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x.
 * @throws Error when the sample is empty or p ∉ [0, 1].
 * @example quantile7(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantile7(sorted: Float64Array, p: number): number {
  return quantileSorted(sorted as unknown as number[], p);
}

/**
 * Tail risk at tail probability `tail` = 1 − α (0.05 for 95 %) of a sorted, non-empty PnL sample:
 * VaR = −Q₇(tail), the loss not exceeded with probability α;
 * ES = −mean of the worst k = max(1, ⌈n·tail⌉) outcomes (n·tail taken with a 1e-9 tolerance).
 * @example tailRisk(Float64Array.from({ length: 100 }, (_, i) => i + 1), 0.05) // { var: -5.95, es: -3 }
 */
export function tailRisk(sorted: Float64Array, tail: number): TailRisk {
  const n = sorted.length;
  const k = Math.max(1, Math.ceil(n * tail - COUNT_EPSILON));
  const worst = Array.from(sorted.subarray(0, Math.min(k, n)));
  return { var: -quantile7(sorted, tail), es: -mean(worst) };
}

/**
 * Summarises a PnL column: n, mean, sample std (n − 1), min, max, type-7 quantiles at each p of
 * `quantiles` (sorted ascending, duplicates dropped), VaR/ES at 95 % and 99 % (see `tailRisk`).
 * The mean is simple-statistics' compensated (Kahan–Babuška) sum divided by n. All figures are
 * rounded with `roundSig`. An empty sample gives n = 0 and nulls.
 * @throws InputError when a value is not finite or a quantile lies outside [0, 1].
 */
export function summarise(values: Float64Array, quantiles: readonly number[]): PnlSummary {
  const ps = checkQuantiles(quantiles);
  const sorted = sortedFinite(values);
  const n = sorted.length;
  const q: Record<string, number | null> = {};
  for (const p of ps) q[quantileKey(p)] = n > 0 ? roundSig(quantile7(sorted, p)) : null;
  if (n === 0) {
    const none = { mean: null, std: null, min: null, max: null };
    return { n, ...none, quantiles: q, var95: null, es95: null, var99: null, es99: null };
  }
  const plain = Array.from(values);
  const r95 = tailRisk(sorted, 0.05);
  const r99 = tailRisk(sorted, 0.01);
  return {
    n,
    mean: roundSig(mean(plain)),
    std: n > 1 ? roundSig(sampleStandardDeviation(plain)) : null,
    min: roundSig(sorted[0] as number),
    max: roundSig(sorted[n - 1] as number),
    quantiles: q,
    var95: roundSig(r95.var),
    es95: roundSig(r95.es),
    var99: roundSig(r99.var),
    es99: roundSig(r99.es),
  };
}

export function checkQuantiles(quantiles: readonly number[]): number[] {
  const bad = quantiles.filter((p) => !(p >= 0 && p <= 1));
  if (bad.length > 0) {
    const issues = bad.map((p) => ({
      code: "out_of_range",
      path: "report.quantiles",
      message: `quantile ${String(p)} is not a probability; allowed: numbers in [0, 1]`,
    }));
    throw new InputError(issues);
  }
  return [...new Set(quantiles)].sort((a, b) => a - b);
}

/** Ascending copy of a PnL column. @throws InternalError on a non-finite value (an engine bug). */
export function sortedFinite(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n > 0 && !(Number.isFinite(sorted[0] as number) && Number.isFinite(sorted[n - 1] as number))) {
    // The engine produced a non-finite PnL from a validated scenario: a bug, not bad input.
    throw new InternalError("paths.pnl holds NaN or an infinite value; a PnL must be finite");
  }
  return sorted;
}
