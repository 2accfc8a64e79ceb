/** Log returns of a price series, with the input checks every calibrator needs. */
import { InputError } from "../../engine/errors.js";
import { MS_PER_YEAR } from "../../engine/units.js";

/**
 * log(p_i / p_{i−1}) for i = 1 … n−1, each a return over one step `stepMs`. With `timesMs`, a
 * return between bars not exactly one step apart (across a gap in the data) is left out, so every
 * return kept has the variance of one step.
 * @throws InputError when a price is not finite and positive, the step is not positive, or there
 *   are fewer than `minReturns` returns.
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
    if (!(p > 0 && Number.isFinite(p)))
      throw problem(`price at row ${i} is ${p}; allowed: a finite number > 0`);
    if (i === 0) continue;
    if (timesMs !== undefined && (timesMs[i] as number) - (timesMs[i - 1] as number) !== stepMs) continue;
    r[n++] = Math.log(p / (prices[i - 1] as number));
  }
  if (n < minReturns)
    throw problem(`found ${n} one-step returns; allowed: at least ${minReturns} for this model`);
  return n === r.length ? r : r.slice(0, n);
}

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
