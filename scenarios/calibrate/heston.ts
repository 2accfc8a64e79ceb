/**
 * Heston by moment matching on realised variance (method of moments; in the spirit of Bollerslev &
 * Zhou, J. Econometrics 109, 2002, who match moments of integrated variance). Steps:
 *
 * 1. Split demeaned log returns into blocks of m steps (one day when the data step divides it,
 *    at least 5 steps); realised variance per block RV_j = Σ e²/(m·Δt) (annualised), block length
 *    T_b = m·Δt. E[RV_j] = E[v] = θ, so θ̂ = mean(RV).
 * 2. RV_j = v̄_j + noise, the noise independent across blocks, so autocovariances at lags k ≥ 1 see
 *    only v̄. For block means of the (CIR, hence OU-like) variance with stationary variance V and
 *    x = κT_b:   c_k = V·(1 − e^{−x})²/x²·e^{−(k−1)x}.
 *    A least-squares line through log c_k, k = 1 … L (L: where c_k has decayed to e^{−2}c_1, at most
 *    a tenth of the blocks) gives x̂ = −slope, V̂ from the intercept, κ̂ = x̂/T_b. Demeaning biases
 *    every c_k down by Var(sample mean) ≈ 2V/(κT) (T the sample length); the fit is repeated twice
 *    with that bias added back.
 * 3. The CIR stationary variance is θξ²/(2κ), so ξ̂ = √(2κ̂V̂/θ̂).
 * 4. Leverage: a price shock in block j moves the variance of later blocks, so
 *    Cov(R_j, RV_{j+h}) ≈ ρξθ·T_b·e^{−κ(h−½)T_b} (R_j the block's return; first order in T_b).
 *    Summing h = 1 … H (H ≈ one mean-reversion time, 1 to 20 blocks) and dividing by the same sum of
 *    the right-hand side gives ρ̂, clipped to ±0.99.
 * 5. v₀ = mean RV of the last 7 blocks (current conditions); drift μ̂ = mean(r)/Δt + θ̂/2.
 *
 * Limits: no likelihood (none is reported). κ is weakly identified unless the sample spans many
 * half-lives; ρ̂ is noisy (realised variance is a noisy proxy of v); jumps and intraday seasonality
 * inflate θ̂ and ξ̂. On 3 years of hourly Heston paths (κ = 10, θ = 0.5, ξ = 1.2, ρ = −0.5) the tests
 * see θ̂ within ≈ 15 %, κ̂ and ξ̂ within a factor ≈ 1.6 and ρ̂ with the right sign. Treat the fit as a
 * starting point, not an estimate with known precision.
 */
import { MS_PER_DAY } from "../../engine/units.js";
import { logReturnsOf, meanVar, stepYears } from "./returns.js";
import type { Calibration } from "./types.js";

/** Autocovariance of `x` at lag k (÷n, the usual biased estimator). */
function acov(x: Float64Array, mean: number, k: number): number {
  let s = 0;
  for (let i = k; i < x.length; i++) s += ((x[i] as number) - mean) * ((x[i - k] as number) - mean);
  return s / x.length;
}

interface Decay {
  /** κT_b. */
  readonly x: number;
  /** Stationary variance V of v. */
  readonly v: number;
  readonly lags: number;
}

/** Least-squares slope and intercept of y on k. */
function line(ks: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const km = ks.reduce((a, b) => a + b, 0) / ks.length;
  const ym = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  ks.forEach((k, i) => {
    sxy += (k - km) * ((ys[i] as number) - ym);
    sxx += (k - km) ** 2;
  });
  return { slope: sxy / sxx, intercept: ym - (sxy / sxx) * km };
}

/** Fits log(c_k + bias) = c − (k − 1)x over the decaying lags (step 2). */
function decayFit(c: readonly number[], bias: number): Decay {
  const c1 = (c[0] as number) + bias;
  const ks: number[] = [];
  const ys: number[] = [];
  for (let k = 1; k <= c.length; k++) {
    const ck = (c[k - 1] as number) + bias;
    if (!(ck > 0) || (k > 2 && ck < c1 * Math.exp(-2))) break;
    ks.push(k - 1);
    ys.push(Math.log(ck));
  }
  if (ks.length < 2) return { x: Number.NaN, v: Number.NaN, lags: ks.length };
  const { slope, intercept } = line(ks, ys);
  const x = -slope;
  return { x, v: (Math.exp(intercept) * x * x) / (1 - Math.exp(-x)) ** 2, lags: ks.length };
}

