/**
 * European options under Heston (1993) stochastic volatility, semi-closed form.
 *
 * Characteristic function of X_T = ln(S_T/F), F = S·e^{rT}, in the "little Heston trap" form of
 * Albrecher, Mayer, Schoutens & Tistaert, Wilmott Magazine (Jan 2007), which stays on the principal
 * branch of the complex logarithm for long maturities:
 *   β = κ − ρξiu,  d = √(β² + ξ²(iu + u²)),  g = (β − d)/(β + d)
 *   C = κθ/ξ²·[(β − d)T − 2 ln((1 − g·e^{−dT})/(1 − g))],  D = (β − d)/ξ²·(1 − e^{−dT})/(1 − g·e^{−dT})
 *   φ(u) = exp(C + D·v₀)
 * Call by Lewis's single integral (A. Lewis, *Option Valuation under Stochastic Volatility*, 2000,
 * with x = ln(F/K)):
 *   C = e^{−rT}·[F − √(FK)/π · ∫₀^∞ Re(e^{iux}·φ(u − i/2)) / (u² + 1/4) du]
 * and the put by parity. Black–Scholes at the mean variance v̄ (φ_BS(u − i/2) = e^{−v̄T(u² + 1/4)/2})
 * is the control variate: its price is taken in closed form and only ∫ Re(e^{iux}(φ − φ_BS)) is
 * integrated, so an out-of-the-money price is not the small difference of F and the integral (the
 * cancellation that loses a deep wing to rounding). The integrand decays like e^{−v̄T·u²/2} (v̄ the mean variance over the
 * life) at first, more slowly for large ξ: the integral is taken by composite 16-point
 * Gauss–Legendre over panels until the integrand's envelope falls below 1e-14 of the sum. When v̄T is tiny (under 1e-8, minutes before expiry) the distribution is
 * indistinguishable from a lognormal at √v̄, and so it is when ξ < 1e-4 (the κθ/ξ² terms cancel
 * catastrophically there; the price differs from Black–Scholes at v̄ by O(ξ)): Black–Scholes is used.
 * Checked against Fang & Oosterlee, SIAM J. Sci. Comput. 31 (2008), §5.3 (5.785155450) and the
 * ξ → 0 limit (Black–Scholes at the mean variance) in heston.test.ts.
 */
import { blackPrice } from "./black.js";

export interface HestonParams {
  /** Current variance v (annual, vol²). */
  readonly v0: number;
  /** Mean-reversion speed κ, per year. */
  readonly kappa: number;
  /** Long-run variance θ. */
  readonly theta: number;
  /** Vol of variance ξ (≥ 0). */
  readonly xi: number;
  /** Correlation of price and variance shocks. */
  readonly rho: number;
}

/** 16-point Gauss–Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, Table 25.4). */
const GL_X = [
  0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003,
  0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
];
const GL_W = [
  0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339,
  0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
];
const PANELS = 32;
const MAX_PANELS = 600;

/** Mean variance over [0, T] under the variance process's mean: θ + (v₀ − θ)(1 − e^{−κT})/(κT). */
export function hestonMeanVariance(p: HestonParams, t: number): number {
  const kt = p.kappa * t;
  return kt > 1e-12 ? p.theta + ((p.v0 - p.theta) * -Math.expm1(-kt)) / kt : p.v0;
}

/**
 * Heston price of a European call or put on spot s (no dividends), strike k, t years, rate r.
 * @example hestonPrice(true, 100, 100, 1, 0, { v0: 0.0175, kappa: 1.5768, theta: 0.0398, xi: 0.5751, rho: -0.5711 }) ≈ 5.785155450
 */
