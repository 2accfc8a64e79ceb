/**
 * Generalised Black–Scholes beyond b = r: Greeks against central finite differences of the price
 * for every carry the engine uses — stock with a yield (b = r − q), futures (Black-76, b = 0) and
 * b = r — where theta carries the (b − r)·S·e^{(b−r)T}·N(d₁) term and rho is T·K·e^{−rT}·N(d₂)
 * (b moving with r) or −T·V (b = 0) (Haug, 2nd ed., ch. 1 and 2). Also the zero-vol and
 * past-expiry limits, the tails of Φ, and implied vol under a carry.
 */
import { describe, expect, it } from "vitest";
import { blackPrice, newGreeks, priceBlack } from "./black.js";
import { impliedVol } from "./implied-vol.js";
import { normCdf, normCdfGivenExp, normPdf } from "./normal.js";

/** Carry kinds: b as a function of r (a yield q = 4 % held fixed, futures, b = r). */
const CARRIES: readonly [string, (r: number) => number][] = [
  ["yield q 4 %", (r) => r - 0.04],
  ["futures b 0", () => 0],
  ["b = r", (r) => r],
];

describe("Greeks with a carry b ≠ r (finite differences)", () => {
  for (const [name, carry] of CARRIES) {
    for (const call of [true, false]) {
      it(`${name}, ${call ? "call" : "put"}: delta, gamma, vega, theta, rho`, () => {
        const [s, k, t, r, v] = [105, 100, 0.75, 0.06, 0.35];
        const p = (S: number, T: number, R: number, V: number) => blackPrice(call, S, k, T, R, carry(R), V);
        const x = priceBlack(newGreeks(), call, s, k, t, r, carry(r), v);
        expect(x.price).toBe(p(s, t, r, v));
        const hs = 1e-3 * s;
        expect(x.delta).toBeCloseTo((p(s + hs, t, r, v) - p(s - hs, t, r, v)) / (2 * hs), 6);
        expect(x.gamma).toBeCloseTo((p(s + hs, t, r, v) - 2 * x.price + p(s - hs, t, r, v)) / (hs * hs), 5);
        expect(x.vega).toBeCloseTo((p(s, t, r, v + 1e-5) - p(s, t, r, v - 1e-5)) / 2e-5, 4);
        expect(x.theta).toBeCloseTo(-(p(s, t + 1e-6, r, v) - p(s, t - 1e-6, r, v)) / 2e-6, 3);
        expect(x.rho).toBeCloseTo((p(s, t, r + 1e-6, v) - p(s, t, r - 1e-6, v)) / 2e-6, 3);
      });
    }
  }

  it("starts from zeroed Greeks", () => {
    expect(newGreeks()).toEqual({
      price: 0,
      delta: 0,
      gamma: 0,
      vega: 0,
      theta: 0,
      rho: 0,
      vanna: 0,
      volga: 0,
    });
  });
});

describe("zero volatility with time left: discounted intrinsic value on the forward", () => {
  // S 100, K 90, T 0.5, r 8 %, b = r − 3 %: F = 100·e^{0.025} = 102.53, e^{−rT} = 0.96079.
  const [s, t, r, b] = [100, 0.5, 0.08, 0.05];
  const f = s * Math.exp(b * t);
  const disc = Math.exp(-r * t);
  for (const [call, k] of [
    [true, 90],
    [false, 110],
  ] as const) {
    it(`in-the-money ${call ? "call" : "put"}: e^{−rT}·|F − K|, delta ±e^{(b−r)T}, theta and rho as finite differences`, () => {
      const x = priceBlack(newGreeks(), call, s, k, t, r, b, 0);
      expect(x.price).toBeCloseTo(disc * Math.abs(f - k), 12);
      expect(x.delta).toBeCloseTo((call ? 1 : -1) * Math.exp((b - r) * t), 12);
      expect([x.gamma, x.vega]).toEqual([0, 0]);
      const p = (T: number, R: number) => blackPrice(call, s, k, T, R, R - (r - b), 0);
      expect(x.theta).toBeCloseTo(-(p(t + 1e-6, r) - p(t - 1e-6, r)) / 2e-6, 4);
      expect(x.rho).toBeCloseTo((p(t, r + 1e-6) - p(t, r - 1e-6)) / 2e-6, 4);
    });
  }

  it("out of the money: worth nothing, no delta, no theta, no rho", () => {
    const x = priceBlack(newGreeks(), true, s, 120, t, r, b, 0);
    expect([x.price, x.delta, x.theta, x.rho]).toEqual([0, 0, 0, 0]);
    const y = priceBlack(newGreeks(), false, s, 90, t, r, b, 0);
    expect([y.price, y.delta, y.theta, y.rho]).toEqual([0, 0, 0, 0]);
  });

  it("futures (b = 0): rho = −T·V", () => {
    const x = priceBlack(newGreeks(), true, 100, 90, 0.5, 0.08, 0, 0);
    expect(x.rho).toBeCloseTo(-0.5 * x.price, 12);
  });
});

