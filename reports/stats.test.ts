import { describe, expect, test } from "vitest";
import { InternalError } from "../engine/errors.js";
import { quantile7, roundSig, summarise, tailRisk } from "./stats.js";

/** Hyndman–Fan type 7, written out independently of stats.ts: h = (n−1)p, linear interpolation. */
function type7(sortedAsc: readonly number[], p: number): number {
  const h = (sortedAsc.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sortedAsc.length - 1);
  return (sortedAsc[lo] as number) + (h - lo) * ((sortedAsc[hi] as number) - (sortedAsc[lo] as number));
}

/** Deterministic standard normals: Box–Muller over the Numerical Recipes 32-bit LCG. */
function normals(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

const oneTo100 = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe("quantiles (type 7)", () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6]; // sorted: 1 1 2 3 4 5 6 9, n = 8
  const sorted = Float64Array.from(x).sort();

  test("match values worked out by hand", () => {
    // p = 0.25: h = 1.75 → 1 + 0.75·(2 − 1); p = 0.5: h = 3.5 → 3 + 0.5·(4 − 3); p = 0.9: h = 6.3 → 6 + 0.3·(9 − 6)
    expect(quantile7(sorted, 0)).toBe(1);
    expect(quantile7(sorted, 0.25)).toBeCloseTo(1.75, 14);
    expect(quantile7(sorted, 0.5)).toBeCloseTo(3.5, 14);
    expect(quantile7(sorted, 0.9)).toBeCloseTo(6.9, 14);
    expect(quantile7(sorted, 1)).toBe(9);
  });

  test("agree with the formula written out in the test at many p", () => {
    const asc = Array.from(sorted);
    for (let p = 0; p <= 1.0000001; p += 0.01) {
      const q = Math.min(p, 1);
      expect(quantile7(sorted, q)).toBeCloseTo(type7(asc, q), 12);
    }
  });

  test("summarise reports them keyed by String(p), ascending, duplicates dropped", () => {
    const s = summarise(Float64Array.from(x), [0.9, 0.25, 0.5, 0.25]);
    expect(Object.keys(s.quantiles)).toEqual(["0.25", "0.5", "0.9"]);
    expect(s.quantiles).toEqual({ "0.25": 1.75, "0.5": 3.5, "0.9": 6.9 });
  });
});

describe("VaR and ES", () => {
  test("of 1..100 (all gains): VaR95 = −Q(0.05) = −5.95, ES95 = −mean(1..5) = −3", () => {
    // Q(0.05): h = 99·0.05 = 4.95 → x[4] + 0.95·(x[5] − x[4]) = 5.95; worst ⌈100·0.05⌉ = 5 outcomes.
    // Q(0.01): h = 0.99 → 1.99; worst ⌈100·0.01⌉ = 1 outcome.
    const s = summarise(oneTo100, []);
    expect(s.var95).toBe(-5.95);
    expect(s.es95).toBe(-3);
    expect(s.var99).toBe(-1.99);
    expect(s.es99).toBe(-1);
  });

  test("of −1..−100 (all losses): VaR95 = 95.05, ES95 = mean(96..100) = 98, VaR99 = 99.01, ES99 = 100", () => {
    const s = summarise(
      oneTo100.map((v) => -v),
      [],
    );
    expect(s.var95).toBe(95.05);
    expect(s.es95).toBe(98);
    expect(s.var99).toBe(99.01);
    expect(s.es99).toBe(100);
  });

  test("ES counts ⌈n·tail⌉ outcomes: 10 values at 5 % use the single worst, 101 values at 5 % use 6", () => {
    expect(
      tailRisk(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        0.05,
      ).es,
    ).toBe(-1);
    const r = tailRisk(
      Float64Array.from({ length: 101 }, (_, i) => i),
      0.05,
    );
    expect(r.es).toBe(-(0 + 1 + 2 + 3 + 4 + 5) / 6);
  });

  test("of a large standard normal sample approach the closed forms", () => {
    // VaR95 = Φ⁻¹(0.95) = 1.6449; ES95 = φ(1.6449)/0.05 = 2.0627; ES99 = φ(2.3263)/0.01 = 2.6652.
    // Tolerances ≈ 4 standard errors at n = 200 000 (VaR95 ≈ 0.005, ES95 ≈ 0.007, ES99 ≈ 0.012).
    const s = summarise(normals(200_000, 12345), [0.5]);
    expect(Math.abs(s.mean as number)).toBeLessThan(0.01);
    expect(Math.abs((s.std as number) - 1)).toBeLessThan(0.01);
    expect(Math.abs((s.var95 as number) - 1.6449)).toBeLessThan(0.02);
    expect(Math.abs((s.es95 as number) - 2.0627)).toBeLessThan(0.03);
    expect(Math.abs((s.es99 as number) - 2.6652)).toBeLessThan(0.05);
    expect(Math.abs(s.quantiles["0.5"] as number)).toBeLessThan(0.01);
  });
});

describe("summarise", () => {
  test("moments of 1..100: mean 50.5, sample std √(100·101/12), min 1, max 100", () => {
    const s = summarise(oneTo100, [0.5]);
    expect(s.n).toBe(100);
    expect(s.mean).toBe(50.5);
    expect(s.std).toBe(roundSig(Math.sqrt((100 * 101) / 12)));
    expect([s.min, s.max]).toEqual([1, 100]);
  });

  test("an empty sample gives n = 0 and nulls; one value has no sample std", () => {
    const e = summarise(new Float64Array(0), [0.5]);
    expect(e).toMatchObject({
      n: 0,
      mean: null,
      std: null,
      var95: null,
      es99: null,
      quantiles: { "0.5": null },
    });
    const one = summarise(Float64Array.of(-7), [0.5]);
    expect(one).toMatchObject({ n: 1, mean: -7, std: null, var95: 7, es95: 7, quantiles: { "0.5": -7 } });
  });

  test("rounds to 12 significant digits and gives identical JSON for identical input", () => {
    const x = normals(1001, 7);
    const s = summarise(x, [0.01, 0.99]);
    expect(JSON.stringify(summarise(Float64Array.from(x), [0.01, 0.99]))).toBe(JSON.stringify(s));
    const figures = [
      s.mean,
      s.std,
      s.min,
      s.max,
      s.var95,
      s.es95,
      s.var99,
      s.es99,
      ...Object.values(s.quantiles),
    ];
    for (const v of figures) expect(Number((v as number).toPrecision(12))).toBe(v);
    expect(s.mean).not.toBe(Array.from(x).reduce((a, b) => a + b, 0) / x.length);
  });

  test("rejects non-finite PnL and quantiles outside [0, 1]", () => {
    // A non-finite PnL is an engine bug (exit 3), not bad input.
    expect(() => summarise(Float64Array.of(1, Number.NaN), [])).toThrow(InternalError);
    expect(() => summarise(Float64Array.of(1, Number.POSITIVE_INFINITY), [])).toThrow(/finite/);
    expect(() => summarise(Float64Array.of(1), [1.5])).toThrow(/report.quantiles/);
  });
});

describe("roundSig", () => {
  test("keeps 12 significant digits, normalises -0 and maps non-finite to null", () => {
    expect(roundSig(0.1 + 0.2)).toBe(0.3);
    expect(roundSig(1 / 3)).toBe(0.333333333333);
    expect(roundSig(123456789.1234567)).toBe(123456789.123);
    expect(Object.is(roundSig(-0), 0)).toBe(true);
    expect(roundSig(Number.NaN)).toBeNull();
  });
});
