/**
 * Reads each table of a set of run folders as one `UNION ALL` of their Parquet files, in the
 * order given, through DuckDB (single-threaded, insertion order kept: reports/store.ts), into
 * column tables — every column the files have, typed from the files' own schema.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../engine/errors.js";
import { quoteString, RUN_TABLES, withConnection } from "../reports/store.js";
import type { Column, ColumnTable, ColumnType } from "../reports/types.js";

export async function readTables(dirs: readonly string[]): Promise<Record<string, ColumnTable>> {
  const out: Record<string, ColumnTable> = {};
  await withConnection(async (c) => {
    for (const name of RUN_TABLES) {
      const files = dirs.map((d) => join(d, `${name}.parquet`));
      const have = files.filter((f) => existsSync(f));
      if (have.length === 0) continue;
      if (have.length < files.length) {
        const missing = files.find((f) => !existsSync(f)) as string;
        throw new InputError([
          {
            code: "missing",
            path: missing,
            message: `no ${name}.parquet where the other shards have one; allowed: complete shard folders`,
          },
        ]);
      }
      const sql = files.map((f) => `SELECT * FROM read_parquet(${quoteString(f)})`).join(" UNION ALL ");
      const reader = await c.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => String(t));
      const values = reader.getColumnsJS();
      const columns: Record<string, Column> = {};
      const pinned: Record<string, ColumnType> = {};
      names.forEach((n, i) => {
        const type = columnType(types[i] ?? "");
        pinned[n] = type;
        columns[n] = toColumn(values[i] ?? [], type);
      });
      out[name] = { columns, length: reader.currentRowCount, types: pinned };
    }
  });
  return out;
}

/** The results store's type of a Parquet column (reports/types.ts `ColumnType`). */
function columnType(duck: string): ColumnType {
  if (duck === "INTEGER" || duck === "VARCHAR") return duck;
  return duck.startsWith("TIMESTAMP") ? "TIMESTAMP" : "DOUBLE";
}

/** NULL in a DOUBLE column comes back as NaN, the engine's "no value" (stored as NULL again). */
function toColumn(values: readonly unknown[], type: ColumnType): Column {
  if (type === "INTEGER") return Int32Array.from(values, (v) => Number(v));
  if (type === "VARCHAR") return values.map((v) => (v === null ? null : String(v)));
  if (type === "TIMESTAMP")
    return Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : Number(v)));
  return Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v)));
}
