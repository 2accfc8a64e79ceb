/**
 * The SSVI surface (engine/pricing/ssvi.ts) against Gatheral & Jacquier (2014): parameters their
 * sufficient conditions admit show no static arbitrage on a dense numerical grid at every ATM level
 * tried; parameters they reject do show it, so the refusal is not over-cautious by construction.
 */
import { describe, expect, it } from "vitest";
import { FLAT_SMILE, type SsviParams, ssviIssues, ssviVol } from "./ssvi.js";
import { durrleman, linspace, surfaceArbitrage } from "./surface-check.js";

const BASE: SsviParams = { rho: -0.4, eta: 1.2, gamma: 0.5, slope: -0.2, tenor: 30 / 365, minTenor: 1 / 365 };
const KS = linspace(-2.5, 2.5, 101);
const TAUS = [0.05, 0.25, 1, 3, 7, 14, 30, 60, 90, 180, 365, 730].map((d) => d / 365);
/** The total variance the engine marks at: σ(k, τ)²·τ from ssviVol (short-end hold included). */
const surface = (p: SsviParams, atm: number) => (k: number, tau: number) =>
  ssviVol(p, atm, k, tau) ** 2 * tau;

describe("SSVI surface", () => {
  it("is flat at η = 0, β = 0: every strike and tenor at the ATM vol", () => {
    for (const k of [-1, 0, 0.7])
      for (const tau of [0.01, 0.5, 2]) expect(ssviVol(FLAT_SMILE, 0.8, k, tau)).toBeCloseTo(0.8, 14);
  });

  it("gives the ATM reference vol at k = 0 and τ = τ_ref, and σ_ref·(τ/τ_ref)^β at other tenors", () => {
    expect(ssviVol(BASE, 0.7, 0, 30 / 365)).toBeCloseTo(0.7, 12);
    expect(ssviVol(BASE, 0.7, 0, 120 / 365)).toBeCloseTo(0.7 * 4 ** -0.2, 12);
    // Below τ_min every strike keeps its τ_min vol.
    expect(ssviVol(BASE, 0.7, 0, 0.5 / 365)).toBeCloseTo(0.7 * (1 / 30) ** -0.2, 12);
    expect(ssviVol(BASE, 0.7, -0.4, 0.01 / 365)).toBeCloseTo(ssviVol(BASE, 0.7, -0.4, 1 / 365), 12);
  });

  it("puts the put wing above the call wing for ρ < 0, and mirrors it for ρ > 0", () => {
    expect(ssviVol(BASE, 0.7, -0.3, 0.1)).toBeGreaterThan(ssviVol(BASE, 0.7, 0.3, 0.1));
    const mirror = { ...BASE, rho: 0.4 };
    expect(ssviVol(mirror, 0.7, 0.3, 0.1)).toBeCloseTo(ssviVol(BASE, 0.7, -0.3, 0.1), 12);
  });

  it("is free of butterfly and calendar arbitrage on a dense grid when the sufficient conditions hold", () => {
    const admitted: SsviParams[] = [
      BASE,
      { ...BASE, rho: -0.9, eta: 2 / 1.9, gamma: 0.3 },
      { ...BASE, rho: 0.6, eta: 1.25, gamma: 0.5, slope: 0.3 },
      { ...BASE, slope: -0.5 },
    ];
    for (const p of admitted) {
      expect(ssviIssues(p)).toEqual([]);
      for (const atm of [0.1, 0.5, 0.8, 1.5, 3])
        expect(surfaceArbitrage(surface(p, atm), KS, TAUS)).toEqual([]);
    }
  });

  it("shows butterfly arbitrage when η(1 + |ρ|) is far above 2, and the conditions name η", () => {
    const p = { ...BASE, rho: -0.9, eta: 6, slope: 0 };
    expect(ssviIssues(p).map((i) => i.field)).toEqual(["eta"]);
    const found = [0.3, 1, 3].flatMap((atm) => surfaceArbitrage(surface(p, atm), KS, TAUS));
    expect(found.some((v) => v.kind === "butterfly")).toBe(true);
  });

  it("shows calendar arbitrage when the term slope is below −1/2, and the conditions name the slope", () => {
    const p = { ...BASE, slope: -0.8 };
    expect(ssviIssues(p).map((i) => i.field)).toEqual(["slope"]);
    const found = surfaceArbitrage(surface(p, 0.8), KS, TAUS);
    expect(found.some((v) => v.kind === "calendar")).toBe(true);
  });
});

describe("Durrleman's condition", () => {
  it("is exactly 1 for a flat total variance in k (Black–Scholes: a lognormal density)", () => {
    expect(durrleman(() => 0.04, 0.3)).toBeCloseTo(1, 6);
  });

  it("is negative for a slice whose wings grow faster than Lee's moment bound (w′ > 4 with w ≈ 0)", () => {
    expect(durrleman((k) => 0.01 + 5 * Math.abs(k), 1)).toBeLessThan(0);
  });
});
