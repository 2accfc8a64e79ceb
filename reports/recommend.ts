/**
 * Threshold recommendations of a population sweep (README "Threshold recommendations").
 *
 * A point is **acceptable** when the one-sided upper confidence bound, at `confidence`, of
 * P(metric > target × starting debt) is below `maxProbability`. The bound is the Wilson score
 * bound with z = Φ⁻¹(confidence) (Wilson 1927; reports/estimators.ts), computed from the point's
 * `exceeding` of `paths` paths; `confidence: 0.5` (z = 0) uses the estimate k/n itself. A point
 * whose paths all have the same prices (`sampled` = 0, a replay without a model) has no sampling
 * error: its probability is exactly 0 or 1 and is its own bound.
 *
 * The grid's parameters take three roles:
 * - an **LT axis** `venues.<venue>.assets.<asset>.lt`: the threshold recommended for that asset;
 * - a **design axis**, another protocol parameter: `venues.…` (bonus, protocol fee, LTV) and
 *   `cascade.rule`, `cascade.closeFactor`, `cascade.reserve`, `cascade.auction.…`;
 * - a **stress axis**, every other parameter (`market.…` presets, shocks or data, `population.…`,
 *   pools, liquidators, chain, oracle): the recommendation is the worst case over them — a design
 *   point is acceptable only when it is under every stress scenario, and its bound is the largest.
 * For each LT axis and each combination of the other design axes (the other assets' LTs among
 * them), the recommended LT is the highest acceptable grid LT, none when no grid LT is. Bad debt
 * need not fall as the LT falls (with the population held fixed, a lower LT liquidates earlier,
 * into another market and gas price), so the lower grid LTs that are *not* acceptable are listed
 * beside it (`failingBelow`): a reader sees at once whether the acceptable set is an interval.
 */
import { normCdf, normPdf } from "../engine/pricing/normal.js";
import { wilson } from "./estimators.js";
import type { ColumnTable } from "./types.js";

/** The settings of a recommendation (a scenario's `recommend:` section, scenarios/schema/recommend.ts). */
export interface RecommendSpec {
  readonly metric: "loss" | "bad-debt";
  /** Threshold as a share of the starting debt. */
  readonly target: number;
  readonly maxProbability: number;
  /** One-sided confidence of the Wilson upper bound (0.5: the estimate). */
  readonly confidence: number;
}

const LT_AXIS = /^venues\.([^.[\]]+)\.assets\.([^.[\]]+)\.lt$/;
const DESIGN_AXIS = /^(venues\.|cascade\.(rule|closeFactor|reserve|auction)(\.|$))/;

/** Φ⁻¹(p) for 0 < p < 1: Newton's method on Φ (engine/pricing/normal.ts, |error| < 1e-14). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile(${p}): p must be in (0, 1)`);
  let x = 0;
  for (let i = 0; i < 100; i++) {
    const step = (normCdf(x) - p) / normPdf(x);
    x -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** The one-sided upper bound of P from k exceeding paths of n (see the module comment). */
export function upperBound(k: number, n: number, sampled: boolean, confidence: number): number {
  if (n === 0) return Number.NaN;
  if (!sampled || confidence === 0.5) return k / n;
  return wilson(k, n, normalQuantile(confidence)).upper as number;
}

/** Fewest paths at which a sampled point with no exceeding path can be acceptable. */
export function pathsNeeded(spec: RecommendSpec): number {
  const z = normalQuantile(spec.confidence);
  const m = spec.maxProbability;
  // Wilson upper bound at k = 0: z² / (n + z²) < m  ⇔  n > z²(1 − m)/m.
  return Math.floor((z * z * (1 - m)) / m) + 1;
}

export interface AxisRoles {
  readonly lt: readonly { readonly param: string; readonly venue: string; readonly asset: string }[];
  readonly design: readonly string[];
  readonly stress: readonly string[];
}

export function axisRoles(params: readonly string[]): AxisRoles {
  const lt = params.flatMap((param) => {
    const m = LT_AXIS.exec(param);
    return m ? [{ param, venue: m[1] as string, asset: m[2] as string }] : [];
  });
  const isLt = new Set(lt.map((a) => a.param));
  const design = params.filter((p) => !isLt.has(p) && DESIGN_AXIS.test(p));
  const stress = params.filter((p) => !isLt.has(p) && !DESIGN_AXIS.test(p));
  return { lt, design, stress };
}

/** The column of the chosen metric's exceedance (`p_loss_above_target` or `p_bad_debt_above_target`). */
export function metricColumn(spec: RecommendSpec): string {
  return spec.metric === "loss" ? "p_loss_above_target" : "p_bad_debt_above_target";
}

