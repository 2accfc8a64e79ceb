import { describe, expect, it } from "vitest";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, logReturns, meanSe, simulate } from "./test-util.js";

describe("regime", () => {
  const p = { kind: "regime", spot: 3000, calmVol: 0.4, stressVol: 1.6, toStress: 4, toCalm: 12 };
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 8760 * 3 };
  const burn = 8760 / 2; // half a year, ≈ 8 mean-reversion times 1/(q₀₁+q₁₀), erases the calm start
  const dt = MS_PER_HOUR / MS_PER_YEAR;
  const paths = Array.from({ length: 80 }, (_, k) => simulate(buildModel(p), grid, `r${k}`));

  it("share of time stressed ≈ q₀₁/(q₀₁ + q₁₀)", () => {
    const share = paths.map(({ vol }) => {
      let s = 0;
      for (let i = burn; i < grid.steps; i++) if (vol[i] === p.stressVol) s++;
      return s / (grid.steps - burn);
    });
    const { mean, se } = meanSe(share);
    expect(Math.abs(mean - p.toStress / (p.toStress + p.toCalm))).toBeLessThan(4 * se);
  });

  it("returns in each state have variance σ_s²Δt", () => {
    for (const [state, sigma] of [
      ["calm", p.calmVol],
      ["stressed", p.stressVol],
    ] as const) {
      const perPath = paths.map(({ price, vol }) => {
        const r = logReturns(price);
        let ss = 0;
        let n = 0;
        for (let i = 0; i < r.length; i++) {
          if (vol[i] !== sigma) continue;
          ss += (r[i] as number) ** 2;
          n++;
        }
        return n > 0 ? ss / n : Number.NaN;
      });
      const { mean, se } = meanSe(perPath.filter((x) => !Number.isNaN(x)));
      expect(Math.abs(mean - sigma * sigma * dt), state).toBeLessThan(4 * se);
    }
  });

  it("a zero intensity makes a state absorbing", () => {
    // toStress = 0: once it leaves the stressed start it never returns.
    const { vol } = simulate(buildModel({ ...p, toStress: 0, start: "stressed" }), grid, "stay");
    const firstCalm = vol.indexOf(p.calmVol);
    expect(firstCalm).toBeGreaterThan(0);
    expect(vol.subarray(firstCalm).every((v) => v === p.calmVol)).toBe(true);
    const fixed = simulate(buildModel({ ...p, toStress: 0, toCalm: 0, start: "stressed" }), grid, "s");
    expect(fixed.vol.every((v) => v === p.stressVol)).toBe(true);
  });
});
