/**
 * Loads a population snapshot file (CSV or Parquet) into a structure-of-arrays population. The file
 * must be a regular file of at most `MAX_SNAPSHOT_BYTES`, with at most `MAX_ACCOUNTS` rows; CSV is
 * comma-separated, unquoted, one header line. Parquet columns are read as text through DuckDB and
 * validated the same way (row = data row + 1, as if the header were row 1).
 */
import { readFile, stat } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Population } from "../engine/systemic/population.js";
import { fail } from "./issues.js";
import { readSnapshot, type SnapshotTable } from "./population-snapshot.js";

export const MAX_SNAPSHOT_BYTES = 1 << 30;
export const MAX_ACCOUNTS = 5_000_000;

export async function loadSnapshot(
  file: string,
  assets: readonly string[],
  venues: readonly string[],
): Promise<Population> {
  const info = await stat(file).catch(() =>
    fail("file", file, "no such file; allowed: a readable CSV or Parquet file"),
  );
  if (!info.isFile()) fail("file", file, "not a regular file; allowed: a CSV or Parquet file");
  if (info.size > MAX_SNAPSHOT_BYTES)
    fail("too_large", file, `${info.size} bytes; allowed: at most ${MAX_SNAPSHOT_BYTES}`);
  const table = /\.parquet$/i.test(file)
    ? await parquetTable(file)
    : csvTable(file, await readFile(file, "utf8"));
  if (table.rows.length === 0) fail("no_rows", file, "the snapshot has a header but no accounts");
  if (table.rows.length > MAX_ACCOUNTS)
    fail("too_large", file, `${table.rows.length} accounts; allowed: at most ${MAX_ACCOUNTS}`);
  return readSnapshot(file, table, assets, venues);
}

/** Splits CSV text into cells; blank lines at the end are ignored, others are rows with one empty cell. */
export function csvTable(file: string, text: string): SnapshotTable {
  const lines = text.replace(/\r/g, "").split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0)
    fail("empty_file", file, "the file is empty: expected a header and one row per account");
  if (text.includes('"'))
    fail("quoted", file, "quoted fields are not read; allowed: plain comma-separated cells");
  const header = (lines[0] as string).split(",").map((h) => h.trim());
  const rows = lines.slice(1).map((l) => l.split(","));
  return { header, rows, lines: rows.map((_, i) => i + 2) };
}

async function parquetTable(file: string): Promise<SnapshotTable> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const reader = await con
      .runAndReadAll("SELECT * FROM read_parquet($1)", [file])
      .catch((e: unknown) =>
        fail(
          "unreadable_file",
          file,
          `cannot read as Parquet: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    const header = reader.columnNames();
    const rows = reader.getRows().map((r) => r.map((v) => (v === null ? "" : String(v))));
    return { header, rows, lines: rows.map((_, i) => i + 2) };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
