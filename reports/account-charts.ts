/**
 * report.html's per-account charts: when the trader holds two or more venue accounts, the health
 * factor (lending) or margin ratio (perp) of each one as quantile bands over the sampled paths,
 * by SQL over `accounts.parquet` (reports/schema-accounts.ts). With a single account the book-level
 * bands of `series` already show it.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { BAND_QUANTILES } from "./chart-data.js";
import { bandChart, type Spec } from "./charts.js";
import { queryRows, quoteString, type Row } from "./store.js";

/** Most accounts drawn (a chart each); further accounts are left to `ballast query`. */
export const MAX_ACCOUNT_CHARTS = 8;

/** Per grid point, the band quantiles of `column` over the sampled paths of `venue`'s account. */
async function accountBands(c: DuckDBConnection, venue: string, column: string): Promise<Row[]> {
  const qs = BAND_QUANTILES.map((q, i) => `quantile_cont(${column}, ${q}) AS q${i}`).join(", ");
  return queryRows(
    c,
    `SELECT strftime(time, '%Y-%m-%dT%H:%M:%SZ') AS t, ${qs} FROM accounts
     WHERE venue = ${quoteString(venue)} AND ${column} IS NOT NULL AND isfinite(${column})
     GROUP BY time ORDER BY time`,
  );
}

/** Charts of the accounts view (none without one, or with fewer than two accounts). */
export async function accountCharts(c: DuckDBConnection): Promise<[string, string, Spec][]> {
  const has = await queryRows(
    c,
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'accounts'",
  );
  if (((has[0]?.["n"] as number) ?? 0) === 0) return [];
  const venues = await queryRows(
    c,
    `SELECT venue, count(healthFactor) FILTER (WHERE isfinite(healthFactor)) AS hf,
            count(marginRatio) FILTER (WHERE isfinite(marginRatio)) AS mr
     FROM accounts GROUP BY venue ORDER BY venue LIMIT ${MAX_ACCOUNT_CHARTS}`,
  );
  if (venues.length < 2) return [];
  const out: [string, string, Spec][] = [];
  for (const [i, v] of venues.entries()) {
    const venue = String(v["venue"]);
    const lending = (v["hf"] as number) > 0;
    if (!lending && (v["mr"] as number) === 0) continue;
    const column = lending ? "healthFactor" : "marginRatio";
    const caption = lending
      ? `Health factor of the loan at ${venue}: quantile bands (< 1 ⇒ liquidatable)`
      : `Margin ratio of the perp account at ${venue}: quantile bands (≥ 1 ⇒ liquidatable)`;
    const y = lending ? "health factor" : "margin ratio";
    out.push([`account-${i}`, caption, bandChart(caption, await accountBands(c, venue, column), y)]);
  }
  return out;
}
