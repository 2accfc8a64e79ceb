/**
 * Column mapping: which of a file's columns holds the time and each value role. Names match
 * case-insensitively with punctuation and spaces ignored (`Open`, `open_time`, `Mark Price`). An
 * explicit mapping (`LoadOptions.columns`) wins over names. A file whose first column has no name
 * (pandas' index, as in `BTCUSD.csv`) uses that column as the time when no column is named like one.
 */
import { cellIssue, type IssueList } from "./issues.js";
import { TIME_KEY, VALUE_ROLES } from "./types.js";

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  [TIME_KEY]: ["timestamp", "time", "date", "datetime", "opentime", "ts"],
  open: ["open"],
  high: ["high"],
  low: ["low"],
  close: ["close"],
  volume: ["volume"],
  funding: ["funding", "fundingrate"],
  iv: ["iv", "impliedvol", "impliedvolatility", "markiv"],
  index: ["index", "indexprice"],
  mark: ["mark", "markprice"],
};
const UNNAMED_INDEX = new Set(["", "unnamed0", "index0"]);

/** Lower case without anything but letters and digits: `"Adj Close"` → `"adjclose"`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The key a requested column is stored under: its role when it names one, else the name as given. */
export function columnKey(name: string): string {
  const n = normalizeName(name);
  for (const role of VALUE_ROLES) if ((ALIASES[role] as readonly string[]).includes(n)) return role;
  return name;
}

export interface ColumnRequest {
  readonly columns?: Readonly<Record<string, string>>;
  readonly require?: readonly string[];
  /** `"all"` (default): every recognised role; `"required"`: only the time and the required keys. */
  readonly read?: "all" | "required";
}

/** Lists the file's columns for a message: `"", "Open", "High"`. */
export function describeColumns(header: readonly string[]): string {
  return header.length === 0 ? "no columns" : header.map((h) => JSON.stringify(h)).join(", ");
}

function findByName(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const n = normalizeName(name);
  return n === "" ? -1 : header.findIndex((h) => normalizeName(h) === n);
}

/**
 * Resolves key → column index for the time, every role present and every required key.
 * Problems (missing, ambiguous) go to `issues`; the result holds only what was found.
 */
export function resolveColumns(
  header: readonly string[],
  request: ColumnRequest,
  file: string,
  issues: IssueList,
): Map<string, number> {
  const found = new Map<string, number>();
  for (const [key, name] of Object.entries(request.columns ?? {})) {
    const at = findByName(header, name);
    if (at >= 0) found.set(key, at);
    else {
      const msg = `no column "${name}" (for ${key}); the file has ${describeColumns(header)}`;
      issues.add(cellIssue("missing_column", file, undefined, name, msg));
    }
  }
  const required = request.require ?? ["close"];
  const wanted = (key: string) => request.read !== "required" || key === TIME_KEY || required.includes(key);
  findRoles(header, found, wanted, file, issues);
  if (!found.has(TIME_KEY) && header.length > 0 && UNNAMED_INDEX.has(normalizeName(header[0] as string)))
    found.set(TIME_KEY, 0);
  requireKeys(header, required, found, file, issues);
  return found;
}

/** Adds each wanted role not mapped yet whose name matches an alias (an ambiguous match is an issue). */
function findRoles(
  header: readonly string[],
  found: Map<string, number>,
  wanted: (key: string) => boolean,
  file: string,
  issues: IssueList,
): void {
  const taken = new Set(found.values());
  for (const [key, aliases] of Object.entries(ALIASES)) {
    if (found.has(key) || !wanted(key)) continue;
    const hits = header.flatMap((h, i) => (aliases.includes(normalizeName(h)) && !taken.has(i) ? [i] : []));
    if (hits.length > 1) {
      const names = hits.map((i) => JSON.stringify(header[i])).join(" and ");
      const msg = `${names} both name ${key}; map one with "columns"`;
      issues.add(cellIssue("ambiguous_column", file, undefined, header[hits[0] as number], msg));
    }
    if (hits.length >= 1) found.set(key, hits[0] as number);
  }
}

function requireKeys(
  header: readonly string[],
  keys: readonly string[],
  found: Map<string, number>,
  file: string,
  issues: IssueList,
): void {
  const has = describeColumns(header);
  if (!found.has(TIME_KEY)) {
    const names = (ALIASES[TIME_KEY] as readonly string[]).join(", ");
    const msg = `no timestamp column: expected one named ${names} (any case) or an unnamed first column; the file has ${has}`;
    issues.add(cellIssue("missing_column", file, undefined, TIME_KEY, msg));
  }
  for (const key of keys) {
    if (found.has(key)) continue;
    const at = findByName(header, key);
    if (at >= 0) found.set(key, at);
    else
      issues.add(
        cellIssue("missing_column", file, undefined, key, `no "${key}" column; the file has ${has}`),
      );
  }
}

/**
 * Whether the file has a column of a known role (open, high, volume…) that the table did not read
 * (a `read: "required"` load): then a row's other cells are unknown.
 */
export function hasUnreadRoles(
  header: readonly string[],
  mapping: Readonly<Record<string, string>>,
): boolean {
  const read = new Set(Object.values(mapping));
  const known = new Set(Object.values(ALIASES).flat());
  return header.some((h) => !read.has(h) && known.has(normalizeName(h)));
}
