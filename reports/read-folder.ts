/**
 * Reads a run folder back into the shape the run wrote it from: the manifest (from summary.json)
 * and the per-path table (from paths.parquet, NULL → NaN, INTEGER columns as Int32Array), so that
 * `ballast report` rebuilds summary.json and report.md byte for byte.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../engine/errors.js";
import { quoteString, withConnection } from "./store.js";
import type { Column, ColumnTable, Manifest } from "./types.js";

/** What a folder is: a run (summary.json + paths.parquet) or a sweep (points.parquet). */
export type FolderKind = "run" | "sweep";

/** Largest summary.json read (the manifest): 16 MiB. */
const MAX_SUMMARY_BYTES = 16 * 1024 * 1024;

function bad(path: string, message: string): InputError {
  return new InputError([{ code: "bad_folder", path, message }]);
}

/**
 * Says whether `dir` is a run or a sweep folder.
 * @throws InputError naming the folder and what it lacks.
 */
export function folderKind(dir: string): FolderKind {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw bad(
      dir,
      "not a folder; allowed: a run folder (summary.json, paths.parquet) or a sweep folder (points.parquet)",
    );
  }
  if (existsSync(join(dir, "points.parquet"))) return "sweep";
  for (const f of ["summary.json", "paths.parquet"]) {
    if (!existsSync(join(dir, f)) || !statSync(join(dir, f)).isFile()) {
      throw bad(
        join(dir, f),
        "missing; allowed: a run folder written by ballast run (summary.json, paths.parquet)",
      );
    }
  }
  return "run";
}

/** The manifest of a run or sweep folder's summary.json. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, "summary.json");
  if (!existsSync(file)) throw bad(file, "missing; allowed: a folder written by ballast run or sweep");
  if (statSync(file).size > MAX_SUMMARY_BYTES) throw bad(file, `larger than ${MAX_SUMMARY_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw bad(file, `not JSON (${(e as Error).message}); allowed: the summary.json ballast wrote`);
  }
  const m = (parsed as { manifest?: unknown } | null)?.manifest;
  if (m === null || typeof m !== "object" || typeof (m as Manifest).seed !== "number") {
    throw bad(
      `${file}: manifest`,
      "no manifest with a numeric seed; allowed: the summary.json ballast wrote",
    );
  }
  return m as Manifest;
}

/** A Parquet file read as typed columns: DOUBLE → Float64Array (NULL → NaN), INTEGER → Int32Array. */
export async function readColumns(file: string, sql = "SELECT * FROM t"): Promise<ColumnTable> {
  return withConnection(async (c) => {
    await c.run(`CREATE VIEW t AS SELECT * FROM read_parquet(${quoteString(file)})`);
    const reader = await c.runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.toString());
    const values = reader.getColumnsJS();
    const columns: Record<string, Column> = {};
    names.forEach((name, i) => {
      const v = values[i] as unknown[];
      const t = types[i] as string;
      if (t === "INTEGER") columns[name] = Int32Array.from(v as number[]);
      else if (t === "DOUBLE" || t === "BIGINT")
        columns[name] = Float64Array.from(v, (x) => (x === null ? Number.NaN : Number(x)));
      else columns[name] = v.map((x) => (x === null ? null : String(x)));
    });
    return { columns, length: reader.currentRowCount };
  });
}
