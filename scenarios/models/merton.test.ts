import { describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, meanSe, simulate } from "./test-util.js";

describe("merton", () => {
  const years = 20;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 8760 * years };
  const p = { kind: "merton", spot: 100, vol: 0.2, lambda: 20, jumpMean: -0.1, jumpStd: 0.02 };
  const r = logReturns(simulate(buildModel(p), grid, "merton").price);

  it("jump count (moves below −3 %, ≥ 14 diffusive sds) ≈ λT within 4√(λT)", () => {
    // A diffusive hourly move has sd 0.2·√(1/8760) ≈ 0.0021; a jump is ≈ −0.1 ± 0.02.
    const count = r.filter((x) => x < -0.03).length;
    const expected = p.lambda * years;
    expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it("variance of log returns ≈ (σ² + λ(m² + s²))Δt (variance decomposition) within 4 SE", () => {
    const dt = MS_PER_HOUR / MS_PER_YEAR;
    const theory = (p.vol ** 2 + p.lambda * (p.jumpMean ** 2 + p.jumpStd ** 2)) * dt;
    const { mean: m1 } = meanSe(r);
    const { mean, se } = meanSe(r.map((x) => (x - m1) ** 2));
    expect(Math.abs(mean - theory)).toBeLessThan(4 * se);
  });

  it("compensated drift: E[S_T] = S_0·e^{μT} within 4 SE, even with large jumps", () => {
    const m = buildModel({ ...p, drift: 0.5, lambda: 10, jumpMean: -0.2, jumpStd: 0.1 });
    const daily = { startMs: 0, stepMs: MS_PER_DAY, steps: 365 };
    const ends = Float64Array.from(
      { length: 4000 },
      (_, k) => (simulate(m, daily, `c${k}`, false).price[365] as number) / 100,
    );
    const { mean, se } = meanSe(ends);
    expect(Math.abs(mean - Math.exp(0.5))).toBeLessThan(4 * se);
  });

  it("with λ = 0 equals GBM on the same drivers", () => {
    const g = { startMs: 0, stepMs: MS_PER_HOUR, steps: 1000 };
    const a = simulate(buildModel({ ...p, lambda: 0 }), g, "eq").price;
    const b = simulate(buildModel({ kind: "gbm", spot: 100, vol: 0.2 }), g, "eq").price;
    for (let i = 0; i <= 1000; i++) expect(a[i]).toBeCloseTo(b[i] as number, 9);
  });
});