/** Per point: `recommend.upper` (the bound) and `recommend.acceptable` (1 or 0; NULL-less). */
export function pointVerdicts(
  t: ColumnTable,
  spec: RecommendSpec,
): { upper: Float64Array; acceptable: Int32Array } {
  const base = metricColumn(spec);
  const col = (k: string) => t.columns[`${base}.${k}`] as Float64Array | undefined;
  const [k, n, sampled] = [col("exceeding"), col("paths"), col("sampled")];
  const upper = new Float64Array(t.length).fill(Number.NaN);
  const acceptable = new Int32Array(t.length);
  if (k === undefined || n === undefined || sampled === undefined) return { upper, acceptable };
  for (let i = 0; i < t.length; i++) {
    upper[i] = upperBound(k[i] as number, n[i] as number, sampled[i] === 1, spec.confidence);
    acceptable[i] = (upper[i] as number) < spec.maxProbability ? 1 : 0;
  }
  return { upper, acceptable };
}

/** A parameter's value at row i, as the key it groups by (numbers as written). */
export function valueAt(t: ColumnTable, param: string, i: number): string {
  const v = (t.columns[param] as ArrayLike<unknown> | undefined)?.[i];
  return v === undefined ? "" : String(v);
}

/** A point's stress scenario in words: `param = value` for each stress parameter it sets. */
export function stressLabel(t: ColumnTable, stress: readonly string[], i: number): string {
  const set = stress.filter((p) => valueAt(t, p, i) !== "");
  return set.length === 0 ? "the file's own" : set.map((p) => `${p} = ${valueAt(t, p, i)}`).join(", ");
}

export interface Recommendation {
  readonly asset: string;
  readonly venue: string;
  readonly param: string;
  /** The other design axes' values of this row. */
  readonly design: Readonly<Record<string, string>>;
  /** Highest acceptable grid LT; null when even the lowest is not acceptable. */
  readonly lt: number | null;
  /** At `lt`: the worst stress point's row (largest bound), or null. */
  readonly at: number | null;
  /** The next grid LT up (null at the top of the grid) and its worst stress point's row. */
  readonly nextLt: number | null;
  readonly next: number | null;
  /** Grid LTs below `lt` that are not acceptable. */
  readonly failingBelow: readonly number[];
}

/**
 * The recommendation table (see the module comment); `upper` from `pointVerdicts`; `subset`: only
 * these rows (e.g. one stress scenario's).
 */
export function recommend(
  t: ColumnTable,
  params: readonly string[],
  upper: Float64Array,
  spec: RecommendSpec,
  subset?: readonly number[],
): Recommendation[] {
  const roles = axisRoles(params);
  const out: Recommendation[] = [];
  for (const axis of roles.lt) {
    const others = [...roles.design, ...roles.lt.filter((a) => a !== axis).map((a) => a.param)];
    const groups = new Map<string, number[]>();
    for (const i of rowsOf(t, subset)) {
      const key = JSON.stringify(others.map((p) => valueAt(t, p, i)));
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    for (const rows of groups.values()) out.push(recommendOne(t, axis, others, rows, upper, spec));
  }
  return out;
}

function rowsOf(t: ColumnTable, subset: readonly number[] | undefined): readonly number[] {
  return subset ?? Array.from({ length: t.length }, (_, i) => i);
}

function recommendOne(
  t: ColumnTable,
  axis: AxisRoles["lt"][number],
  others: readonly string[],
  rows: readonly number[],
  upper: Float64Array,
  spec: RecommendSpec,
): Recommendation {
  const lts = t.columns[axis.param] as Float64Array;
  const levels = [...new Set(rows.map((i) => lts[i] as number))].sort((a, b) => a - b);
  // Per LT: the row of the worst stress point (largest bound; NaN counts as worst).
  const worst = levels.map((lt) =>
    rows
      .filter((i) => lts[i] === lt)
      .reduce((w, i) => (!((upper[i] as number) <= (upper[w] as number)) ? i : w)),
  );
  const ok = worst.map((i) => (upper[i] as number) < spec.maxProbability);
  const best = ok.lastIndexOf(true);
  const first = rows[0] as number;
  return {
    asset: axis.asset,
    venue: axis.venue,
    param: axis.param,
    design: Object.fromEntries(others.map((p) => [p, valueAt(t, p, first)])),
    lt: best >= 0 ? (levels[best] as number) : null,
    at: best >= 0 ? (worst[best] as number) : null,
    nextLt: best + 1 < levels.length ? (levels[best + 1] as number) : null,
    next: best + 1 < levels.length ? (worst[best + 1] as number) : null,
    failingBelow: levels.filter((_, j) => j < best && !ok[j]),
  };
}
