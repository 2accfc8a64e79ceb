/** Seeded streams: reproducible, independent per (seed, path, purpose), with correct moments. */
import { describe, expect, it } from "vitest";
import { Rng, streamFor } from "./rng.js";

function draw(r: Rng, n: number, f: (r: Rng) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(r);
  return out;
}

describe("Rng", () => {
  it("is reproducible from (seed, path, purpose) and differs across any of them", () => {
    const a = draw(streamFor(7, 3, "prices"), 100, (r) => r.uniform());
    expect(draw(streamFor(7, 3, "prices"), 100, (r) => r.uniform())).toEqual(a);
    expect(draw(streamFor(8, 3, "prices"), 100, (r) => r.uniform())).not.toEqual(a);
    expect(draw(streamFor(7, 4, "prices"), 100, (r) => r.uniform())).not.toEqual(a);
    expect(draw(streamFor(7, 3, "oracle"), 100, (r) => r.uniform())).not.toEqual(a);
  });

  it("draws normals with mean 0, variance 1, skew 0, kurtosis 3 (within 5 standard errors)", () => {
    const n = 200_000;
    const x = draw(new Rng("normal-moments"), n, (r) => r.normal());
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const v of x) {
      m1 += v;
      m2 += v * v;
      m3 += v ** 3;
      m4 += v ** 4;
    }
    m1 /= n;
    m2 /= n;
    m3 /= n;
    m4 /= n;
    // Standard errors for N(0,1): mean 1/√n, variance √(2/n), skew √(6/n), kurtosis √(24/n).
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m3)).toBeLessThan(5 * Math.sqrt(15 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });

  it("draws Poisson counts with mean and variance λ", () => {
    for (const lambda of [0.3, 4, 50]) {
      const n = 50_000;
      const x = draw(new Rng(`poisson-${lambda}`), n, (r) => r.poisson(lambda));
      const mean = x.reduce((s, v) => s + v, 0) / n;
      const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
    }
  });
});
