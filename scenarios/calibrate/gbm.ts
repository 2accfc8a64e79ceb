/**
 * GBM by maximum likelihood. Log returns of GBM are i.i.d. N(a, s²) with a = (μ − σ²/2)Δt and
 * s² = σ²Δt, so the MLE is the sample mean and the population variance (÷n) of the log returns:
 *
 *   σ̂² = s²/Δt,   μ̂ = a/Δt + σ̂²/2,   log L = −n/2·(log 2π + log s² + 1).
 *
 * Standard errors (Fisher information): se(σ̂) ≈ σ̂/√(2n), se(μ̂) ≈ σ̂/√T with T = nΔt years —
 * the drift of a volatile asset is barely identified from a few years of data.
 */
import { LOG_2PI, logReturnsOf, meanVar, stepYears } from "./returns.js";
import type { Calibration } from "./types.js";

export function calibrateGbm(prices: Float64Array, stepMs: number, timesMs?: Float64Array): Calibration {
  const r = logReturnsOf(prices, stepMs, 2, "gbm", timesMs);
  return gbmFromReturns(r, stepMs, prices[prices.length - 1] as number);
}

export function gbmFromReturns(r: Float64Array, stepMs: number, spot: number): Calibration {
  const dt = stepYears(stepMs);
  const n = r.length;
  const { mean, variance } = meanVar(r);
  const vol = Math.sqrt(variance / dt);
  const drift = mean / dt + (vol * vol) / 2;
  return {
    model: "gbm",
    params: { spot, drift, vol },
    logLikelihood: (-n / 2) * (LOG_2PI + Math.log(variance) + 1),
    n,
    extra: { volSe: vol / Math.sqrt(2 * n), driftSe: vol / Math.sqrt(n * dt) },
    notes: [],
  };
}
