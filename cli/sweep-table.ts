/**
 * The table `ballast sweep` prints when it is done: one line per point with its parameters, then
 * - for a position scenario: the probability of liquidation with its 95 % Wilson interval and the
 *   mean PnL ± its standard error;
 * - for a population scenario: the mean loss and bad debt per path (USD), P(loss > target) with
 *   its 95 % Wilson interval, and, when the sweep recommends thresholds, the one-sided upper bound
 *   the recommendation compares with `maxProbability` and whether the point is acceptable
 *   (reports/recommend.ts).
 * points.parquet has every figure (cli/sweep-points.ts).
 */
import type { ColumnTable } from "../reports/types.js";

const POSITION: readonly [string, string, number][] = [
  ["liquidations.probability", "P(liquidation) [95 %]", 4],
  ["pnl.mean", "mean PnL", 2],
];

const POPULATION: readonly [string, string, number][] = [
  ["loss_usd.mean", "mean loss", 0],
  ["bad_debt_usd.mean", "mean bad debt", 0],
  ["p_loss_above_target.probability", "P(loss > target) [95 %]", 4],
  ["recommend.upper", "upper bound", 4],
  ["recommend.acceptable", "acceptable", 0],
];

export function renderPointsTable(t: ColumnTable, params: readonly string[]): string {
  const col = (name: string) => t.columns[name] as ArrayLike<unknown> | undefined;
  const header = ["point", ...params];
  const list = col("p_loss_above_target.probability") !== undefined ? POPULATION : POSITION;
  const figures = list.filter(([name]) => col(name) !== undefined);
  header.push(...figures.map(([, label]) => label));
  const rows: string[][] = [];
  for (let i = 0; i < t.length; i++) {
    const row = [String(col("point")?.[i]), ...params.map((p) => String(col(p)?.[i]))];
    for (const [name, , digits] of figures) {
      const v = col(name)?.[i] as number;
      const se = col(`${name}.se`)?.[i] as number | undefined;
      const lo = col(`${name}.lower`)?.[i] as number | undefined;
      const hi = col(`${name}.upper`)?.[i] as number | undefined;
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : "NULL");
      if (lo !== undefined && hi !== undefined) row.push(`${f(v)} [${f(lo)}, ${f(hi)}]`);
      else row.push(se === undefined || !Number.isFinite(se) ? f(v) : `${f(v)} ± ${f(se)}`);
    }
    rows.push(row);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) => cells.map((s, c) => s.padStart(widths[c] as number)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
