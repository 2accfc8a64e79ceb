/**
 * Heston semi-closed-form prices (engine/pricing/heston.ts) against a published benchmark, the
 * ξ → 0 limit, parity, the sign of the skew, and an independent Monte-Carlo of the same dynamics.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../rng.js";
import { blackPrice } from "./black.js";
import { type HestonParams, hestonMeanVariance, hestonPrice } from "./heston.js";
import { impliedVol } from "./implied-vol.js";

const FO: HestonParams = { v0: 0.0175, kappa: 1.5768, theta: 0.0398, xi: 0.5751, rho: -0.5711 };

describe("Heston call and put prices", () => {
  it("match Fang & Oosterlee (2008, §5.3) to 1e-7: S = K = 100, T = 1, r = 0, call 5.785155450", () => {
    expect(Math.abs(hestonPrice(true, 100, 100, 1, 0, FO) - 5.78515545)).toBeLessThan(1e-7);
  });

  it("match Andersen's (2008) case I to its 4 decimals: κ 0.5, θ = v₀ 0.04, ξ 1, ρ −0.9, T 10, call 13.0847", () => {
    const p = { v0: 0.04, kappa: 0.5, theta: 0.04, xi: 1, rho: -0.9 };
    expect(hestonPrice(true, 100, 100, 10, 0, p)).toBeCloseTo(13.0847, 4);
  });

  it("tend to Black–Scholes at the mean variance θ + (v₀ − θ)(1 − e^{−κT})/(κT) as ξ → 0 (ρ = 0: the gap is O(ξ²))", () => {
    const p = { v0: 0.09, kappa: 3, theta: 0.04, xi: 0.002, rho: 0 };
    const t = 0.5;
    const vbar = 0.04 + (0.05 * (1 - Math.exp(-1.5))) / 1.5;
    expect(hestonMeanVariance(p, t)).toBeCloseTo(vbar, 14);
    for (const k of [80, 100, 125]) {
      const bs = blackPrice(true, 100, k, t, 0.03, 0.03, Math.sqrt(vbar));
      expect(Math.abs(hestonPrice(true, 100, k, t, 0.03, p) - bs)).toBeLessThan(1e-5 * bs + 1e-7);
    }
  });

  it("satisfy put–call parity C − P = S − K·e^{−rT}", () => {
    for (const k of [70, 100, 140]) {
      const c = hestonPrice(true, 100, k, 0.75, 0.05, FO);
      const p = hestonPrice(false, 100, k, 0.75, 0.05, FO);
      expect(c - p).toBeCloseTo(100 - k * Math.exp(-0.05 * 0.75), 9);
    }
  });

  it("give a downward skew for ρ < 0 and an upward one for ρ > 0 (implied vols at K 80, 100, 120)", () => {
    const iv = (rho: number, k: number) =>
      impliedVol(true, 100, k, 1, 0, 0, hestonPrice(true, 100, k, 1, 0, { ...FO, rho }));
    expect(iv(-0.7, 80)).toBeGreaterThan(iv(-0.7, 100));
    expect(iv(-0.7, 100)).toBeGreaterThan(iv(-0.7, 120));
    expect(iv(0.7, 80)).toBeLessThan(iv(0.7, 120));
  });

  it("agree with a Monte-Carlo of the dynamics (log-Euler, full truncation, 400 steps) within 4 SE", () => {
    const p = { v0: 0.64, kappa: 3, theta: 0.49, xi: 1.2, rho: -0.6 };
    const [t, steps, n] = [0.25, 400, 20_000];
    const dt = t / steps;
    const rng = new Rng("heston-mc");
    const strikes = [2400, 3000, 3600];
    const sum = strikes.map(() => 0);
    const sumSq = strikes.map(() => 0);
    for (let j = 0; j < n; j++) {
      let x = Math.log(3000);
      let v = p.v0;
      for (let i = 0; i < steps; i++) {
        const vp = Math.max(v, 0);
        const z1 = rng.normal();
        const z2 = p.rho * z1 + Math.sqrt(1 - p.rho * p.rho) * rng.normal();
        x += -0.5 * vp * dt + Math.sqrt(vp * dt) * z1;
        v += p.kappa * (p.theta - vp) * dt + p.xi * Math.sqrt(vp * dt) * z2;
      }
      strikes.forEach((k, i) => {
        const c = Math.max(Math.exp(x) - k, 0);
        sum[i] = (sum[i] as number) + c;
        sumSq[i] = (sumSq[i] as number) + c * c;
      });
    }
    strikes.forEach((k, i) => {
      const mean = (sum[i] as number) / n;
      const se = Math.sqrt(((sumSq[i] as number) / n - mean * mean) / n);
      expect(Math.abs(hestonPrice(true, 3000, k, t, 0, p) - mean)).toBeLessThan(4 * se + 0.002 * mean);
    });
  });
});
