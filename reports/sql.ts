/** Quoting of SQL identifiers and string literals for the DuckDB statements Ballast builds. */

/** Quotes an SQL identifier: `a"b` → `"a""b"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal: `it's` → `'it''s'`. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
