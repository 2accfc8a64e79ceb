import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, simulate } from "../models/test-util.js";
import { calibrateGbm } from "./gbm.js";
import { toScenarioSnippet } from "./snippet.js";

describe("calibrateGbm", () => {
  const n = 30_000;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: n };
  const truth = { drift: 0.3, vol: 0.8 };
  const { price } = simulate(buildModel({ kind: "gbm", spot: 3000, ...truth }), grid, "cal-gbm");
  const fit = calibrateGbm(price, MS_PER_HOUR);

  it("recovers vol within 4·σ/√(2n) and drift within 4·σ/√T", () => {
    const T = (n * MS_PER_HOUR) / MS_PER_YEAR;
    expect(Math.abs((fit.params["vol"] as number) - truth.vol)).toBeLessThan(
      (4 * truth.vol) / Math.sqrt(2 * n),
    );
    expect(Math.abs((fit.params["drift"] as number) - truth.drift)).toBeLessThan(
      (4 * truth.vol) / Math.sqrt(T),
    );
    expect(fit.params["spot"]).toBe(price[n]);
    expect(fit.n).toBe(n);
  });

  it("leaves out returns across gaps in the data: each kept return spans one step", () => {
    // Drop every bar between 10 000 and 12 000: the return across that 2 000-hour hole has the
    // variance of 2 000 steps, and counting it as one would inflate the fit.
    const keep = Array.from(price.keys()).filter((i) => i <= 10_000 || i > 12_000);
    const gappy = Float64Array.from(keep, (i) => price[i] as number);
    const times = Float64Array.from(keep, (i) => i * MS_PER_HOUR);
    const withTimes = calibrateGbm(gappy, MS_PER_HOUR, times);
    expect(withTimes.n).toBe(keep.length - 2);
    expect(Math.abs((withTimes.params["vol"] as number) - truth.vol)).toBeLessThan(
      (4 * truth.vol) / Math.sqrt(2 * withTimes.n),
    );
    // The same prices read as one regular series count the hole as one step.
    expect(calibrateGbm(gappy, MS_PER_HOUR).n).toBe(keep.length - 1);
  });

  it("reports the Gaussian log-likelihood at the estimate", () => {
    // Independent computation: Σ log φ(r; a, s²) with a, s² the fitted per-step mean and variance.
    const dt = MS_PER_HOUR / MS_PER_YEAR;
    const v = (fit.params["vol"] as number) ** 2 * dt;
    const a = (fit.params["drift"] as number) * dt - v / 2;
    const ll = logReturns(price).reduce(
      (s, r) => s - 0.5 * Math.log(2 * Math.PI * v) - (r - a) ** 2 / (2 * v),
      0,
    );
    expect(fit.logLikelihood).toBeCloseTo(ll, 6);
  });

  it("rejects non-positive prices and too-short series, naming the row", () => {
    expect(() => calibrateGbm(Float64Array.from([1, 2, 0, 3]), MS_PER_HOUR)).toThrow(/row 2/);
    expect(() => calibrateGbm(Float64Array.from([1]), MS_PER_HOUR)).toThrow(InputError);
    expect(() => calibrateGbm(Float64Array.from([1, 2, 3]), 0)).toThrow(/step/);
  });
});

describe("toScenarioSnippet", () => {
  it("renders a market.assets entry", () => {
    expect(toScenarioSnippet("ETH", "gbm", { spot: 3000, drift: 0, vol: 0.8123456789 })).toBe(
      "ETH: { model: { kind: gbm, spot: 3000, drift: 0, vol: 0.812346 } }",
    );
    expect(toScenarioSnippet("my asset", "garch", { omega: 2.5e-7 })).toBe(
      '"my asset": { model: { kind: garch, omega: 2.5e-7 } }',
    );
  });
});
