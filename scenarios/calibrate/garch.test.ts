import { describe, expect, it } from "vitest";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, simulate } from "../models/test-util.js";
import { calibrateGarch } from "./garch.js";

/** Gaussian GARCH(1,1) log-likelihood written independently of the code under test. */
function loglik(e: Float64Array, [omega, alpha, beta]: readonly number[], h1: number): number {
  let h = h1;
  let ll = 0;
  for (const x of e) {
    ll += -0.5 * Math.log(2 * Math.PI * h) - (x * x) / (2 * h);
    h = omega! + alpha! * x * x + beta! * h;
  }
  return ll;
}

/** Standard errors from the observed information: √diag((−∇² log L)⁻¹), central differences. */
function standardErrors(f: (p: number[]) => number, p: readonly number[]): number[] {
  const h = p.map((x) => 1e-4 * Math.abs(x));
  const at = (di: number, dj: number, i: number, j: number) =>
    f(p.map((x, k) => x + (k === i ? di * h[i]! : 0) + (k === j ? dj * h[j]! : 0)));
  const H = p.map((_, i) =>
    p.map(
      (__, j) =>
        -(at(1, 1, i, j) - at(1, -1, i, j) - at(-1, 1, i, j) + at(-1, -1, i, j)) / (4 * h[i]! * h[j]!),
    ),
  );
  const [a, b, c] = H as [number[], number[], number[]];
  const det =
    a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) -
    a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) +
    a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!);
  const inv00 = (b[1]! * c[2]! - b[2]! * c[1]!) / det;
  const inv11 = (a[0]! * c[2]! - a[2]! * c[0]!) / det;
  const inv22 = (a[0]! * b[1]! - a[1]! * b[0]!) / det;
  return [inv00, inv11, inv22].map(Math.sqrt);
}

describe("calibrateGarch", () => {
  const n = 20_000;
  const truth = { vol: 0.8, alpha: 0.06, beta: 0.9 };
  const dt = MS_PER_HOUR / MS_PER_YEAR;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: n };
  const { price } = simulate(buildModel({ kind: "garch", spot: 3000, ...truth }), grid, "cal-garch");
  const fit = calibrateGarch(price, MS_PER_HOUR);
  const p = fit.params as Record<string, number>;
  const r = logReturns(price);
  const mean = r.reduce((s, x) => s + x, 0) / n;
  const e = r.map((x) => x - mean);
  const h1 = e.reduce((s, x) => s + x * x, 0) / n;
  const fitted = [fit.extra["omega"]!, p["alpha"]!, p["beta"]!];

  it("recovers α and β within 4 standard errors of the observed information", () => {
    const [, seA, seB] = standardErrors((q) => loglik(e, q, h1), fitted);
    expect(Math.abs(p["alpha"]! - truth.alpha)).toBeLessThan(4 * seA!);
    expect(Math.abs(p["beta"]! - truth.beta)).toBeLessThan(4 * seB!);
    expect(p["alpha"]! + p["beta"]!).toBeLessThan(1);
  });

  it("recovers the long-run vol within 10 % and writes it as σ_L = √(ω/(1−α−β)/Δt)", () => {
    expect(Math.abs(p["vol"]! / truth.vol - 1)).toBeLessThan(0.1);
    expect(p["vol"]).toBeCloseTo(Math.sqrt(fitted[0]! / (1 - fitted[1]! - fitted[2]!) / dt), 10);
  });

  it("maximises the quasi-likelihood: log L at the fit equals the independent formula and beats the truth", () => {
    expect(fit.logLikelihood).toBeCloseTo(loglik(e, fitted, h1), 6);
    const omegaTrue = truth.vol ** 2 * dt * (1 - truth.alpha - truth.beta);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(loglik(e, [omegaTrue, truth.alpha, truth.beta], h1));
  });
});
