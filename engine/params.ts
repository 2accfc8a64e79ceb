/**
 * Self-describing parameters for every pluggable kind (STYLE 4). A kind declares its parameters
 * once; the same declaration validates scenario files (collecting every issue), fills defaults,
 * and is printed by `ballast list`.
 */

import { describeValue, type Issue } from "./errors.js";
import { DURATION_UNITS, MS_PER_YEAR, parseDuration } from "./units.js";

/**
 * Bounds every number a scenario gives where its spec sets none, so that no parameter can carry a
 * value the arithmetic cannot represent (1e308 overflows the first product, a denormal underflows
 * the first division). |x| ≤ 1e15 covers every amount, price, size and count a venue has seen (the
 * largest lending pool holds ~1e10 units; 1e15 is what tests use for a pool too deep to matter),
 * and the product of two such values stays far from overflow; the value a book may hold is bounded
 * tighter, for precision (MAX_BOOK_VALUE in scenarios/schema/cross-checks.ts). A parameter that
 * must be > 0 (a price, a vol, a scale: something divided by) must be ≥ 1e-12, so a denormal cannot
 * underflow a division (the smallest such value in use, a per-block interest rate, is ~1e-9).
 */
export const MAX_MAGNITUDE = 1e15;
export const MIN_MAGNITUDE = 1e-12;
/** Longest duration any parameter may give where its spec sets no maximum: 100 years. */
export const MAX_DURATION_MS = 100 * MS_PER_YEAR;

export type ParamType =
  | "number"
  | "integer"
  | "duration"
  | "string"
  | "boolean"
  | "enum"
  | "numbers"
  | "record"
  | "object"
  | "any";

