/**
 * The online forecasts against independent batch forms:
 * - EWMA equals its unrolled weighted sum σ²_T = λ^{T−m} s₀ + (1 − λ) Σ_{t=m}^{T−1} λ^{T−1−t} r_t²
 *   (s₀: the mean square of the first m returns), computed here without the recursion;
 * - GARCH(1,1) equals a batch pass over the series, and its h-bar mean variance equals the mean of
 *   the k-step forecasts iterated one by one, E[σ²ₜ₊ₖ] = ω + (α + β) E[σ²ₜ₊ₖ₋₁];
 * - the GARCH forecast converges to ω / (1 − α − β) as the horizon grows, and so does the
 *   one-step forecast averaged over a long simulated GARCH path (its stationary mean);
 * - the specs reject impossible parameters with the field and what is allowed.
 */
import { describe, expect, it } from "vitest";
import { streamFor } from "../rng.js";
import { MS_PER_DAY, MS_PER_YEAR } from "../units.js";
import { Ewma, Garch } from "./forecast.js";
import { forecastProblems, garchOmega, makeForecaster, realisedVolProblems } from "./spec.js";

const returns = (n: number, seed: number): number[] => {
  const rng = streamFor(seed, 0, "forecast-test");
  return Array.from({ length: n }, (_, i) => 0.02 * (1 + (i % 50 < 10 ? 2 : 0)) * rng.normal());
};

describe("EWMA", () => {
  it("equals its unrolled weighted sum after the warm-up, NaN before", () => {
    const r = returns(300, 1);
    const lambda = 0.94;
    const m = 17;
    const f = new Ewma(lambda, m);
    for (const x of r.slice(0, m - 1)) f.update(x);
    expect(f.variance()).toBeNaN();
    for (const x of r.slice(m - 1)) f.update(x);
    const T = r.length;
    const s0 = r.slice(0, m).reduce((a, x) => a + x * x, 0) / m;
    let batch = lambda ** (T - m) * s0;
    for (let t = m; t < T; t++) batch += (1 - lambda) * lambda ** (T - 1 - t) * (r[t] as number) ** 2;
    expect(f.variance()).toBeCloseTo(batch, 15);
    expect(makeForecaster({ kind: "ewma", barMs: MS_PER_DAY, horizonMs: MS_PER_DAY })).toMatchObject({
      lambda: 0.94,
      warmup: 17,
    });
  });
});

describe("GARCH(1,1)", () => {
  const [omega, alpha, beta] = [2e-5, 0.08, 0.9];
  const VL = omega / (1 - alpha - beta);

  it("equals a batch pass and the mean of the k-step forecasts iterated one by one", () => {
    const r = returns(500, 2);
    const f = new Garch(omega, alpha, beta, 1);
    for (const x of r) f.update(x);
    const s2 = new Float64Array(r.length + 1);
    s2[0] = VL;
    for (let t = 0; t < r.length; t++)
      s2[t + 1] = omega + alpha * (r[t] as number) ** 2 + beta * (s2[t] as number);
    const next = s2[r.length] as number;
    expect(f.variance(1)).toBeCloseTo(next, 15);
    for (const h of [2, 7, 30, 365]) {
      let k = next;
      let sum = 0;
      for (let i = 0; i < h; i++) {
        sum += k;
        k = omega + (alpha + beta) * k;
      }
      expect(f.variance(h) / (sum / h)).toBeCloseTo(1, 12);
    }
  });

  it("converges to ω / (1 − α − β): in the horizon, and on average along a simulated path", () => {
    const f = new Garch(omega, alpha, beta, 1);
    f.update(0.5); // a shock far above the long-run level
    expect(f.variance(1)).toBeGreaterThan(10 * VL);
    expect(f.variance(1e9) / VL).toBeCloseTo(1, 4);
    const rng = streamFor(3, 0, "garch-path");
    const g = new Garch(omega, alpha, beta, 0);
    let sum = 0;
    const N = 200_000;
    for (let t = 0; t < N; t++) {
      const v = g.variance(1);
      sum += v;
      g.update(Math.sqrt(v) * rng.normal());
    }
    expect(sum / N / VL).toBeGreaterThan(0.95);
    expect(sum / N / VL).toBeLessThan(1.05);
  });

  it("takes ω from an annualised long-run vol", () => {
    const spec = {
      kind: "garch",
      alpha,
      beta,
      longRunVol: 0.8,
      barMs: MS_PER_DAY,
      horizonMs: MS_PER_DAY,
    } as const;
    const w = garchOmega(spec);
    expect(Math.sqrt((w / (1 - alpha - beta)) * (MS_PER_YEAR / MS_PER_DAY))).toBeCloseTo(0.8, 12);
  });
});

describe("vol specs", () => {
  it("reject impossible parameters, naming the field and what is allowed", () => {
    const day = MS_PER_DAY;
    expect(
      forecastProblems({ kind: "garch", alpha: 0.2, beta: 0.85, omega: 1e-5, barMs: day, horizonMs: day }),
    ).toEqual(["alpha + beta must be < 1 (stationary), was 1.05"]);
    expect(forecastProblems({ kind: "garch", alpha: 0.1, beta: 0.8, barMs: day, horizonMs: day })).toEqual([
      "give exactly one of omega, longRunVol",
    ]);
    expect(forecastProblems({ kind: "ewma", lambda: 1, barMs: 10, horizonMs: 0 })).toEqual([
      "barMs must be an integer number of ms from 1000 (1 s) to 365 days, was 10",
      "horizonMs must be > 0 and ≤ 100 years, was 0",
      "lambda must be in (0, 1), was 1",
    ]);
    expect(realisedVolProblems({ estimator: "rogers" as "parkinson", window: 1, barMs: day })).toEqual([
      'estimator "rogers" is unknown; allowed: close-to-close, parkinson, garman-klass, yang-zhang',
      "window must be an integer from 2 to 4096 bars, was 1",
    ]);
  });
});
