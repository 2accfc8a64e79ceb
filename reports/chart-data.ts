/**
 * The data behind report.html's charts, each a SQL query over the run folder's tables (DESIGN:
 * every number in a report comes from SQL over the run's tables). Quantile bands use DuckDB's
 * `quantile_cont` (linear interpolation, type 7).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, quoteIdent, type Row } from "./store.js";

/** Quantiles of a series column drawn as bands: 5–95 %, 25–75 % and the median. */
export const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Per grid point, the band quantiles of `column` over the sampled paths (NULLs skipped). */
export async function bands(c: DuckDBConnection, column: string): Promise<Row[]> {
  const col = quoteIdent(column);
  const qs = BAND_QUANTILES.map((q, i) => `quantile_cont(${col}, ${q}) AS q${i}`).join(", ");
  return queryRows(
    c,
    `SELECT strftime(series.time, '%Y-%m-%dT%H:%M:%SZ') AS t, ${qs} FROM series
     WHERE ${col} IS NOT NULL AND isfinite(${col}) GROUP BY series.time ORDER BY series.time`,
  );
}

/** Whether the series table has a TIMESTAMP `time` column and a non-null, finite `column`. */
export async function hasValues(c: DuckDBConnection, column: string): Promise<boolean> {
  const cols = await queryRows(c, "SELECT column_name AS n, column_type AS t FROM (DESCRIBE series)");
  const has = (n: string, t?: string) => cols.some((r) => r["n"] === n && (t === undefined || r["t"] === t));
  if (!has("time", "TIMESTAMP") || !has(column, "DOUBLE")) return false;
  const col = quoteIdent(column);
  const rows = await queryRows(
    c,
    `SELECT count(*) AS n FROM series WHERE ${col} IS NOT NULL AND isfinite(${col})`,
  );
  return ((rows[0]?.["n"] as number) ?? 0) > 0;
}

/** PnL histogram: `bins` equal-width bins between the smallest and largest PnL. */
export async function pnlHistogram(c: DuckDBConnection, bins = 40): Promise<Row[]> {
  return queryRows(
    c,
    `WITH r AS (SELECT min(pnl) AS lo, max(pnl) AS hi FROM paths),
          b AS (SELECT least(${bins - 1}, floor((pnl - lo) / nullif(hi - lo, 0) * ${bins}))::INTEGER AS k, lo, hi
                FROM paths, r)
     SELECT lo + k * (hi - lo) / ${bins} AS x0, lo + (k + 1) * (hi - lo) / ${bins} AS x1, count(*) AS paths
     FROM (SELECT coalesce(k, 0) AS k, lo, coalesce(nullif(hi, lo), lo + 1) AS hi FROM b)
     GROUP BY k, lo, hi ORDER BY k`,
  );
}

/** Liquidations of the trader's accounts per hour and venue (none when the table lacks the columns). */
export async function liquidationTimeline(c: DuckDBConnection): Promise<Row[]> {
  const cols = await queryRows(c, "SELECT column_name AS n, column_type AS t FROM (DESCRIBE events)");
  const has = (n: string) => cols.some((r) => r["n"] === n);
  if (!["time", "type", "account", "venue"].every(has)) return [];
  return queryRows(
    c,
    `SELECT strftime(date_trunc('hour', time), '%Y-%m-%dT%H:%M:%SZ') AS hour, coalesce(venue, 'book') AS venue,
            count(*) AS liquidations
     FROM events WHERE type = 'liquidation' AND account = 'trader' GROUP BY ALL ORDER BY hour, venue`,
  );
}