describe("past expiry (T < 0)", () => {
  it("is worth its undiscounted intrinsic value whatever the rate and carry", () => {
    for (const [r, b] of [
      [0.05, 0.05],
      [0.05, 0.01],
      [0, 0.02],
    ] as const) {
      const c = priceBlack(newGreeks(), true, 110, 100, -0.1, r, b, 0.5);
      expect([c.price, c.delta, c.theta, c.rho]).toEqual([10, 1, 0, 0]);
      const p = priceBlack(newGreeks(), false, 90, 100, -0.1, r, b, 0.5);
      expect([p.price, p.delta]).toEqual([10, -1]);
    }
  });
});

describe("normal density and tails", () => {
  it("φ(0) = 1/√(2π), φ(1) = 0.2419707245, φ(−2) = 0.0539909665", () => {
    expect(normPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normPdf(1)).toBeCloseTo(0.2419707245191434, 14);
    expect(normPdf(-2)).toBeCloseTo(0.05399096651318806, 14);
  });

  it("keeps its relative precision (1e-7) in the far tails: Φ(−10) = 7.6198530241605e−24, Φ(−20) = 2.7536241186062e−89", () => {
    expect(normCdf(-10) / 7.6198530241605e-24).toBeCloseTo(1, 7);
    expect(normCdf(-20) / 2.7536241186062e-89).toBeCloseTo(1, 7);
    expect(normCdf(-37) / 5.725571222524e-300).toBeCloseTo(1, 7);
  });

  it("is exactly 0 or 1 beyond ±37, whatever exponential the caller passes", () => {
    expect(normCdfGivenExp(40, 123)).toBe(1);
    expect(normCdfGivenExp(-40, 123)).toBe(0);
    expect(normCdf(-38)).toBe(0);
  });
});

describe("implied volatility under a carry and at its limits", () => {
  it("recovers σ from a Merton dividend put (Haug: S 100, K 95, T 0.5, r 10 %, q 5 %, σ 20 %)", () => {
    const price = blackPrice(false, 100, 95, 0.5, 0.1, 0.05, 0.2);
    expect(price).toBeCloseTo(2.4648, 4);
    expect(impliedVol(false, 100, 95, 0.5, 0.1, 0.05, price)).toBeCloseTo(0.2, 10);
    const call = blackPrice(true, 100, 95, 0.5, 0.1, 0.05, 0.45);
    expect(impliedVol(true, 100, 95, 0.5, 0.1, 0.05, call)).toBeCloseTo(0.45, 10);
  });

  it("refuses a price at the lower bound itself, naming the side", () => {
    // Call lower bound S·e^{(b−r)T} − K·e^{−rT} with b = 5 %, r = 10 %, T 1.
    const lower = 100 * Math.exp(-0.05) - 80 * Math.exp(-0.1);
    expect(() => impliedVol(true, 100, 80, 1, 0.1, 0.05, lower)).toThrow(/call price .* no-arbitrage bounds/);
    expect(() => impliedVol(false, 100, 120, 1, 0, 0, 20)).toThrow(/put price .* no-arbitrage bounds/);
    expect(() => impliedVol(false, 100, 80, 0.01, 0, 0, 1e-13)).toThrow(/put price .* below 1e-12/);
    expect(() => impliedVol(true, 100, 120, 0.01, 0, 0, 1e-13)).toThrow(/call price .* below 1e-12/);
  });

  it("bounds a call under a carry by S·e^{(b−r)T}: 92 inverts, 99 is refused (S 100, K 95, T 0.5, r 10 %, b 5 %)", () => {
    // Upper bound 100·e^{−0.025} = 97.53.
    const sigma = impliedVol(true, 100, 95, 0.5, 0.1, 0.05, 92);
    expect(blackPrice(true, 100, 95, 0.5, 0.1, 0.05, sigma)).toBeCloseTo(92, 9);
    expect(() => impliedVol(true, 100, 95, 0.5, 0.1, 0.05, 99)).toThrow(/no-arbitrage bounds/);
  });

  it("refuses non-positive spot or strike", () => {
    expect(() => impliedVol(true, 0, 100, 1, 0, 0, 5)).toThrow(/need S > 0/);
    expect(() => impliedVol(true, 100, 0, 1, 0, 0, 5)).toThrow(/K > 0/);
    expect(() => impliedVol(true, -1, 100, 1, 0, 0, 5)).toThrow(/S > 0/);
  });

  it("refuses a price that needs more than 2 000 % vol", () => {
    // T 0.01: at σ = 20, σ√T = 2 and the ATM call is worth 100·(Φ(1) − Φ(−1)) = 68.27; 90 needs more.
    expect(() => impliedVol(true, 100, 100, 0.01, 0, 0, 90)).toThrow(/needs a volatility above 2000 %/);
  });
});
