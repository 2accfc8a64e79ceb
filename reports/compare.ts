/**
 * Compares a candidate run with a baseline, metric by metric, with the standard error of each
 * change. When both runs share the seed, the price model and the path count, path i of both saw
 * the same prices (common random numbers): changes are estimated from per-path differences
 * dᵢ = candidateᵢ − baselineᵢ, SE = sd(d)/√n, far smaller than either run's own SE. Otherwise the
 * runs are independent: SE = √(s₁²/n₁ + s₂²/n₂) (Welch). Metrics that are not means (hedge error,
 * VaR, ES) get the SE of their change from a seeded bootstrap that resamples the same path
 * indices in both runs when paired and independent ones otherwise (reports/estimators.ts).
 */

import { streamFor } from "../engine/rng.js";
import { BOOTSTRAP_REPLICATES, meanSe, weightedEs, weightedStd } from "./estimators.js";
import { quantile7 } from "./stats.js";

/** Which direction of a change is a deterioration. */
export type Worse = "higher" | "lower";

/** One comparable metric: a per-path statistic of a run's columns, and its bad direction. */
export interface MetricDef {
  readonly name: string;
  readonly label: string;
  readonly worse: Worse;
  /** Per-path values whose mean is the metric (means and probabilities), or … */
  readonly perPath?: (c: RunColumns) => Float64Array | null;
  /** … a statistic of the whole sample under bootstrap weights (null counts: all weights 1). */
  readonly whole?: (c: RunColumns, counts: Int32Array | null) => number;
}

export type RunColumns = Readonly<Record<string, Float64Array>>;

const col = (name: string) => (c: RunColumns) => c[name] ?? null;
const sortedPnl = new WeakMap<RunColumns, { sorted: Float64Array; order: Int32Array }>();

/** PnL sorted ascending, with the path index of each sorted value (cached per run). */
function byPnl(c: RunColumns): { sorted: Float64Array; order: Int32Array } {
  let s = sortedPnl.get(c);
  if (s === undefined) {
    const pnl = c["pnl"] as Float64Array;
    const order = Int32Array.from(pnl.keys()).sort(
      (a, b) => (pnl[a] as number) - (pnl[b] as number) || a - b,
    );
    s = { sorted: Float64Array.from(order, (i) => pnl[i] as number), order };
    sortedPnl.set(c, s);
  }
  return s;
}

function permuted(counts: Int32Array | null, order: Int32Array): Int32Array | null {
  return counts === null ? null : Int32Array.from(order, (i) => counts[i] as number);
}

/** Tail loss at `tail` under weights: VaR (type-7 quantile when unweighted) or ES. */
function tailStat(kind: "var" | "es", tail: number) {
  return (c: RunColumns, counts: Int32Array | null) => {
    const { sorted, order } = byPnl(c);
    const w = permuted(counts, order);
    if (kind === "es") return weightedEs(sorted, w, tail);
    if (w === null) return -quantile7(sorted, tail);
    let total = 0;
    for (const k of w) total += k;
    const target = Math.max(1, Math.ceil(total * tail - 1e-9));
    let seen = 0;
    for (let i = 0; i < sorted.length; i++) {
      seen += w[i] as number;
      if (seen >= target) return -(sorted[i] as number);
    }
    return -(sorted[sorted.length - 1] as number);
  };
}

/** The metrics `compare` knows, by name (gate.yaml keys). */
export const METRICS: readonly MetricDef[] = [
  { name: "meanPnl", label: "Mean PnL", worse: "lower", perPath: col("pnl") },
  {
    name: "hedgeError",
    label: "Hedge error (std PnL / premium)",
    worse: "higher",
    whole: (c, w) => {
      const premium = meanSe(c["premium"] ?? []).value ?? 0;
      return premium > 0 ? weightedStd(c["pnl"] as Float64Array, w) / premium : Number.NaN;
    },
  },
  { name: "var95", label: "VaR 95 %", worse: "higher", whole: tailStat("var", 0.05) },
  { name: "es95", label: "ES 95 %", worse: "higher", whole: tailStat("es", 0.05) },
  {
    name: "pLiquidation",
    label: "P(liquidation)",
    worse: "higher",
    perPath: (c) => c["liquidations"]?.map((v) => (v > 0 ? 1 : 0)) ?? null,
  },
  { name: "meanBadDebt", label: "Bad debt (mean)", worse: "higher", perPath: col("badDebt") },
  { name: "meanHedgeCost", label: "Hedge cost (mean)", worse: "higher", perPath: col("hedgeCost") },
  { name: "meanMaxDrawdown", label: "Max drawdown (mean)", worse: "higher", perPath: col("maxDrawdown") },
  {
    name: "meanPeakMarginUtilisation",
    label: "Peak margin utilisation (mean)",
    worse: "higher",
    perPath: col("peakMarginUtilisation"),
  },
];

/** A metric's values in both runs, the change and its standard error. */
export interface Change {
  readonly baseline: number;
  readonly candidate: number;
  readonly change: number;
  readonly se: number | null;
}

/** The change of `m` between the runs (null when neither run defines it). */
export function change(
  m: MetricDef,
  base: RunColumns,
  cand: RunColumns,
  paired: boolean,
  seed: number,
): Change | null {
  if (m.perPath !== undefined) {
    const a = m.perPath(base);
    const b = m.perPath(cand);
    if (a === null || b === null) return null;
    const ma = meanSe(a);
    const mb = meanSe(b);
    if (ma.value === null || mb.value === null) return null;
    const se = paired
      ? meanSe(b.map((v, i) => v - (a[i] as number))).se
      : ma.se === null || mb.se === null
        ? null
        : Math.sqrt(ma.se ** 2 + mb.se ** 2);
    return { baseline: ma.value, candidate: mb.value, change: mb.value - ma.value, se };
  }
  const whole = m.whole as NonNullable<MetricDef["whole"]>;
  const va = whole(base, null);
  const vb = whole(cand, null);
  if (!Number.isFinite(va) || !Number.isFinite(vb)) return null;
  return {
    baseline: va,
    candidate: vb,
    change: vb - va,
    se: bootstrapChangeSe(whole, base, cand, paired, seed),
  };
}

function draw(counts: Int32Array, rng: { uniform(): number }): void {
  counts.fill(0);
  const n = counts.length;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rng.uniform() * n);
    counts[k] = (counts[k] as number) + 1;
  }
}

function bootstrapChangeSe(
  stat: NonNullable<MetricDef["whole"]>,
  base: RunColumns,
  cand: RunColumns,
  paired: boolean,
  seed: number,
): number | null {
  const na = (base["pnl"] as Float64Array).length;
  const nb = (cand["pnl"] as Float64Array).length;
  if (na < 2 || nb < 2) return null;
  const ra = streamFor(seed, 0, "compare-baseline");
  const rb = streamFor(seed, 0, "compare-candidate");
  const ca = new Int32Array(na);
  const cb = new Int32Array(nb);
  const diffs: number[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    draw(ca, ra);
    if (paired) cb.set(ca);
    else draw(cb, rb);
    const d = stat(cand, cb) - stat(base, ca);
    if (Number.isFinite(d)) diffs.push(d);
  }
  if (diffs.length < 2) return null;
  return (meanSe(diffs).se as number) * Math.sqrt(diffs.length);
}
