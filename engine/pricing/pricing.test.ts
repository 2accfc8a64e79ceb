/**
 * Black–Scholes / Black-76 against published values (Hull; Haug, 2nd ed. — REFERENCE "Option
 * pricing"), put–call parity, and Greeks against central finite differences of the price.
 */
import { describe, expect, it } from "vitest";
import { newGreeks, priceBlack, priceBlack76 } from "./black.js";
import { ImpliedVolError, impliedVol } from "./implied-vol.js";
import { normCdf, normPdf } from "./normal.js";

const g = () => newGreeks();

describe("normal distribution", () => {
  it("matches tabulated values of Φ", () => {
    // Abramowitz & Stegun table 26.1 / standard tables.
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normCdf(3)).toBeCloseTo(0.9986501019683699, 14);
    // Far tail: absolute error far below 1e-14, relative error below 1e-7.
    expect(Math.abs(normCdf(-8) / 6.220960574271785e-16 - 1)).toBeLessThan(1e-7);
    expect(Math.abs(normCdf(-5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-9);
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    for (let x = -10; x <= 10; x += 0.37) expect(normCdf(x) + normCdf(-x)).toBeCloseTo(1, 14);
  });
});

describe("published option values", () => {
  it("Black–Scholes S 42, K 40, r 10 %, σ 20 %, T 0.5 → call 4.76, put 0.81 (Hull)", () => {
    expect(priceBlack(g(), true, 42, 40, 0.5, 0.1, 0.1, 0.2).price).toBeCloseTo(4.76, 2);
    expect(priceBlack(g(), false, 42, 40, 0.5, 0.1, 0.1, 0.2).price).toBeCloseTo(0.81, 2);
  });

  it("call Greeks S 49, K 50, r 5 %, σ 20 %, T 0.3846 (Hull)", () => {
    const c = priceBlack(g(), true, 49, 50, 0.3846, 0.05, 0.05, 0.2);
    expect(c.price).toBeCloseTo(2.4, 2);
    expect(c.delta).toBeCloseTo(0.522, 3);
    expect(c.gamma).toBeCloseTo(0.066, 3);
    expect(c.vega).toBeCloseTo(12.1, 1);
    expect(c.theta).toBeCloseTo(-4.31, 2);
    expect(c.rho).toBeCloseTo(8.91, 2);
  });

  it("Black-76 put F 20, K 20, r 9 %, σ 25 %, T 4/12 → 1.12 (Haug)", () => {
    expect(priceBlack76(g(), false, 20, 20, 4 / 12, 0.09, 0.25).price).toBeCloseTo(1.12, 2);
  });

  it("Black-76 F 19, K 19, T 0.75, r 10 %, σ 28 % → call = put = 1.7011 (Haug)", () => {
    expect(priceBlack76(g(), true, 19, 19, 0.75, 0.1, 0.28).price).toBeCloseTo(1.7011, 4);
    expect(priceBlack76(g(), false, 19, 19, 0.75, 0.1, 0.28).price).toBeCloseTo(1.7011, 4);
  });

  it("generalised BSM call S 60, K 65, T 0.25, r = b = 8 %, σ 30 % → 2.1334 (Haug)", () => {
    expect(priceBlack(g(), true, 60, 65, 0.25, 0.08, 0.08, 0.3).price).toBeCloseTo(2.1334, 4);
  });

  it("Merton dividend put S 100, K 95, T 0.5, r 10 %, q 5 %, σ 20 % → 2.4648 (Haug)", () => {
    expect(priceBlack(g(), false, 100, 95, 0.5, 0.1, 0.05, 0.2).price).toBeCloseTo(2.4648, 4);
  });

  it("Garman–Kohlhagen call S 1.56, K 1.60, T 0.5, r 6 %, r_f 8 %, σ 12 % → 0.0291 (Haug)", () => {
    expect(priceBlack(g(), true, 1.56, 1.6, 0.5, 0.06, -0.02, 0.12).price).toBeCloseTo(0.0291, 4);
  });
});

describe("no-arbitrage identities", () => {
  it("put–call parity: C − P = S·e^{(b−r)T} − K·e^{−rT}", () => {
    for (const [s, k, t, r, b, v] of [
      [100, 80, 0.1, 0.02, 0.02, 0.5],
      [3000, 3500, 30 / 365, 0, 0, 0.8],
      [1, 2, 2, 0.05, -0.01, 1.5],
    ] as const) {
      const c = priceBlack(g(), true, s, k, t, r, b, v).price;
      const p = priceBlack(g(), false, s, k, t, r, b, v).price;
      expect(c - p).toBeCloseTo(s * Math.exp((b - r) * t) - k * Math.exp(-r * t), 9);
    }
  });

  it("Greeks equal central finite differences of the price", () => {
    const [s, k, t, r, b, v] = [2900, 3000, 20 / 365, 0.03, 0.03, 0.75];
    for (const call of [true, false]) {
      const p = (S: number, T: number, R: number, V: number) => priceBlack(g(), call, S, k, T, R, R, V).price;
      const x = priceBlack(g(), call, s, k, t, r, b, v);
      const hs = 0.0005 * s;
      expect(x.delta).toBeCloseTo((p(s + hs, t, r, v) - p(s - hs, t, r, v)) / (2 * hs), 5);
      expect(x.gamma).toBeCloseTo((p(s + hs, t, r, v) - 2 * x.price + p(s - hs, t, r, v)) / (hs * hs), 6);
      expect(x.vega).toBeCloseTo((p(s, t, r, v + 1e-5) - p(s, t, r, v - 1e-5)) / 2e-5, 3);
      expect(x.theta).toBeCloseTo(-(p(s, t + 1e-6, r, v) - p(s, t - 1e-6, r, v)) / 2e-6, 1);
      expect(x.rho).toBeCloseTo((p(s, t, r + 1e-6, v) - p(s, t, r - 1e-6, v)) / 2e-6, 3);
    }
  });

  it("at expiry the option is worth its intrinsic value with a step delta", () => {
    const c = priceBlack(g(), true, 110, 100, 0, 0.05, 0.05, 0.3);
    expect(c.price).toBe(10);
    expect(c.delta).toBe(1);
    expect(c.gamma).toBe(0);
    expect(priceBlack(g(), false, 110, 100, 0, 0.05, 0.05, 0.3).price).toBe(0);
  });
});

describe("implied volatility", () => {
  it("S 21, K 20, r 10 %, T 0.25, call 1.875 → σ ≈ 23.5 % (Hull)", () => {
    expect(impliedVol(true, 21, 20, 0.25, 0.1, 0.1, 1.875)).toBeCloseTo(0.235, 3);
  });

  it("inverts the price over a grid of strikes, maturities and vols", () => {
    for (const k of [50, 90, 100, 110, 200]) {
      for (const t of [1 / 365, 0.1, 1, 3]) {
        for (const v of [0.05, 0.3, 0.8, 2]) {
          for (const call of [true, false]) {
            const price = priceBlack(g(), call, 100, k, t, 0.02, 0.02, v).price;
            // Prices too close to the bounds carry no volatility information at double precision.
            const intrinsic = Math.max(
              0,
              call ? 100 - k * Math.exp(-0.02 * t) : k * Math.exp(-0.02 * t) - 100,
            );
            if (price - intrinsic < 1e-8 * 100) continue;
            expect(impliedVol(call, 100, k, t, 0.02, 0.02, price)).toBeCloseTo(v, 5);
          }
        }
      }
    }
  });

  it("fails clearly outside the no-arbitrage bounds", () => {
    expect(() => impliedVol(true, 100, 90, 1, 0, 0, 9)).toThrow(ImpliedVolError);
    expect(() => impliedVol(true, 100, 90, 1, 0, 0, 9)).toThrow(/outside the no-arbitrage bounds/);
    expect(() => impliedVol(true, 100, 90, 1, 0, 0, 100)).toThrow(/no-arbitrage/);
    expect(() => impliedVol(false, 100, 90, 1, 0, 0, 95)).toThrow(/no-arbitrage/);
    expect(() => impliedVol(true, 100, 90, 0, 0, 0, 12)).toThrow(/T > 0/);
  });
});

describe("precision at the edges", () => {
  /** Put price by Simpson's rule on the lognormal density in log space (independent of N). */
  function putByQuadrature(s: number, k: number, t: number, sigma: number): number {
    const sd = sigma * Math.sqrt(t);
    const mu = Math.log(s) - 0.5 * sd * sd;
    const a = mu - 40 * sd;
    const b = Math.log(k);
    const n = 200_000;
    const h = (b - a) / n;
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const x = a + i * h;
      const z = (x - mu) / sd;
      const f = (k - Math.exp(x)) * Math.exp(-0.5 * z * z);
      sum += f * (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
    }
    return (sum * h) / 3 / (sd * Math.sqrt(2 * Math.PI));
  }

  it("prices deep out-of-the-money puts to full relative precision (no 1 − N(d) cancellation)", () => {
    const g = newGreeks();
    for (const k of [60, 40, 30]) {
      const exact = putByQuadrature(100, k, 0.1, 0.5);
      const p = priceBlack(g, false, 100, k, 0.1, 0, 0, 0.5).price;
      expect(Math.abs(p / exact - 1)).toBeLessThan(1e-7);
    }
  });

  it("gives the σ → 0 theta and rho of a discounted intrinsic value with time left (finite differences)", () => {
    const g = newGreeks();
    const v = (t: number, r: number) => priceBlack(newGreeks(), true, 120, 100, t, r, 0, 0).price;
    priceBlack(g, true, 120, 100, 1, 0.05, 0, 0);
    expect(g.price).toBeCloseTo(Math.exp(-0.05) * 20, 12);
    const h = 1e-5;
    expect(g.theta).toBeCloseTo(-(v(1 + h, 0.05) - v(1 - h, 0.05)) / (2 * h), 6); // r·V = 0.9512
    expect(g.rho).toBeCloseTo((v(1, 0.05 + h) - v(1, 0.05 - h)) / (2 * h), 6); // −T·V
    // A put in the money on a stock (b = r): V = K·e^{−rT} − S.
    const p = (t: number, r: number) => priceBlack(newGreeks(), false, 80, 100, t, r, r, 0).price;
    priceBlack(g, false, 80, 100, 1, 0.05, 0.05, 0);
    expect(g.theta).toBeCloseTo(-(p(1 + h, 0.05) - p(1 - h, 0.05)) / (2 * h), 6);
    expect(g.rho).toBeCloseTo((p(1, 0.05 + h) - p(1, 0.05 - h)) / (2 * h), 6);
  });

  it("inverts prices of any scale to the vol that made them, and refuses those lost in rounding", () => {
    const g = newGreeks();
    for (const [s, k] of [
      [1e-8, 1.1e-8],
      [100, 200],
      [3e6, 2.5e6],
    ] as const) {
      const price = priceBlack(g, true, s, k, 0.1, 0, 0, 0.5).price;
      expect(impliedVol(true, s, k, 0.1, 0, 0, price)).toBeCloseTo(0.5, 7);
    }
    const tiny = priceBlack(g, true, 100, 350, 0.1, 0, 0, 0.5).price; // ≈ 4e-15
    expect(() => impliedVol(true, 100, 350, 0.1, 0, 0, tiny)).toThrow(ImpliedVolError);
    expect(() => impliedVol(true, 100, 350, 0.1, 0, 0, tiny)).toThrow(/too small to invert/);
  });
});
