/**
 * Nested per-asset parameter tables of the lending venues (`assets: { WETH: { … } }`): each entry is
 * read with the kind's per-asset specs, its defaults taken from a REFERENCE row found by `preset` or
 * by the asset's own name (case-insensitive; ETH→WETH, BTC→WBTC). An asset with no row must give
 * its risk parameters — a typo never falls back silently (unknown keys are issues, with a suggestion).
 */
import type { Issue } from "../errors.js";
import { isRecord, join, type ParamSpec, type ParamSpecs, readParams } from "../params.js";

/** One REFERENCE row: parameter name → default. */
export type Row = Readonly<Record<string, number>>;

export const frac = (description: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  type: "number",
  description,
  min: 0,
  max: 1,
  optional: true,
  ...extra,
});

export const POOL_SPECS: ParamSpecs = {
  utilization: frac("pool utilisation at the start (default: at the kink)"),
  marketSupply: {
    type: "number",
    description: "total pool supply in units, simulated accounts included (large: they barely move U)",
    min: 0,
    exclusiveMin: true,
    default: 1e9,
  },
};

const ALIASES: Readonly<Record<string, string>> = { ETH: "WETH", BTC: "WBTC" };

/** The REFERENCE row for `name` (by `preset`, else by name, case-insensitive, ETH→WETH, BTC→WBTC). */
export function rowFor(rows: Readonly<Record<string, Row>>, name: string, preset: unknown): Row | undefined {
  if (typeof preset === "string") return rows[preset];
  const upper = name.toUpperCase();
  const key = Object.keys(rows).find((k) => k.toUpperCase() === (ALIASES[upper] ?? upper));
  return key === undefined ? undefined : rows[key];
}

function withDefaults(specs: ParamSpecs, row: Row): ParamSpecs {
  const out: Record<string, ParamSpec> = {};
  for (const [k, s] of Object.entries(specs)) out[k] = row[k] !== undefined ? { ...s, default: row[k] } : s;
  return out;
}

/**
 * Reads a nested per-asset table `{ NAME: { … } }`, filling each entry's defaults from its row and
 * requiring `required` keys when there is none. Issues are collected; entries are returned resolved.
 */
export function readAssetTable(
  raw: unknown,
  specs: ParamSpecs,
  rows: Readonly<Record<string, Row>>,
  fallback: Row,
  required: readonly string[],
  path: string,
  issues: Issue[],
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (!isRecord(raw)) return out;
  for (const [name, entry] of Object.entries(raw)) {
    const at = join(path, name);
    const e = isRecord(entry) ? entry : {};
    if (!isRecord(entry))
      issues.push({
        code: "wrong_type",
        path: at,
        message: "found a non-mapping; allowed: a mapping of parameters",
      });
    const row = rowFor(rows, name, e["preset"]);
    const filled = withDefaults(specs, row ?? fallback);
    const r = readParams(e, filled, at, issues, false);
    for (const k of required) {
      if (r[k] === undefined && row === undefined && e[k] === undefined) {
        issues.push({
          code: "missing",
          path: join(at, k),
          message: `required for an asset with no REFERENCE preset: ${specs[k]?.description}`,
        });
      }
    }
    out[name] = r;
  }
  return out;
}

export const num = (v: unknown, dflt = 0): number => (typeof v === "number" ? v : dflt);
