/**
 * Conformance suite run over every registered price-model kind (STYLE 5). Invariants:
 * - every kind has an example here (a new kind without one fails the suite);
 * - same streams ⇒ identical prices and vols; a different seed ⇒ a different path;
 * - `out` has steps+1 entries, out[0] = spot, every price is finite and > 0, even under extreme
 *   parameters; vols are finite and ≥ 0; asking for vols does not change the prices;
 * - models that use drivers and have zero drift are martingales: mean of S_T/S_0 over independent
 *   paths is 1 within 4 standard errors.
 */
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR } from "../../engine/units.js";
import { priceModelKinds } from "./registry.js";
import { buildModel, meanSe, simulate } from "./test-util.js";
import type { ModelContext } from "./types.js";

const history = Float64Array.from({ length: 500 }, (_, i) => 0.02 * Math.sin(i * 1.7) - 0.0001);
const ctx: ModelContext = { historicalReturns: (ref) => (ref === "hist" ? history : undefined) };

/** A typical and an extreme parameter set per kind. */
const EXAMPLES: Record<string, readonly [Record<string, unknown>, Record<string, unknown>]> = {
  gbm: [
    { spot: 3000, vol: 0.8 },
    { spot: 1e-6, vol: 5, drift: -3 },
  ],
  merton: [
    { spot: 3000, vol: 0.6, lambda: 5, jumpMean: -0.05, jumpStd: 0.08 },
    { spot: 1, vol: 3, lambda: 2000, jumpMean: -0.3, jumpStd: 0.5 },
  ],
  heston: [
    { spot: 3000, v0: 0.64, kappa: 3, theta: 0.64, xi: 1, rho: -0.4 },
    { spot: 1, v0: 4, kappa: 0.5, theta: 4, xi: 6, rho: -1 },
  ],
  garch: [
    { spot: 3000, vol: 0.8, alpha: 0.08, beta: 0.9 },
    { spot: 1, vol: 4, alpha: 0.5, beta: 0.49, vol0: 10 },
  ],
  regime: [
    { spot: 3000, calmVol: 0.5, stressVol: 1.5, toStress: 2, toCalm: 26 },
    { spot: 1, calmVol: 2, stressVol: 6, stressDrift: -5, toStress: 500, toCalm: 500, start: "stressed" },
  ],
  bootstrap: [
    { spot: 3000, data: "hist", block: 24 },
    { spot: 1, data: "hist", block: 1, demean: true },
  ],
  "yield-bearing": [
    { underlying: "ETH", yield: 0.03, rate: 1.1 },
    { underlying: "ETH", yield: -0.99, rate: 1e-6 },
  ],
};

/** Kinds whose path is a closed form that draws nothing: the seed does not move it. */
const DRAWLESS = new Set(["yield-bearing"]);

const grid = { startMs: 1_700_000_000_000, stepMs: MS_PER_HOUR, steps: 24 * 90 };

describe.each(priceModelKinds.kinds())("price model %s", (kind) => {
  const example = EXAMPLES[kind];

  it("has conformance examples", () => {
    expect(example, `add ${kind} to EXAMPLES`).toBeDefined();
  });
  if (!example) return;
  const [typical, extreme] = example;

  it("is deterministic for the same streams and varies with the seed", () => {
    const m = buildModel({ kind, ...typical }, ctx);
    const a = simulate(m, grid, "s1");
    expect(simulate(m, grid, "s1")).toEqual(a);
    expect(simulate(buildModel({ kind, ...typical }, ctx), grid, "s1")).toEqual(a);
    if (!DRAWLESS.has(kind)) expect(simulate(m, grid, "s2").price).not.toEqual(a.price);
  });

  it.each([
    ["typical", typical],
    ["extreme", extreme],
  ])("fills steps+1 positive finite prices from spot (%s parameters)", (_, params) => {
    const m = buildModel({ kind, ...params }, ctx);
    const { price, vol } = simulate(m, grid, "pos");
    expect(price.length).toBe(grid.steps + 1);
    expect(price[0]).toBe(params["spot"] ?? params["rate"]);
    expect(price.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
    expect(vol.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it("gives the same prices with or without a vol column", () => {
    const m = buildModel({ kind, ...typical }, ctx);
    expect(simulate(m, grid, "v", false).price).toEqual(simulate(m, grid, "v", true).price);
  });

  // Skipped for driverless models (bootstrap): they replay the history's drift by design.
  const driven = buildModel({ kind, ...typical }, ctx).usesDrivers;
  it.runIf(driven)("with zero drift is a martingale: mean S_T/S_0 = 1 within 4 standard errors", () => {
    const m = buildModel({ kind, ...typical }, ctx);
    const daily = { startMs: 0, stepMs: MS_PER_DAY, steps: 60 };
    const ratios = Float64Array.from({ length: 3000 }, (_, k) => {
      const { price } = simulate(m, daily, `mart${k}`, false);
      return (price[daily.steps] as number) / m.spot;
    });
    const { mean, se } = meanSe(ratios);
    expect(Math.abs(mean - 1)).toBeLessThan(4 * se);
  });
});
