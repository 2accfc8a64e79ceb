/**
 * The recommendation section of a population sweep's report.md (reports/recommend.ts): the
 * settings in words; the table — per asset and per combination of the other design parameters,
 * the highest acceptable LT, the worst stress point's probability [95 % interval] and bound there,
 * the grid LTs below it that fail, and the next LT up with the bound and stress point that fail
 * it; the same per stress scenario when there are several; and a note when a Monte-Carlo point
 * has too few paths to ever pass.
 */
import { formatNumber } from "./format.js";
import {
  axisRoles,
  metricColumn,
  pathsNeeded,
  type Recommendation,
  type RecommendSpec,
  recommend,
  stressLabel,
} from "./recommend.js";
import { num, pct } from "./recommend-report.js";
import type { ColumnTable } from "./types.js";

export function settingsText(spec: RecommendSpec, stress: readonly string[]): string {
  const what = spec.metric === "loss" ? "loss (bad debt + shortfall)" : "bad debt written off";
  const bound =
    spec.confidence === 0.5
      ? "the estimated"
      : `the one-sided ${formatNumber(100 * spec.confidence, 1)} % Wilson upper bound of the`;
  const over =
    stress.length > 0
      ? `the worst case over the stress parameters (${stress.join(", ")})`
      : "the one stress scenario";
  return (
    `A point is acceptable when ${bound} probability that a path's ${what} exceeds ` +
    `${pct(spec.target)} of the starting debt is below ${pct(spec.maxProbability)}; where every ` +
    "path has the same prices (a replay) the probability is exact. The recommended LT is the " +
    `highest acceptable grid LT under ${over}.`
  );
}

export function recommendationMarkdown(
  t: ColumnTable,
  params: readonly string[],
  spec: RecommendSpec,
  upper: Float64Array,
): string {
  const roles = axisRoles(params);
  const title = "## Recommended liquidation thresholds";
  if (roles.lt.length === 0)
    return `${title}\n\nThe grid has no LT axis: add \`--grid venues.<venue>.assets.<asset>.lt=…\` for a recommendation.\n`;
  const parts = [title, "", settingsText(spec, roles.stress), "", ...table(t, params, spec, upper)];
  const stresses = new Map<string, number[]>();
  for (let i = 0; i < t.length; i++) {
    const key = stressLabel(t, roles.stress, i);
    stresses.set(key, [...(stresses.get(key) ?? []), i]);
  }
  if (stresses.size > 1)
    for (const [key, rows] of stresses)
      parts.push("", `### Stress: ${key}`, "", ...table(t, params, spec, upper, rows));
  return [...parts, "", ...pathsNote(t, spec)].join("\n");
}

function table(
  t: ColumnTable,
  params: readonly string[],
  spec: RecommendSpec,
  upper: Float64Array,
  rows?: readonly number[],
): string[] {
  const recs = recommend(t, params, upper, spec, rows);
  const { stress } = axisRoles(params);
  const prob = `${metricColumn(spec)}.probability`;
  const design = [...new Set(recs.flatMap((r) => Object.keys(r.design)))];
  const stressOf = (i: number) => stressLabel(t, stress, i);
  const interval = (i: number) =>
    `${pct(num(t, prob, i) ?? undefined)} [${pct(num(t, `${prob}.lower`, i) ?? undefined)}, ${pct(num(t, `${prob}.upper`, i) ?? undefined)}]`;
  const at = (i: number | null) => (i === null ? ["–", "–", "–"] : [interval(i), pct(upper[i]), stressOf(i)]);
  const head = [
    "asset (venue)",
    ...design,
    "highest acceptable LT",
    "P there [95 %]",
    "bound",
    "worst stress",
  ];
  head.push("failing below", "next LT", "its bound", "failing stress");
  const line = (r: Recommendation) => [
    `${r.asset} (${r.venue})`,
    ...design.map((p) => r.design[p] ?? "–"),
    r.lt === null ? "none" : String(r.lt),
    ...at(r.at),
    r.failingBelow.length > 0 ? r.failingBelow.join(", ") : "–",
    r.nextLt === null ? "–" : String(r.nextLt),
    ...at(r.next).slice(1),
  ];
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...recs.map((r) => `| ${line(r).join(" | ")} |`),
  ];
}

function pathsNote(t: ColumnTable, spec: RecommendSpec): string[] {
  const base = metricColumn(spec);
  const n = t.columns[`${base}.paths`] as Float64Array | undefined;
  const sampled = t.columns[`${base}.sampled`] as Float64Array | undefined;
  const need = pathsNeeded(spec);
  const few = n && sampled ? Array.from(n).some((v, i) => sampled[i] === 1 && v < need) : false;
  if (!few || spec.confidence === 0.5) return [];
  return [
    `Monte-Carlo points of fewer than ${need} paths cannot be acceptable even with no exceeding path ` +
      `(their bound stays at or above ${pct(spec.maxProbability)}): run them with \`--paths ${need}\` or more.`,
    "",
  ];
}
