/**
 * Monte-Carlo estimators with their uncertainty (every figure in summary.json, the reports and
 * `compare` comes with a standard error or a 95 % interval):
 * - mean: x̄ with SE = s/√n (s the sample standard deviation, divisor n − 1);
 * - probability: p̂ = k/n with the Wilson score interval (Wilson 1927):
 *   centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²);
 * - quantile (and VaR): distribution-free order-statistic interval, ranks (1-based)
 *   r = ⌊np − z√(np(1 − p))⌋ and s = ⌈np + z√(np(1 − p))⌉ clamped to [1, n] — the normal
 *   approximation of the binomial count of observations below the quantile (Conover 1999, §3.2);
 * - anything else (ES, standard deviation ratios, Sortino): a seeded percentile bootstrap,
 *   `BOOTSTRAP_REPLICATES` resamples of the paths drawn from engine/rng's alea stream
 *   (seed, 0, "bootstrap"), interval the 2.5 % and 97.5 % replicate quantiles (type 7), SE the
 *   replicates' standard deviation. Same seed ⇒ same interval, byte for byte.
 * z = Φ⁻¹(0.975) = 1.959963984540054.
 */
import { streamFor } from "../engine/rng.js";
import { quantile7 } from "./stats.js";

export const Z95 = 1.959963984540054;
export const BOOTSTRAP_REPLICATES = 200;

/** An estimate with its standard error (null when undefined, e.g. n < 2). */
export interface WithSe {
  readonly value: number | null;
  readonly se: number | null;
}

/** An estimate with a 95 % interval. */
export interface WithInterval {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Mean and SE = s/√n of the finite values (NaN/NULL values are skipped). */
export function meanSe(values: ArrayLike<number>): WithSe & { readonly n: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { n, value: null, se: null };
  const m = sum / n;
  if (n < 2) return { n, value: m, se: null };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) ss += (v - m) * (v - m);
  }
  return { n, value: m, se: Math.sqrt(ss / (n - 1) / n) };
}

/** Wilson score interval of k successes in n trials (value p̂ = k/n). */
export function wilson(k: number, n: number, z = Z95): WithInterval {
  if (n === 0) return { value: null, lower: null, upper: null };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 (k = n) the lower (upper) bound is exactly 0 (1); computed, it is off by rounding.
  const lower = k === 0 ? 0 : Math.max(0, centre - half);
  const upper = k === n ? 1 : Math.min(1, centre + half);
  return { value: p, lower, upper };
}

/** 1-based ranks [r, s] of the order-statistic 95 % interval of the p-quantile of n values. */
export function quantileRanks(n: number, p: number, z = Z95): [number, number] {
  const sd = Math.sqrt(n * p * (1 - p));
  const r = Math.min(n, Math.max(1, Math.floor(n * p - z * sd)));
  const s = Math.min(n, Math.max(1, Math.ceil(n * p + z * sd)));
  return [r, s];
}

/** Type-7 quantile of an ascending sample with its order-statistic interval. */
export function quantileInterval(sorted: Float64Array, p: number): WithInterval {
  const n = sorted.length;
  if (n === 0) return { value: null, lower: null, upper: null };
  const [r, s] = quantileRanks(n, p);
  return { value: quantile7(sorted, p), lower: sorted[r - 1] as number, upper: sorted[s - 1] as number };
}

/**
 * Seeded percentile bootstrap of `stat` over n paths: each replicate passes `counts`, how many
 * times each path was drawn (a multinomial resample of size n). `stat` must read only the paths
 * through these weights.
 */
export function bootstrap(
  n: number,
  seed: number,
  stat: (counts: Int32Array) => number,
  replicates = BOOTSTRAP_REPLICATES,
): { readonly se: number | null; readonly lower: number | null; readonly upper: number | null } {
  if (n < 2) return { se: null, lower: null, upper: null };
  const rng = streamFor(seed, 0, "bootstrap");
  const counts = new Int32Array(n);
  const reps: number[] = [];
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng.uniform() * n);
      counts[k] = (counts[k] as number) + 1;
    }
    const v = stat(counts);
    if (Number.isFinite(v)) reps.push(v);
  }
  if (reps.length < 2) return { se: null, lower: null, upper: null };
  const sorted = Float64Array.from(reps).sort();
  const m = meanSe(sorted);
  return {
    se: (m.se as number) * Math.sqrt(sorted.length),
    lower: quantile7(sorted, 0.025),
    upper: quantile7(sorted, 0.975),
  };
}

/**
 * Expected Shortfall at tail probability `tail` of an ascending sample weighted by `counts`
 * (indices into `sorted`): −mean of the worst k = max(1, ⌈W·tail⌉) draws, W = Σ counts.
 */
export function weightedEs(sorted: Float64Array, counts: Int32Array | null, tail: number): number {
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += counts === null ? 1 : (counts[i] as number);
  const k = Math.max(1, Math.ceil(total * tail - 1e-9));
  let taken = 0;
  let sum = 0;
  for (let i = 0; i < sorted.length && taken < k; i++) {
    const c = Math.min(counts === null ? 1 : (counts[i] as number), k - taken);
    taken += c;
    sum += c * (sorted[i] as number);
  }
  return -sum / k;
}

/** Weighted sample standard deviation (divisor W − 1) of `x`; counts null ⇒ every weight 1. */
export function weightedStd(x: ArrayLike<number>, counts: Int32Array | null): number {
  const m = weightedMean(x, counts);
  let w = 0;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const c = counts === null ? 1 : (counts[i] as number);
    const d = (x[i] as number) - m;
    w += c;
    ss += c * d * d;
  }
  return Math.sqrt(ss / (w - 1));
}

/** Weighted mean of `x`. */
export function weightedMean(x: ArrayLike<number>, counts: Int32Array | null): number {
  let w = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const c = counts === null ? 1 : (counts[i] as number);
    w += c;
    s += c * (x[i] as number);
  }
  return s / w;
}
