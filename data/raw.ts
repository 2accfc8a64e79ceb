/**
 * What every format reader (CSV, Parquet, Arrow) hands to validation: the mapped columns as
 * `Float64Array`s in file order, the source row of each entry, and the cells that could not be read
 * (stored as NaN and listed in `problems`). Readers report schema problems (missing columns, wrong
 * column types) straight to the `IssueList`; validation turns `problems` into issues.
 */
import type { DataFormat } from "./types.js";

export type ProblemKind = "missing" | "not_a_number" | "bad_timestamp";

/** A cell that could not be read: entry `index`, column `key`, the text found. */
export interface CellProblem {
  readonly index: number;
  readonly key: string;
  readonly kind: ProblemKind;
  readonly text: string;
}

export interface RawTable {
  readonly file: string;
  readonly format: DataFormat;
  /** Every column name in the file, in file order. */
  readonly header: readonly string[];
  /** Key (`time`, `close`, …) → the file's column name. */
  readonly mapping: Readonly<Record<string, string>>;
  readonly length: number;
  readonly timesMs: Float64Array;
  readonly columns: Record<string, Float64Array>;
  /** Source row of each entry: the file line (CSV) or the 1-based record number (Parquet, Arrow). */
  readonly rows: Int32Array;
  readonly problems: readonly CellProblem[];
}

/** Key → file column name, from key → column index. */
export function mappingNames(
  found: ReadonlyMap<string, number>,
  header: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, at] of found) out[key] = header[at] as string;
  return out;
}

/** 1, 2, …, n: the row numbers of a Parquet or Arrow table. */
export function recordNumbers(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i + 1;
  return rows;
}
