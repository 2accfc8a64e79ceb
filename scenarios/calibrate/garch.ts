/**
 * GARCH(1,1) by Gaussian quasi-maximum likelihood (Bollerslev 1986; QMLE consistency under
 * non-normal innovations: Bollerslev & Wooldridge 1992). On demeaned log returns ε_t:
 *
 *   h_1 = sample variance,   h_{t+1} = ω + α ε_t² + β h_t,
 *   log L = −½ Σ (log 2π + log h_t + ε_t²/h_t).
 *
 * Constraints ω > 0, α, β ≥ 0, α + β < 1 hold by construction: the search runs over
 * (log ω, logit p, logit q) with α + β = p·(1 − 1e-6) and α = p·q. The result is written with the
 * long-run annual vol σ_L = √(ω/(1 − α − β)/Δt), the garch model's `vol` parameter; α and β are per
 * step of the data, so use the fit on a scenario clock with the same step.
 */
import { nelderMead } from "./nelder-mead.js";
import { LOG_2PI, logReturnsOf, meanVar, stepYears } from "./returns.js";
import type { Calibration } from "./types.js";

/** Gaussian log-likelihood of demeaned returns `e` under GARCH(1,1) (ω, α, β), h₁ = `h1`. */
export function garchLogLikelihood(
  e: Float64Array,
  omega: number,
  alpha: number,
  beta: number,
  h1: number,
): number {
  let h = h1;
  let ll = 0;
  for (let i = 0; i < e.length; i++) {
    const x = e[i] as number;
    ll -= 0.5 * (LOG_2PI + Math.log(h) + (x * x) / h);
    h = omega + alpha * x * x + beta * h;
  }
  return ll;
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

function unpack(x: readonly number[]): [number, number, number] {
  const persistence = logistic(x[1] as number) * (1 - 1e-6);
  const alpha = persistence * logistic(x[2] as number);
  return [Math.exp(x[0] as number), alpha, persistence - alpha];
}

export function calibrateGarch(prices: Float64Array, stepMs: number, timesMs?: Float64Array): Calibration {
  const r = logReturnsOf(prices, stepMs, 100, "garch", timesMs);
  const dt = stepYears(stepMs);
  const { mean, variance } = meanVar(r);
  const e = r.map((x) => x - mean);
  const x0 = [Math.log(variance * 0.05), logit(0.95), logit(0.1 / 0.95)];
  const f = (x: number[]) => -garchLogLikelihood(e, ...unpack(x), variance);
  // Tolerances in log-likelihood units: 1e-4 is far below statistical relevance (≈ 0.5).
  const opts = { maxIterations: 1200, fTolerance: 1e-4, xTolerance: 1e-5 };
  let fit = nelderMead(f, x0, { ...opts, step: [1, 1, 1] });
  // One restart from the optimum: Nelder–Mead can stall on a ridge (standard practice).
  fit = nelderMead(f, fit.x, { ...opts, step: [0.3, 0.3, 0.3] });
  const [omega, alpha, beta] = unpack(fit.x);
  const longRun = omega / (1 - alpha - beta);
  return {
    model: "garch",
    params: {
      spot: prices[prices.length - 1] as number,
      drift: mean / dt + longRun / dt / 2,
      vol: Math.sqrt(longRun / dt),
      alpha,
      beta,
    },
    logLikelihood: -fit.fx,
    n: r.length,
    extra: { omega, persistence: alpha + beta, halfLifeSteps: Math.log(0.5) / Math.log(alpha + beta) },
    notes: fit.converged
      ? []
      : ["Nelder–Mead stopped at its iteration limit; the fit may not be the maximum"],
  };
}