export interface ParamSpec {
  readonly type: ParamType;
  readonly description: string;
  /** Absent: the parameter is required unless `optional`. */
  readonly default?: unknown;
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** When true, `min` itself is not allowed (x > min). */
  readonly exclusiveMin?: boolean;
  readonly values?: readonly string[];
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
export type Params = Readonly<Record<string, unknown>>;

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest allowed word within distance 3, formatted as a suggestion, or "". */
export function didYouMean(word: string, allowed: readonly string[]): string {
  let best = "";
  let bestD = 4;
  for (const a of allowed) {
    const d = editDistance(word.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      best = a;
      bestD = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : "";
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reports keys of `raw` that are not in `allowed`, with a suggestion. */
export function checkUnknownKeys(
  raw: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: Issue[],
): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      issues.push({
        code: "unknown_key",
        path: join(path, key),
        message: `unknown key "${key}"${didYouMean(key, allowed)}; allowed: ${allowed.join(", ")}`,
      });
    }
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** The spec with the default bounds filled where it gives none (durations: 0 … 100 y). */
function bounded(spec: ParamSpec): ParamSpec {
  const duration = spec.type === "duration";
  return {
    ...spec,
    min: spec.min ?? (duration ? 0 : -MAX_MAGNITUDE),
    max: spec.max ?? (duration ? MAX_DURATION_MS : MAX_MAGNITUDE),
  };
}

/** A bound as written in a scenario: 1e12 rather than 1000000000000. */
export function boundText(x: number): string {
  return Math.abs(x) >= 1e9 ? x.toExponential().replace("e+", "e") : String(x);
}

function rangeText(spec: ParamSpec): string {
  const lo = spec.min === undefined ? "" : `${spec.exclusiveMin ? ">" : "≥"} ${boundText(spec.min)}`;
  const hi = spec.max === undefined ? "" : `≤ ${boundText(spec.max)}`;
  return [lo, hi].filter((s) => s).join(" and ");
}

function checkRange(x: number, given: ParamSpec, path: string, issues: Issue[]): void {
  const spec = bounded(given);
  const positive = given.min === 0 && given.exclusiveMin === true && given.type !== "duration";
  if (positive && x > 0 && x < MIN_MAGNITUDE) {
    issues.push({
      code: "out_of_range",
      path,
      message: `found ${x}; allowed: a number ≥ ${MIN_MAGNITUDE} (a quantity that must be > 0 is a scale or a divisor, and below that it underflows)`,
    });
    return;
  }
  const low = spec.min !== undefined && (spec.exclusiveMin ? x <= spec.min : x < spec.min);
  const high = spec.max !== undefined && x > spec.max;
  if (low || high) {
    issues.push({ code: "out_of_range", path, message: `found ${x}; allowed: a number ${rangeText(spec)}` });
  }
}

/** Validates one value against its spec; returns the normalised value (durations → ms). */
export function readValue(v: unknown, spec: ParamSpec, path: string, issues: Issue[]): unknown {
  const bad = (allowed: string) =>
    issues.push({ code: "wrong_type", path, message: `found ${describeValue(v)}; allowed: ${allowed}` });
  switch (spec.type) {
    case "number":
    case "integer": {
      if (typeof v !== "number" || !Number.isFinite(v) || (spec.type === "integer" && !Number.isInteger(v))) {
        bad(`${spec.type === "integer" ? "an integer" : "a finite number"} ${rangeText(bounded(spec))}`);
        return undefined;
      }
      checkRange(v, spec, path, issues);
      return v;
    }
    case "duration": {
      const ms = parseDuration(v);
      if (ms === undefined) {
        bad(`a duration such as "30s", "1h", "7d" (units ${DURATION_UNITS.join(", ")}) or milliseconds`);
        return undefined;
      }
      checkRange(ms, spec, path, issues);
      return ms;
    }
    case "string":
      if (typeof v !== "string" || v === "") bad("a non-empty string");
      return v;
    case "boolean":
      if (typeof v !== "boolean") bad("true or false");
      return v;
    case "enum":
      if (typeof v !== "string" || !spec.values?.includes(v)) {
        const hint = typeof v === "string" ? didYouMean(v, spec.values ?? []) : "";
        bad(`one of ${spec.values?.join(", ")}${hint}`);
      }
      return v;
    case "numbers":
      if (!Array.isArray(v) || v.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
        bad("a list of finite numbers");
        return undefined;
      }
      for (const [i, x] of v.entries()) checkRange(x as number, spec, join(path, i), issues);
      return v;
    case "any":
      return v;
    case "record":
    case "object":
      if (!isRecord(v)) bad("a mapping of keys to values");
      return v;
  }
}

/**
 * The keys a mapping read with `specs` allows, as an error message lists them: `kind` first for a
 * kind's parameters (`kinded`), then the specs' keys, then `also` (keys the caller reads itself).
 * Every allowed-keys list is generated here from the one declaration, so none can go stale.
 */
export function allowedKeys(specs: ParamSpecs, kinded: boolean, also: readonly string[] = []): string[] {
  const keys = Object.keys(specs);
  return [...(kinded && !keys.includes("kind") ? ["kind"] : []), ...keys, ...also];
}

/** `{ a, b, c }`: the allowed keys for a "found …; allowed: …" message. */
export function keyList(specs: ParamSpecs, kinded = false, also: readonly string[] = []): string {
  return `{ ${allowedKeys(specs, kinded, also).join(", ")} }`;
}

/**
 * Reads parameters from `raw`: reports unknown keys, missing required values, wrong types and
 * out-of-range values; fills defaults. A kind's parameters sit beside its `kind` key, which is
 * allowed (and ignored) unless `kinded` is false (a plain section such as `clock`); `also` are
 * further keys the caller reads itself (allowed here, and listed as allowed).
 */
export function readParams(
  raw: Record<string, unknown>,
  specs: ParamSpecs,
  path: string,
  issues: Issue[],
  kinded = true,
  also: readonly string[] = [],
): Record<string, unknown> {
  checkUnknownKeys(raw, allowedKeys(specs, kinded, also), path, issues);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const v = raw[key];
    if (v === undefined) {
      if (spec.default !== undefined) out[key] = readValue(spec.default, spec, join(path, key), issues);
      else if (!spec.optional) {
        issues.push({
          code: "missing",
          path: join(path, key),
          message: `required field is missing; expected ${spec.type}: ${spec.description}`,
        });
      }
      continue;
    }
    out[key] = readValue(v, spec, join(path, key), issues);
  }
  return out;
}

/** One line per parameter: `name  type  default  description`, for `ballast list`. */
export function describeParams(specs: ParamSpecs): string[] {
  return Object.entries(specs).map(([name, s]) => {
    const dflt =
      s.default !== undefined ? `default ${JSON.stringify(s.default)}` : s.optional ? "optional" : "required";
    const range = rangeText(s);
    const vals = s.values ? ` one of ${s.values.join("|")}` : "";
    return `${name}: ${s.type}${vals}${range ? ` (${range})` : ""}, ${dflt} — ${s.description}`;
  });
}
