/** Log returns of a price series, with the input checks every calibrator needs. */
import { InputError } from "../../engine/errors.js";
import { MS_PER_YEAR } from "../../engine/units.js";

/**
 * log(p_i / p_{i−1}) for i = 1 … n−1, each a return over one step `stepMs`. With `timesMs`, a
 * return between bars not exactly one step apart (across a gap in the data) is left out, so every
 * return kept has the variance of one step.
 * @throws InputError when a price is not finite and positive or is subnormal (below
 *   2.2e-308, where ratios overflow or lose their digits), the step is not positive, there are fewer
 *   than `minReturns` returns, or every return is 0 (a constant series: nothing to fit).
 */
export function logReturnsOf(
  prices: Float64Array,
  stepMs: number,
  minReturns: number,
  what: string,
  timesMs?: Float64Array,
): Float64Array {
  const problem = (message: string) => new InputError([{ code: "bad_data", path: what, message }]);
  if (!(stepMs > 0)) throw problem(`step is ${stepMs} ms; allowed: a positive number of milliseconds`);
  if (prices.length - 1 < minReturns) {
    throw problem(
      `found ${Math.max(0, prices.length - 1)} returns; allowed: at least ${minReturns} for this model`,
    );
  }
  const r = new Float64Array(prices.length - 1);
  let n = 0;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as number;
    if (!(p >= MIN_NORMAL && Number.isFinite(p)))
      throw problem(`price at row ${i} is ${p}; allowed: a finite number ≥ ${MIN_NORMAL} (not subnormal)`);
    if (i === 0) continue;
    if (timesMs !== undefined && (timesMs[i] as number) - (timesMs[i - 1] as number) !== stepMs) continue;
    const x = Math.log(p / (prices[i - 1] as number));
    if (!Number.isFinite(x))
      throw problem(
        `the return from row ${i - 1} to row ${i} is ${x}; allowed: prices whose ratio is finite`,
      );
    r[n++] = x;
  }
  if (n < minReturns)
    throw problem(`found ${n} one-step returns; allowed: at least ${minReturns} for this model`);
  if (r.subarray(0, n).every((x) => x === 0))
    throw problem(
      `every one of the ${n} one-step returns is 0 (a constant series); allowed: prices that move`,
    );
  return n === r.length ? r : r.slice(0, n);
}

/** The smallest positive normal double: below it, prices lose precision and ratios overflow. */
const MIN_NORMAL = 2 ** -1022;

/** Δt of one step in years (ACT/365). */
export function stepYears(stepMs: number): number {
  return stepMs / MS_PER_YEAR;
}

/** Mean and population variance (divide by n: the Gaussian MLE). */
export function meanVar(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  const mean = s / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += ((xs[i] as number) - mean) ** 2;
  return { mean, variance: ss / xs.length };
}

export const LOG_2PI = Math.log(2 * Math.PI);
