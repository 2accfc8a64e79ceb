/**
 * Checks a `ColumnTable` before it is stored: every column as long as `length`, one value type per
 * column, and a SQL type for each column. Pure; collects every problem before throwing.
 */
import { InputError, type Issue } from "../engine/errors.js";
import type { Column, ColumnTable, ColumnType } from "./types.js";

/** A column ready to store: its name, SQL type and values (unchanged). */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: Column;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Resolves each column's SQL type: `table.types[name]`, else from the values (Float64Array → DOUBLE,
 * Int32Array → INTEGER), else — for plain arrays — `defaults[name]`, else the first element's kind
 * (empty → DOUBLE). Column order is the key order of `table.columns`.
 * @throws InputError (`length_mismatch`, `bad_value`, `bad_type`, `empty_schema`) listing every problem,
 *   each located as `<tableName>.<column>`.
 */
export function checkTable(
  tableName: string,
  table: ColumnTable,
  defaults: Readonly<Record<string, ColumnType>> = {},
): ColumnSpec[] {
  const issues: Issue[] = [];
  const specs: ColumnSpec[] = [];
  const names = Object.keys(table.columns);
  if (names.length === 0) {
    issues.push({ code: "empty_schema", path: tableName, message: "the table has no columns" });
  }
  for (const name of names) {
    const values = table.columns[name] as Column;
    const path = `${tableName}.${name}`;
    const before = issues.length;
    if (values.length !== table.length) {
      const message = `column has ${values.length} values; allowed: exactly the table length ${table.length}`;
      issues.push({ code: "length_mismatch", path, message });
    }
    const typed = values instanceof Float64Array || values instanceof Int32Array;
    const hint = table.types?.[name] ?? (typed ? undefined : defaults[name]);
    const type = resolveType(values, hint, path, issues);
    if (issues.length === before) specs.push({ name, type, values });
  }
  if (issues.length > 0) throw new InputError(issues, tableName);
  return specs;
}

function resolveType(
  values: Column,
  hint: ColumnType | undefined,
  path: string,
  issues: Issue[],
): ColumnType {
  if (values instanceof Float64Array)
    return requireHint(hint, ["DOUBLE", "TIMESTAMP"], "DOUBLE", path, issues);
  if (values instanceof Int32Array) return requireHint(hint, ["INTEGER", "DOUBLE"], "INTEGER", path, issues);
  const first = values.find((v) => v !== null);
  const type = hint ?? (typeof first === "string" ? "VARCHAR" : "DOUBLE");
  const bad = firstBadIndex(values, type);
  if (bad >= 0) {
    const message = `value ${describe(values[bad])} at row ${bad} cannot be stored as ${type}; allowed: ${ALLOWED[type]}`;
    issues.push({ code: "bad_value", path, message });
  }
  return type;
}

const ALLOWED: Readonly<Record<ColumnType, string>> = {
  DOUBLE: "numbers only",
  INTEGER: "32-bit integers only",
  VARCHAR: "strings or null only",
  TIMESTAMP: "finite milliseconds since the epoch only",
};

function requireHint(
  hint: ColumnType | undefined,
  allowed: readonly ColumnType[],
  natural: ColumnType,
  path: string,
  issues: Issue[],
): ColumnType {
  if (hint === undefined || allowed.includes(hint)) return hint ?? natural;
  const message = `a typed array of ${natural} values cannot be stored as ${hint}; allowed: ${allowed.join(", ")}`;
  issues.push({ code: "bad_type", path, message });
  return natural;
}

function firstBadIndex(values: readonly (string | number | null)[], type: ColumnType): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const ok =
      type === "VARCHAR"
        ? typeof v === "string" || v === null
        : type === "DOUBLE"
          ? typeof v === "number"
          : type === "TIMESTAMP"
            ? typeof v === "number" && Number.isFinite(v)
            : typeof v === "number" && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
    if (!ok) return i;
  }
  return -1;
}

function describe(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v) : String(v);
}
