/**
 * Delta-hedged option PnL matches theory (the gamma-theta identity of volatility trading): a call
 * bought at implied σᵢ and delta-hedged at σᵢ, on GBM paths whose true vol is σᵣ, earns
 *
 *   E[PnL] = ½ (σᵣ² − σᵢ²) ∫₀ᵀ E[Γᵢ(Sₜ, t) Sₜ²] dt        (r = 0, no drift, no costs),
 *
 * Γᵢ the Black–Scholes gamma at σᵢ (Ahmad & Wilmott 2005, "Which free lunch would you like today,
 * Sir?", Wilmott Magazine, eq. for hedging with implied vol; Carr & Madan 1998). Under driftless
 * GBM with vol σᵣ the expectation has a closed form, derived here from ln S ~ N(ln S₀ − σᵣ²t/2, σᵣ²t):
 *
 *   E[Γᵢ S²] = S₀ · n(ln(S₀/K) + Σₜ/2; 0, Σₜ),  Σₜ = σᵣ² t + σᵢ² (T − t)  (n: the normal density),
 *
 * integrated by Simpson's rule. The test computes it with its own gamma algebra (nothing from the
 * engine's pricing), checks it against the identity's other side C_BS(σᵣ) − C_BS(σᵢ) (the hedge
 * gains have mean 0 under a driftless price), then runs the real engine — a book call `iv: σᵢ`, a
 * `gbm` model at σᵣ, an ideal oracle, no fees or latency, `delta-hedge` with the perp every step —
 * and requires its mean PnL within 4 standard errors of the theory, with the sign flipping as σᵣ
 * crosses σᵢ.
 */
import { describe, expect, it } from "vitest";
import { hedgeScenario, mean, run, std } from "./helpers.js";

const S0 = 3000;
const K = 3000;
const T = 30 / 365;
const IV = 0.6;
const PATHS = 300;

const SQRT2PI = Math.sqrt(2 * Math.PI);
const density = (x: number, v: number) => Math.exp((-x * x) / (2 * v)) / Math.sqrt(v) / SQRT2PI;

/** Abramowitz & Stegun 7.1.26 erf (|error| < 1.5e-7), for the test's own Black–Scholes price. */
function cdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const call = (vol: number) => {
  const d1 = (Math.log(S0 / K) + 0.5 * vol * vol * T) / (vol * Math.sqrt(T));
  return S0 * cdf(d1) - K * cdf(d1 - vol * Math.sqrt(T));
};

/** ½ (σᵣ² − σᵢ²) ∫₀ᵀ E[Γᵢ S²] dt, Simpson's rule on 2 000 intervals. */
function theory(realised: number): number {
  const n = 2000;
  const h = T / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const t = i * h;
    const sigma2 = realised * realised * t + IV * IV * (T - t);
    const f = S0 * density(Math.log(S0 / K) + sigma2 / 2, sigma2);
    sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * f;
  }
  return (0.5 * (realised * realised - IV * IV) * (sum * h)) / 3;
}

const pnl = (realised: number) =>
  run(
    hedgeScenario({
      paths: PATHS,
      seed: 19,
      market: { rate: 0, assets: { ETH: { model: { kind: "gbm", spot: S0, drift: 0, vol: realised } } } },
      oracle: { kind: "ideal" },
      execution: { latency: { kind: "fixed", delay: "0s" }, fees: { taker: 0, maker: 0 } },
      book: [
        { kind: "option", underlying: "ETH", right: "call", strike: K, expiry: "30d", qty: 1, iv: IV },
        { kind: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
      ],
      strategy: { kind: "delta-hedge", every: "1h", with: "perp" },
    }),
    { checkConservation: false },
  ).metrics.columns.pnl;

describe("delta-hedged option PnL", () => {
  it("theory: ½∫Γ S²(σᵣ² − σᵢ²)dt equals C(σᵣ) − C(σᵢ)", () => {
    for (const realised of [0.4, 0.5, 0.7, 0.8]) {
      expect(theory(realised) / (call(realised) - call(IV))).toBeCloseTo(1, 5);
    }
  });

  it("the engine's mean PnL matches theory within 4 standard errors, and flips sign as σᵣ crosses σᵢ", () => {
    const rows = [0.45, 0.6, 0.75].map((realised) => {
      const x = pnl(realised);
      return { realised, mean: mean(x), se: std(x) / Math.sqrt(x.length), theory: theory(realised) };
    });
    for (const r of rows) expect(Math.abs(r.mean - r.theory), JSON.stringify(r)).toBeLessThan(4 * r.se);
    const [low, at, high] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    expect(low.mean + 4 * low.se).toBeLessThan(0);
    expect(Math.abs(at.mean)).toBeLessThan(4 * at.se);
    expect(high.mean - 4 * high.se).toBeGreaterThan(0);
  });
});
