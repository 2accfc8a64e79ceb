import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../../engine/units.js";
import { buildModel, meanSe, simulate } from "../models/test-util.js";
import { calibrateHeston } from "./heston.js";

/**
 * Moment matching is rough (see heston.ts). Stated tolerances, from the spread over 10 seeds of
 * 3-year hourly paths: θ̂ within 4 standard errors of the mean of 30-day realised variances (batch
 * means, so persistence is accounted for); κ̂ within a factor 2; ξ̂ within a factor 1.6; ρ̂ within
 * ±0.3 of ρ (and negative).
 */
describe("calibrateHeston", () => {
  const truth = { v0: 0.5, kappa: 10, theta: 0.5, xi: 1.2, rho: -0.5 };
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 8760 * 3 };
  const { price } = simulate(buildModel({ kind: "heston", spot: 3000, ...truth }), grid, "cal-heston");
  const fit = calibrateHeston(price, MS_PER_HOUR);
  const p = fit.params as Record<string, number>;

  it("recovers θ within 4 batch-means standard errors", () => {
    const month = 24 * 30;
    const rv = Array.from({ length: Math.floor(grid.steps / month) }, (_, b) => {
      let s = 0;
      for (let i = b * month + 1; i <= (b + 1) * month; i++) s += Math.log(price[i]! / price[i - 1]!) ** 2;
      return (s / month) * 8760;
    });
    const { se } = meanSe(rv);
    expect(Math.abs(p["theta"]! - truth.theta)).toBeLessThan(4 * se);
  });

  it("recovers κ, ξ and ρ within the stated rough tolerances", () => {
    expect(p["kappa"]).toBeGreaterThan(truth.kappa / 2);
    expect(p["kappa"]).toBeLessThan(truth.kappa * 2);
    expect(p["xi"]).toBeGreaterThan(truth.xi / 1.6);
    expect(p["xi"]).toBeLessThan(truth.xi * 1.6);
    expect(Math.abs(p["rho"]! - truth.rho)).toBeLessThan(0.3);
    expect(p["rho"]).toBeLessThan(0);
  });

  it("reports no likelihood and says why", () => {
    expect(fit.logLikelihood).toBeUndefined();
    expect(fit.notes.join(" ")).toMatch(/moment matching/);
  });
});
