/** Vanna and volga of engine/pricing/black.ts against central differences of its delta and vega in σ. */
import { describe, expect, it } from "vitest";
import { newGreeks, priceBlack } from "./black.js";

describe("vanna and volga", () => {
  const cases = [
    { s: 3000, k: 3000, t: 30 / 365, r: 0, b: 0, sigma: 0.8 },
    { s: 100, k: 80, t: 0.25, r: 0.05, b: 0.02, sigma: 0.3 },
    { s: 100, k: 130, t: 1.5, r: 0.03, b: 0.03, sigma: 0.45 },
  ];
  for (const c of cases)
    for (const call of [true, false]) {
      it(`${call ? "call" : "put"} S ${c.s} K ${c.k} T ${c.t.toFixed(3)}: ∂Δ/∂σ and ∂vega/∂σ by differences`, () => {
        const h = 1e-5;
        const at = (sigma: number) => ({ ...priceBlack(newGreeks(), call, c.s, c.k, c.t, c.r, c.b, sigma) });
        const [up, mid, dn] = [at(c.sigma + h), at(c.sigma), at(c.sigma - h)];
        expect(mid.vanna).toBeCloseTo((up.delta - dn.delta) / (2 * h), 6);
        expect(mid.volga / Math.max(1, Math.abs(mid.volga))).toBeCloseTo(
          (up.vega - dn.vega) / (2 * h) / Math.max(1, Math.abs(mid.volga)),
          6,
        );
      });
    }

  it("are zero at expiry and at zero vol", () => {
    const g = priceBlack(newGreeks(), true, 100, 90, 0, 0, 0, 0.5);
    expect([g.vanna, g.volga]).toEqual([0, 0]);
    const z = priceBlack(newGreeks(), false, 100, 90, 1, 0, 0, 0);
    expect([z.vanna, z.volga]).toEqual([0, 0]);
  });

  it("volga is positive for a far out-of-the-money option (long vol convexity)", () => {
    expect(priceBlack(newGreeks(), true, 100, 160, 0.5, 0, 0, 0.4).volga).toBeGreaterThan(0);
  });
});