function fitDecay(rv: Float64Array, theta: number): Decay {
  const maxLag = Math.max(2, Math.floor(rv.length / 10));
  const c = Array.from({ length: maxLag }, (_, i) => acov(rv, theta, i + 1));
  let fit = decayFit(c, 0);
  for (let it = 0; it < 2 && fit.x > 0; it++) {
    const xT = fit.x * rv.length;
    const next = decayFit(c, (2 * fit.v * (xT - 1 + Math.exp(-xT))) / (xT * xT));
    if (next.x > 0) fit = next;
  }
  return fit;
}

function blocksOf(e: Float64Array, m: number, dt: number): { rv: Float64Array; ret: Float64Array } {
  const nb = Math.floor(e.length / m);
  const rv = new Float64Array(nb);
  const ret = new Float64Array(nb);
  for (let j = 0; j < nb; j++) {
    for (let i = j * m; i < (j + 1) * m; i++) {
      rv[j] = (rv[j] as number) + (e[i] as number) ** 2;
      ret[j] = (ret[j] as number) + (e[i] as number);
    }
    rv[j] = (rv[j] as number) / (m * dt);
  }
  return { rv, ret };
}

/** Step 4: ρ̂ from the covariance of block returns with later realised variance. */
function leverage(ret: Float64Array, rv: Float64Array, x: number, xiTheta: number, tb: number): number {
  const h = Math.max(1, Math.min(20, Math.round(1 / x)));
  const n = rv.length - h;
  const rm = meanVar(ret.subarray(0, n)).mean;
  const vm = meanVar(rv).mean;
  let cov = 0;
  let weight = 0;
  for (let k = 1; k <= h; k++) {
    for (let j = 0; j < n; j++) cov += ((ret[j] as number) - rm) * ((rv[j + k] as number) - vm);
    weight += Math.exp(-x * (k - 0.5));
  }
  const rho = cov / n / (xiTheta * tb * weight);
  return Number.isFinite(rho) ? Math.max(-0.99, Math.min(0.99, rho)) : 0;
}

export function calibrateHeston(prices: Float64Array, stepMs: number, timesMs?: Float64Array): Calibration {
  const m = Math.max(5, Math.round(MS_PER_DAY / stepMs));
  const r = logReturnsOf(prices, stepMs, 20 * m, "heston", timesMs);
  const dt = stepYears(stepMs);
  const tb = m * dt;
  const { mean } = meanVar(r);
  const { rv, ret } = blocksOf(
    r.map((x) => x - mean),
    m,
    dt,
  );
  const { mean: theta, variance: varRv } = meanVar(rv);
  const notes: string[] = ["moment matching on realised variance: no likelihood; kappa is weakly identified"];
  let { x, v, lags } = fitDecay(rv, theta);
  if (!(x > 0)) {
    // Fallback: reversion within one block (x = 1); Var(v̄) = 2V(x − 1 + e^{−x})/x² = 2V/e, and
    // Var(v̄) ≈ Var(RV) − 2E[RV²]/(m + 2) (normal returns within a block).
    notes.push("realised variance shows no decaying autocorrelation; kappa set to one block's reversion");
    x = 1;
    v = (Math.max(varRv - (2 * (varRv + theta * theta)) / (m + 2), 1e-12) * Math.E) / 2;
    lags = 0;
  }
  const kappa = x / tb;
  const xi = Math.sqrt((2 * kappa * v) / theta);
  if (2 * kappa * theta < xi * xi)
    notes.push("Feller condition 2κθ ≥ ξ² fails: the variance often touches zero");
  return {
    model: "heston",
    params: {
      spot: prices[prices.length - 1] as number,
      drift: mean / dt + theta / 2,
      v0: meanVar(rv.subarray(Math.max(0, rv.length - 7))).mean,
      kappa,
      theta,
      xi,
      rho: leverage(ret, rv, x, xi * theta, tb),
    },
    n: r.length,
    extra: { blockSteps: m, blocks: rv.length, lagsFitted: lags, stationaryVariance: v },
    notes,
  };
}
