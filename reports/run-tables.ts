/**
 * A run folder's tables written from pieces — the blocks of paths of a run, in path order — with
 * memory that does not grow with the row count beyond the per-path columns the summary needs:
 * each piece is appended to DuckDB tables (reports/table-stream.ts: same bytes however the rows
 * are split) and dropped; DuckDB keeps at most `MEMORY_LIMIT` of table data in memory and spills
 * the rest to a folder inside the run's temporary folder; `COPY` then writes each table's Parquet
 * file. Only the `paths` columns stay in memory (8 bytes per path and numeric column), because
 * every summary figure is computed from them (reports/summary.ts).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { TABLES, typesOf } from "./schema.js";
import { quoteIdent, quoteString } from "./sql.js";
import { withConnection } from "./store.js";
import { TableStream } from "./table-stream.js";
import type { Column, ColumnTable, ColumnType } from "./types.js";

/** DuckDB's memory for table data while a run folder is written; more spills to disk. */
export const MEMORY_LIMIT = "192MB";

/** The tables of one piece: paths rows (required), events, series and accounts rows (optional). */
export interface RunTables {
  readonly paths: ColumnTable;
  readonly events?: ColumnTable;
  readonly series?: ColumnTable;
  readonly accounts?: ColumnTable;
}

/** Documented SQL types of each table's columns (reports/schema.ts); typed arrays keep theirs. */
export const TYPES: Readonly<Record<string, Readonly<Record<string, ColumnType>>>> = Object.fromEntries(
  Object.entries(TABLES).map(([name, columns]) => [name, typesOf(columns)]),
);

/**
 * Writes `paths.parquet`, `events.parquet` (empty, with the documented schema, when no piece has
 * events), `series.parquet` and `accounts.parquet` (when the first piece has series; accounts empty
 * with its schema when no piece has account rows) into `dir`, from `pieces` in order; returns the
 * whole paths table (`rows` rows) for the summary.
 * @throws InputError when a piece does not check (reports/columns.ts).
 */
export async function writeRunTables(
  dir: string,
  rows: number,
  pieces: AsyncIterable<RunTables>,
): Promise<ColumnTable> {
  const spill = join(dir, ".spill");
  const settings = { memory_limit: MEMORY_LIMIT, temp_directory: spill, preserve_insertion_order: "true" };
  try {
    return await withConnection(async (c) => {
      const paths = new TableStream(c, "paths", TYPES["paths"]);
      const events = new TableStream(c, "events", TYPES["events"]);
      const series = new TableStream(c, "series", TYPES["series"]);
      const accounts = new TableStream(c, "accounts", TYPES["accounts"]);
      const kept = new PathsBuffer(rows);
      let withSeries: boolean | undefined;
      for await (const piece of pieces) {
        withSeries ??= piece.series !== undefined;
        await paths.add(piece.paths);
        if (piece.events !== undefined) await events.add(piece.events);
        if (withSeries && piece.series !== undefined) await series.add(piece.series);
        if (withSeries && piece.accounts !== undefined) await accounts.add(piece.accounts);
        kept.add(piece.paths);
      }
      if (events.rows === 0) await events.add(emptyTable(TYPES["events"] ?? {}));
      if (withSeries && accounts.rows === 0) await accounts.add(emptyTable(TYPES["accounts"] ?? {}));
      const tables = [paths, events, ...(withSeries ? [series, accounts] : [])];
      for (const t of tables) {
        t.close();
        const file = quoteString(join(dir, `${t.name}.parquet`));
        await c.run(`COPY ${quoteIdent(t.name)} TO ${file} (FORMAT parquet)`);
        await c.run(`DROP TABLE ${quoteIdent(t.name)}`);
      }
      return kept.table();
    }, settings);
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}

/** A table with no rows and the given columns and types. */
export function emptyTable(types: Readonly<Record<string, ColumnType>>): ColumnTable {
  const columns: Record<string, number[]> = {};
  for (const name of Object.keys(types)) columns[name] = [];
  return { columns, length: 0, types };
}

/**
 * The paths rows of every piece joined into one table of `rows` rows: typed columns copied into
 * one typed array each, plain columns concatenated. One piece is kept as it is.
 */
class PathsBuffer {
  private first: ColumnTable | undefined;
  private columns: Record<string, Column> | undefined;
  private filled = 0;

  constructor(private readonly rows: number) {}

  add(piece: ColumnTable): void {
    if (this.first === undefined && this.filled === 0) {
      this.first = piece;
      this.filled = piece.length;
      return;
    }
    if (this.columns === undefined) {
      const first = this.first as ColumnTable;
      this.columns = {};
      this.filled = 0;
      for (const [name, values] of Object.entries(first.columns)) this.columns[name] = this.allocate(values);
      this.first = undefined;
      this.copy(first);
    }
    this.copy(piece);
  }

  table(): ColumnTable {
    if (this.columns === undefined) return this.first ?? { columns: {}, length: 0 };
    return { columns: this.columns, length: this.filled };
  }

  private allocate(like: Column): Column {
    if (like instanceof Float64Array) return new Float64Array(this.rows);
    if (like instanceof Int32Array) return new Int32Array(this.rows);
    return [];
  }

  private copy(piece: ColumnTable): void {
    for (const [name, target] of Object.entries(this.columns as Record<string, Column>)) {
      const values = piece.columns[name] as Column;
      if (ArrayBuffer.isView(target)) (target as Float64Array).set(values as Float64Array, this.filled);
      else for (const v of values as unknown[]) (target as unknown[]).push(v);
    }
    this.filled += piece.length;
  }
}
