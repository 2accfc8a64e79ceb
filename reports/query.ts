/**
 * `ballast query`: DuckDB SQL over a run folder (views `paths`, `series`, `accounts`, `events`) or a
 * sweep folder (view `points`, and the same views over every point's run folder with a
 * `point` column naming the folder). Results as an aligned text table, JSON or CSV.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../engine/errors.js";
import { folderKind } from "./read-folder.js";
import { quoteIdent, quoteString, RUN_TABLES, withConnection } from "./store.js";

/** A query result: column names and rows of JSON values (timestamps as ISO text). */
export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Creates the folder's views; returns their names. */
export async function createViews(c: DuckDBConnection, dir: string): Promise<string[]> {
  const views: string[] = [];
  const view = async (name: string, from: string) => {
    await c.run(`CREATE VIEW ${quoteIdent(name)} AS SELECT * FROM ${from}`);
    views.push(name);
  };
  if (folderKind(dir) === "run") {
    for (const name of RUN_TABLES) {
      const file = join(dir, `${name}.parquet`);
      if (existsSync(file)) await view(name, `read_parquet(${quoteString(file)})`);
    }
    return views;
  }
  await view("points", `read_parquet(${quoteString(join(dir, "points.parquet"))})`);
  const points = readdirSync(dir, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && !d.name.startsWith("."),
  );
  for (const name of RUN_TABLES) {
    const files = points.map((d) => join(dir, d.name, `${name}.parquet`)).filter((f) => existsSync(f));
    if (files.length === 0) continue;
    const list = `[${files.map(quoteString).join(", ")}]`;
    await view(
      name,
      `(SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS point, * EXCLUDE (filename)
        FROM read_parquet(${list}, union_by_name = true, filename = true))`,
    );
  }
  return views;
}

/**
 * Runs `sql` over the folder.
 * @throws InputError (exit 2) naming the folder or quoting DuckDB's message for bad SQL.
 */
export async function runQuery(dir: string, sql: string): Promise<QueryResult> {
  return withConnection(async (c) => {
    const views = await createViews(c, dir);
    try {
      const reader = await c.runAndReadAll(sql);
      const big = reader.columnTypes().map((t) => /INT/.test(t.toString()));
      const rows = (reader.getRowsJson() as unknown[][]).map((row) =>
        row.map((v, i) => (big[i] ? safeNumber(v) : v)),
      );
      return { columns: reader.columnNames(), rows };
    } catch (e) {
      const message = `${(e as Error).message.split("\n")[0]}; allowed: DuckDB SQL over the views ${views.join(", ")}`;
      throw new InputError([{ code: "bad_sql", path: "sql", message }]);
    }
  });
}

/** A 64/128-bit integer (JSON text) as a number when exactly representable, else kept as text. */
function safeNumber(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** An aligned text table: header, rule, rows; numbers right-aligned. */
export function formatTable(r: QueryResult): string {
  const cells = r.rows.map((row) => row.map(text));
  const widths = r.columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const numeric = r.columns.map(
    (_, i) => r.rows.length > 0 && r.rows.every((row) => typeof row[i] === "number" || row[i] === null),
  );
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join("  ")
      .trimEnd();
  return `${[line(r.columns), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n")}\n`;
}

/** Rows as a JSON array of objects, one per line. */
export function formatJson(r: QueryResult): string {
  const objects = r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i] ?? null])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** RFC 4180 CSV: header, then rows; NULL as an empty field. */
export function formatCsv(r: QueryResult): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = text(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[r.columns.map(field).join(","), ...r.rows.map((row) => row.map(field).join(","))].join("\n")}\n`;
}
