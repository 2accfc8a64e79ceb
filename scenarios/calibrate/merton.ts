/**
 * Merton jump-diffusion by maximum likelihood. Over one step the log return is a Poisson mixture
 * of normals (Merton 1976; Press 1967):
 *
 *   f(r) = Σ_{k=0}^{K} e^{−ℓ} ℓ^k / k! · φ(r; a + k·m, σ²Δt + k·s²),   ℓ = λΔt,
 *
 * truncated at K = 4 jumps per step (the omitted mass is < ℓ⁵/120, negligible for ℓ ≪ 1). The
 * log-likelihood is maximised by Nelder–Mead over (a, log σ√Δt, logit ℓ, m, log s), started from a
 * threshold split: returns beyond 4 robust sds (MAD·1.4826) are taken as jumps. Back to annual:
 * σ = σ√Δt/√Δt, λ = ℓ/Δt and μ = a/Δt + σ²/2 + λκ with κ = e^{m + s²/2} − 1 (the model's compensator).
 * Limits: the likelihood is flat in (λ, s) when jumps are small compared with σ√Δt (jumps then look
 * like diffusion), and unbounded if σ → 0; the search starts away from that corner and keeps σ√Δt
 * above 1e-6. On real crypto returns with volatility clustering the MLE tends to a frequent-small-jump
 * scale mixture (ETH hourly 2020–2022: ℓ ≈ 0.35 per step, s ≈ 1.5 %) — a fit to fat tails, not to
 * rare jumps; a note says so when ℓ > 0.05 (and K = 4 then omits a little mass, ≈ 3e-5 per step).
 */
import { nelderMead } from "./nelder-mead.js";
import { LOG_2PI, logReturnsOf, meanVar, stepYears } from "./returns.js";
import type { Calibration } from "./types.js";

const K = 4;
const FACT = [1, 1, 2, 6, 24];

/** Log-likelihood of returns `r` under per-step parameters (a, sd, ℓ, m, s). */
export function mertonLogLikelihood(
  r: Float64Array,
  a: number,
  sd: number,
  ell: number,
  m: number,
  s: number,
): number {
  const w = new Float64Array(K + 1);
  const mean = new Float64Array(K + 1);
  const inv2v = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) {
    const v = sd * sd + k * s * s;
    w[k] = (Math.exp(-ell) * ell ** k) / (FACT[k] as number) / Math.sqrt(v);
    mean[k] = a + k * m;
    inv2v[k] = 1 / (2 * v);
  }
  let ll = 0;
  for (let i = 0; i < r.length; i++) {
    const x = r[i] as number;
    let dens = 0;
    for (let k = 0; k <= K; k++)
      dens += (w[k] as number) * Math.exp(-((x - (mean[k] as number)) ** 2) * (inv2v[k] as number));
    ll += Math.log(dens);
  }
  return ll - (r.length / 2) * LOG_2PI;
}

/** Threshold split at 4 robust sds: the starting point for the search. */
function startingPoint(r: Float64Array): number[] {
  const sorted = Float64Array.from(r).sort();
  const med = sorted[sorted.length >> 1] as number;
  const dev = Float64Array.from(r, (x) => Math.abs(x - med)).sort();
  const sd = 1.4826 * (dev[dev.length >> 1] as number) || 1e-4;
  const jumps = r.filter((x) => Math.abs(x - med) > 4 * sd);
  const ell = Math.min(0.2, Math.max(jumps.length, 1) / r.length);
  const { mean: m, variance } = jumps.length > 1 ? meanVar(jumps) : { mean: 0, variance: 16 * sd * sd };
  return [med, Math.log(sd), Math.log(ell / (1 - ell)), m, 0.5 * Math.log(Math.max(variance, sd * sd))];
}

function unpack(x: readonly number[]): [number, number, number, number, number] {
  const ell = 1 / (1 + Math.exp(-(x[2] as number)));
  return [
    x[0] as number,
    Math.max(1e-6, Math.exp(x[1] as number)),
    ell,
    x[3] as number,
    Math.exp(x[4] as number),
  ];
}

function mertonNotes(converged: boolean, ell: number): string[] {
  const notes: string[] = [];
  if (!converged) notes.push("Nelder–Mead stopped at its iteration limit; the fit may not be the maximum");
  if (ell > 0.05) {
    notes.push(
      `jumps in ${(100 * ell).toFixed(0)} % of steps: the fit describes fat tails or volatility clustering rather than rare jumps (consider garch or heston)`,
    );
  }
  return notes;
}

export function calibrateMerton(prices: Float64Array, stepMs: number, timesMs?: Float64Array): Calibration {
  const r = logReturnsOf(prices, stepMs, 100, "merton", timesMs);
  const dt = stepYears(stepMs);
  const x0 = startingPoint(r);
  const fit = nelderMead((x) => -mertonLogLikelihood(r, ...unpack(x)), x0, {
    step: [0.5 * Math.exp(x0[1] as number), 0.3, 0.5, Math.exp(x0[1] as number), 0.3],
    maxIterations: 1500,
    // Log-likelihood units: differences of 1e-3 are far below statistical relevance (≈ 0.5).
    fTolerance: 1e-3,
    xTolerance: 1e-4,
  });
  const [a, sd, ell, m, s] = unpack(fit.x);
  const vol = sd / Math.sqrt(dt);
  const lambda = ell / dt;
  const kappa = Math.exp(m + (s * s) / 2) - 1;
  return {
    model: "merton",
    params: {
      spot: prices[prices.length - 1] as number,
      drift: a / dt + (vol * vol) / 2 + lambda * kappa,
      vol,
      lambda,
      jumpMean: m,
      jumpStd: s,
    },
    logLikelihood: -fit.fx,
    n: r.length,
    extra: { iterations: fit.iterations, jumpProbabilityPerStep: ell },
    notes: mertonNotes(fit.converged, ell),
  };
}
