/**
 * Each estimator against a closed form or a hand computation: Wilson intervals from Wilson (1927)
 * worked out by hand, order-statistic ranks, the SE of a mean, the bootstrap's determinism and its
 * agreement with the closed-form SE of a mean.
 */
import { describe, expect, test } from "vitest";
import {
  bootstrap,
  meanSe,
  quantileInterval,
  quantileRanks,
  weightedEs,
  weightedMean,
  wilson,
} from "./estimators.js";

describe("estimators", () => {
  test("mean and SE = s/√n skip NaN (NULL) values", () => {
    // 2, 4, 6: mean 4, s = 2, SE = 2/√3
    const m = meanSe([2, Number.NaN, 4, 6]);
    expect(m.n).toBe(3);
    expect(m.value).toBe(4);
    expect(m.se).toBeCloseTo(2 / Math.sqrt(3), 14);
    expect(meanSe([5]).se).toBeNull();
    expect(meanSe([]).value).toBeNull();
  });

  test("Wilson score interval: 3 of 100, 0 of 200, 10 of 10", () => {
    // p̂ = 0.03, z² = 3.8415: centre 0.047387, half-width 0.037133 ⇒ [0.010255, 0.084519]
    const a = wilson(3, 100);
    expect(a.value).toBe(0.03);
    expect(a.lower).toBeCloseTo(0.010254524, 8);
    expect(a.upper).toBeCloseTo(0.084519364, 8);
    // k = 0: lower 0, upper z²/(n + z²) = 3.8415/203.8415
    const b = wilson(0, 200);
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(3.841458820694124 / (200 + 3.841458820694124), 12);
    // k = n: upper 1, lower n/(n + z²)
    const c = wilson(10, 10);
    expect(c.upper).toBeCloseTo(1, 12);
    expect(c.lower).toBeCloseTo(10 / (10 + 3.841458820694124), 12);
    expect(wilson(0, 0).value).toBeNull();
    // Exactly 0 and 1 at the ends whatever n (computed, 0 of 2 000 came out as 1e-19).
    for (const n of [7, 2000, 123_457]) {
      expect(wilson(0, n).lower).toBe(0);
      expect(wilson(n, n).upper).toBe(1);
    }
  });

  test("order-statistic ranks of the median of 100 and of the 5 % quantile", () => {
    // n·p = 50, √(np(1−p)) = 5: ranks ⌊50 − 9.8⌋ = 40, ⌈50 + 9.8⌉ = 60
    expect(quantileRanks(100, 0.5)).toEqual([40, 60]);
    // n·p = 5, √4.75 = 2.179: ⌊0.73⌋ = 0 → 1, ⌈9.27⌉ = 10
    expect(quantileRanks(100, 0.05)).toEqual([1, 10]);
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileInterval(sorted, 0.5)).toEqual({ value: 50.5, lower: 40, upper: 60 });
  });

  test("ES of a known sample: the mean of the worst ⌈n·tail⌉ outcomes, as a loss", () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(weightedEs(sorted, null, 0.05)).toBe(-3); // −(1+2+3+4+5)/5
    const counts = new Int32Array(100).fill(1);
    counts[0] = 5;
    counts[1] = 0;
    // W = 103, k = ⌈5.15⌉ = 6: five draws of 1, none of 2, one of 3 ⇒ ES = −(5 + 3)/6
    expect(weightedEs(sorted, counts, 0.05)).toBeCloseTo(-8 / 6, 14);
  });

  test("the seeded bootstrap is deterministic and its SE of a mean matches s/√n", () => {
    const x = Float64Array.from({ length: 400 }, (_, i) => Math.sin(i * 1.7) * 10);
    const stat = (w: Int32Array) => weightedMean(x, w);
    const a = bootstrap(x.length, 9, stat);
    expect(bootstrap(x.length, 9, stat)).toEqual(a);
    const closed = meanSe(x).se as number;
    // 200 replicates estimate an SE to about ±10 % (relative SE ≈ 1/√(2·200) = 5 %).
    expect(a.se as number).toBeGreaterThan(0.8 * closed);
    expect(a.se as number).toBeLessThan(1.2 * closed);
    expect(a.lower as number).toBeLessThan(weightedMean(x, null));
    expect(a.upper as number).toBeGreaterThan(weightedMean(x, null));
  });
});