export function hestonPrice(
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  p: HestonParams,
): number {
  const fwd = s * Math.exp(r * t);
  const disc = Math.exp(-r * t);
  const vbar = Math.max(hestonMeanVariance(p, t), 0);
  if (!(t > 0)) return disc * Math.max(isCall ? fwd - k : k - fwd, 0);
  if (vbar * t < 1e-8 || p.xi < 1e-4) return blackPrice(isCall, s, k, t, r, r, Math.sqrt(vbar));
  const x = Math.log(fwd / k);
  // Panels of width h from 0 until the integrand's envelope is negligible: its decay is Gaussian
  // (e^{−v̄T·u²/2}) at first but only exponential in u for large ξ, hence the open-ended loop.
  const h = Math.sqrt(72 / (Math.max(vbar, 0.25 * p.v0, 1e-4) * t)) / PANELS;
  const vt = vbar * t;
  let sum = 0;
  for (let j = 0; j < MAX_PANELS; j++) {
    const mid = (j + 0.5) * h;
    for (let n = 0; n < GL_X.length; n++) {
      const dx = 0.5 * h * (GL_X[n] as number);
      const w = 0.5 * h * (GL_W[n] as number);
      sum += w * (integrand(mid - dx, x, t, vt, p) + integrand(mid + dx, x, t, vt, p));
    }
    const end = (j + 1) * h;
    if (j >= PANELS - 1 && Math.exp(logCf(end, t, p)[0]) / (end * end + 0.25) < 1e-16) break;
  }
  const bs = blackPrice(isCall, s, k, t, r, r, Math.sqrt(vbar));
  return bs - disc * (Math.sqrt(fwd * k) / Math.PI) * sum;
}

/** Re(e^{iux}·(φ(u − i/2) − φ_BS(u − i/2))) / (u² + 1/4), φ_BS at total variance vt. */
function integrand(u: number, x: number, t: number, vt: number, p: HestonParams): number {
  const [cr, ci] = logCf(u, t, p);
  const q = u * u + 0.25;
  return (Math.exp(cr) * Math.cos(ci + u * x) - Math.exp(-0.5 * vt * q) * Math.cos(u * x)) / q;
}

/**
 * ln φ(z) at z = u − i/2, as [re, im]. With z = u − i/2: iz = 1/2 + iu, and iz + z² = u² + 1/4
 * (real), so ξ²(iz + z²) = ξ²(u² + 1/4) and β = κ − ρξ/2 − iρξu.
 */
function logCf(u: number, t: number, p: HestonParams): [number, number] {
  const { kappa, theta, xi, rho, v0 } = p;
  const br = kappa - 0.5 * rho * xi;
  const bi = -rho * xi * u;
  // d = √(β² + ξ²(u² + 1/4)), principal root (Re d ≥ 0)
  const [dr, di] = csqrt(br * br - bi * bi + xi * xi * (u * u + 0.25), 2 * br * bi);
  const [nr, ni] = [br - dr, bi - di]; // β − d
  const [g0r, g0i] = cdiv(nr, ni, br + dr, bi + di);
  const em = Math.exp(-dr * t);
  const [er, ei] = [em * Math.cos(-di * t), em * Math.sin(-di * t)]; // e^{−dT}
  const [ger, gei] = [g0r * er - g0i * ei, g0r * ei + g0i * er]; // g·e^{−dT}
  const [qr, qi] = cdiv(1 - ger, -gei, 1 - g0r, -g0i);
  const lr = 0.5 * Math.log(qr * qr + qi * qi);
  const li = Math.atan2(qi, qr);
  const k2 = (kappa * theta) / (xi * xi);
  const cRe = k2 * (nr * t - 2 * lr);
  const cIm = k2 * (ni * t - 2 * li);
  const [fr, fi] = cdiv(1 - er, -ei, 1 - ger, -gei);
  const dRe = (nr * fr - ni * fi) / (xi * xi);
  const dIm = (nr * fi + ni * fr) / (xi * xi);
  return [cRe + dRe * v0, cIm + dIm * v0];
}

function csqrt(re: number, im: number): [number, number] {
  const m = Math.hypot(re, im);
  const a = Math.sqrt(0.5 * (m + re));
  const b = Math.sqrt(Math.max(0, 0.5 * (m - re)));
  return [a, im < 0 ? -b : b];
}

function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  const den = br * br + bi * bi;
  return [(ar * br + ai * bi) / den, (ai * br - ar * bi) / den];
}
