import { describe, expect, it } from "vitest";
import type { Issue } from "../../engine/errors.js";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { priceModelKinds } from "./registry.js";
import { buildModel, logReturns, meanSe, simulate } from "./test-util.js";

/** Lag-k autocorrelation of squared (demeaned) returns. */
function acfSquared(r: Float64Array, k: number): number {
  const n = r.length;
  const sq = r.map((x) => x * x);
  let m = 0;
  for (let i = 0; i < n; i++) m += sq[i] as number;
  m /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = (sq[i] as number) - m;
    den += d * d;
    if (i >= k) num += d * ((sq[i - k] as number) - m);
  }
  return num / den;
}

describe("garch", () => {
  const alpha = 0.1;
  const beta = 0.8;
  const vol = 0.8;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 20_000 };
  const dt = MS_PER_HOUR / MS_PER_YEAR;
  const model = buildModel({ kind: "garch", spot: 3000, vol, alpha, beta });
  const returns = Array.from({ length: 60 }, (_, k) =>
    logReturns(simulate(model, grid, `g${k}`, false).price),
  );

  it("rejects α + β ≥ 1 and needs exactly one of vol / omega", () => {
    const issues: Issue[] = [];
    priceModelKinds.read({ kind: "garch", spot: 1, vol: 0.5, alpha: 0.2, beta: 0.8 }, "m", issues);
    priceModelKinds.read({ kind: "garch", spot: 1, alpha: 0.1, beta: 0.8 }, "m", issues);
    priceModelKinds.read(
      { kind: "garch", spot: 1, vol: 0.5, omega: 1e-6, alpha: 0.1, beta: 0.8 },
      "m",
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual(["m.beta", "m.vol", "m.vol"]);
  });

  it("unconditional variance: mean squared return ≈ σ_L²Δt = ω/(1−α−β)", () => {
    const perPath = returns.map((r) => r.reduce((s, x) => s + x * x, 0) / r.length);
    const { mean, se } = meanSe(perPath);
    expect(Math.abs(mean - vol * vol * dt)).toBeLessThan(4 * se);
  });

  it("persistence: ACF of squared returns is ρ₁ = α(1−αβ−β²)/(1−2αβ−β²) and decays as (α+β)^{k−1}", () => {
    // Bollerslev (1988), J. Time Series Analysis 9; needs 3α² + 2αβ + β² < 1 (here 0.83).
    const rho1 = (alpha * (1 - alpha * beta - beta * beta)) / (1 - 2 * alpha * beta - beta * beta);
    const a1 = meanSe(returns.map((r) => acfSquared(r, 1)));
    const a4 = meanSe(returns.map((r) => acfSquared(r, 4)));
    expect(Math.abs(a1.mean - rho1)).toBeLessThan(4 * a1.se);
    expect(Math.abs(a4.mean - rho1 * (alpha + beta) ** 3)).toBeLessThan(4 * a4.se);
  });

  it("omega and vol parametrisations agree: ω = σ_L²Δt(1−α−β)", () => {
    const g = { startMs: 0, stepMs: MS_PER_HOUR, steps: 300 };
    const omega = vol * vol * dt * (1 - alpha - beta);
    const a = simulate(buildModel({ kind: "garch", spot: 10, omega, alpha, beta }), g, "o").price;
    const b = simulate(model, g, "o").price;
    for (let i = 0; i <= 300; i++) expect(a[i]).toBeCloseTo((b[i] as number) / 300, 9);
  });
});
