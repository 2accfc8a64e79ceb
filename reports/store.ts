/**
 * The results store: `ColumnTable`s to Parquet through DuckDB, and SQL over a run folder's Parquet
 * files.
 *
 * Determinism: every DuckDB instance opened here runs with `threads=1` and the default
 * `preserve_insertion_order=true`, rows are appended in index order, and `COPY` writes them in
 * that order; so identical input gives identical Parquet contents (row order included) — and, for
 * one DuckDB version, identical bytes.
 *
 * Speed: rows go in through the appender one data chunk (2048 rows, DuckDB's vector size) at a
 * time. Measured on 100 000 rows × 10 DOUBLE columns (2 cores, Node 20): filling by chunks
 * ≈ 0.17 s, by one `appendDouble` per value ≈ 0.22 s, by `CREATE TABLE … AS SELECT unnest($list)`
 * with bound lists ≈ 3.9 s; the whole `writeParquet` (open, fill, `COPY`, close) 0.16–0.20 s.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { quoteIdent, quoteString } from "./sql.js";
import { TableStream } from "./table-stream.js";
import type { ColumnTable, ColumnType } from "./types.js";

/** A result row as plain JS values; BIGINT/HUGEINT come back as `number`. */
export type Row = Record<string, unknown>;

/** The tables of a run folder, each opened as a view over `<name>.parquet` when the file exists. */
export const RUN_TABLES: readonly string[] = ["paths", "events", "series", "accounts"];

/**
 * Opens a fresh in-memory DuckDB (single-threaded, see the file header; `options` are further
 * DuckDB settings, e.g. `memory_limit`), runs `fn` on a connection and closes both, whether `fn`
 * resolves or throws.
 */
export async function withConnection<T>(
  fn: (connection: DuckDBConnection) => Promise<T>,
  options: Readonly<Record<string, string>> = {},
): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", { ...options, threads: "1" });
  try {
    const connection = await instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

export { quoteIdent, quoteString } from "./sql.js";

/**
 * Creates table `tableName` with one typed column per column of `table` (types resolved by
 * `checkTable` with `defaults`) and appends all rows in order.
 * @throws InputError when the table does not check (nothing is created then).
 */
export async function createTable(
  connection: DuckDBConnection,
  tableName: string,
  table: ColumnTable,
  defaults: Readonly<Record<string, ColumnType>> = {},
): Promise<void> {
  const stream = new TableStream(connection, tableName, defaults);
  await stream.add(table);
  stream.close();
}

/**
 * Writes `table` to the Parquet file `file` (overwritten if present) through `connection`, using
 * the scratch table `tableName`, which is dropped afterwards.
 * @throws InputError when the table does not check; nothing is written then.
 */
export async function copyToParquet(
  connection: DuckDBConnection,
  tableName: string,
  table: ColumnTable,
  file: string,
  defaults: Readonly<Record<string, ColumnType>> = {},
): Promise<void> {
  await createTable(connection, tableName, table, defaults);
  try {
    await connection.run(`COPY ${quoteIdent(tableName)} TO ${quoteString(file)} (FORMAT parquet)`);
  } finally {
    await connection.run(`DROP TABLE ${quoteIdent(tableName)}`);
  }
}

/**
 * Writes `table` to the Parquet file `file` in a fresh single-threaded DuckDB.
 * @example await writeParquet("/tmp/p.parquet", { columns: { pnl: Float64Array.of(1, -2) }, length: 2 })
 * @throws InputError when the table does not check (see `checkTable`).
 */
export async function writeParquet(
  file: string,
  table: ColumnTable,
  defaults: Readonly<Record<string, ColumnType>> = {},
): Promise<void> {
  await withConnection((c) => copyToParquet(c, "t", table, file, defaults));
}

/** Runs `sql` and returns its rows as plain objects (bigint → number; see `toPlain`). */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map(toPlain);
}

function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
  return out;
}

/** Reads every row of a Parquet file, in file order. */
export async function readParquet(file: string): Promise<Row[]> {
  return withConnection((c) => queryRows(c, `SELECT * FROM read_parquet(${quoteString(file)})`));
}

/**
 * Runs `sql` over a run folder: each of `paths.parquet`, `events.parquet` and `series.parquet` that
 * exists in `runDir` is a view named `paths`, `events`, `series`.
 * @example await queryRun("runs/demo", "SELECT count(*) AS n FROM paths") // [{ n: 1000 }]
 */
export async function queryRun(runDir: string, sql: string): Promise<Row[]> {
  return withConnection(async (c) => {
    for (const name of RUN_TABLES) {
      const file = join(runDir, `${name}.parquet`);
      if (!existsSync(file)) continue;
      await c.run(`CREATE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${quoteString(file)})`);
    }
    return queryRows(c, sql);
  });
}
