import { describe, expect, it } from "vitest";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, simulate } from "../models/test-util.js";
import { calibrateMerton, mertonLogLikelihood } from "./merton.js";

/**
 * Tolerances: λ within 4√(λT)/T (the Poisson count's sd, the information about λ), the jump
 * mean within 4s/√(λT), the jump sd within 4s/√(2λT) plus the jump-classification error, σ within
 * 4σ/√(2n) + 2 %.
 */
describe("calibrateMerton", () => {
  const years = 2;
  const n = 8760 * years;
  const truth = { vol: 0.6, lambda: 40, jumpMean: -0.05, jumpStd: 0.03 };
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: n };
  const { price } = simulate(buildModel({ kind: "merton", spot: 3000, ...truth }), grid, "cal-merton");
  const fit = calibrateMerton(price, MS_PER_HOUR);
  const p = fit.params as Record<string, number>;
  const jumps = truth.lambda * years;

  it("recovers the jump intensity, jump sizes and diffusive vol", () => {
    expect(Math.abs(p["lambda"]! - truth.lambda)).toBeLessThan((4 * Math.sqrt(jumps)) / years);
    expect(Math.abs(p["jumpMean"]! - truth.jumpMean)).toBeLessThan((4 * truth.jumpStd) / Math.sqrt(jumps));
    expect(Math.abs(p["jumpStd"]! - truth.jumpStd)).toBeLessThan(
      (4 * truth.jumpStd) / Math.sqrt(2 * jumps) + 0.005,
    );
    expect(Math.abs(p["vol"]! - truth.vol)).toBeLessThan((4 * truth.vol) / Math.sqrt(2 * n) + 0.02);
  });

  it("maximises the likelihood: log L at the fit ≥ log L at the true parameters", () => {
    const dt = MS_PER_HOUR / MS_PER_YEAR;
    const kappa = Math.exp(truth.jumpMean + truth.jumpStd ** 2 / 2) - 1;
    const a = (-(truth.vol ** 2) / 2 - truth.lambda * kappa) * dt;
    const r = logReturns(price);
    const atTruth = mertonLogLikelihood(
      r,
      a,
      truth.vol * Math.sqrt(dt),
      truth.lambda * dt,
      truth.jumpMean,
      truth.jumpStd,
    );
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atTruth);
    expect(fit.notes).toEqual([]);
  });

  it("the likelihood with no jumps is the Gaussian one (independent formula)", () => {
    const r = Float64Array.from([0.01, -0.02, 0.005]);
    const sd = 0.02;
    const gauss = [...r].reduce(
      (s, x) => s - 0.5 * Math.log(2 * Math.PI * sd * sd) - (x - 0.001) ** 2 / (2 * sd * sd),
      0,
    );
    expect(mertonLogLikelihood(r, 0.001, sd, 0, -0.1, 0.05)).toBeCloseTo(gauss, 10);
  });
});
