import { describe, expect, it } from "vitest";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, meanSe, simulate } from "./test-util.js";

/**
 * Statistics across independent paths started at v₀ = θ (so E[v_t] = θ for all t in the exact model;
 * Heston 1993). Each path gives one sample; tolerances are 4 standard errors across paths.
 */
describe("heston", () => {
  const p = { kind: "heston", spot: 3000, v0: 0.64, kappa: 4, theta: 0.64, xi: 0.9, rho: -0.6 };
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 8760 };
  const dt = MS_PER_HOUR / MS_PER_YEAR;
  const model = buildModel(p);
  const paths = Array.from({ length: 120 }, (_, k) => simulate(model, grid, `h${k}`));

  it("long-run variance: time-average of v ≈ θ", () => {
    const avgV = paths.map(({ vol }) => vol.reduce((s, v) => s + v * v, 0) / vol.length);
    const { mean, se } = meanSe(avgV);
    expect(Math.abs(mean - p.theta)).toBeLessThan(4 * se);
  });

  it("realised variance of log returns per year ≈ θ", () => {
    const rv = paths.map(({ price }) => logReturns(price).reduce((s, r) => s + r * r, 0) / (grid.steps * dt));
    const { mean, se } = meanSe(rv);
    expect(Math.abs(mean - p.theta)).toBeLessThan(4 * se);
  });

  it("correlation of log returns with variance changes ≈ ρ", () => {
    const per = paths.map(({ price, vol }) => {
      const r = logReturns(price);
      let sxy = 0,
        sxx = 0,
        syy = 0;
      for (let i = 1; i <= grid.steps; i++) {
        const x = r[i - 1] as number;
        const y = (vol[i] as number) ** 2 - (vol[i - 1] as number) ** 2;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      return sxy / Math.sqrt(sxx * syy);
    });
    const { mean, se } = meanSe(per);
    expect(Math.abs(mean - p.rho)).toBeLessThan(4 * se);
  });

  it("with ξ = 0 and v₀ = θ it is GBM with σ = √θ on the same drivers", () => {
    const g = { startMs: 0, stepMs: MS_PER_HOUR, steps: 500 };
    const a = simulate(buildModel({ ...p, xi: 0 }), g, "eq").price;
    const b = simulate(buildModel({ kind: "gbm", spot: 3000, vol: 0.8 }), g, "eq").price;
    for (let i = 0; i <= 500; i++) expect(a[i]).toBeCloseTo(b[i] as number, 6);
  });
});
