/**
 * Named stress presets in a scenario: `market.presets: [mar-2020, …]` adds each preset's shocks
 * (scenarios/presets/*.yaml) before the file's own `market.shocks`. Done before validation, so the
 * expanded shocks are validated, hashed and printed like any others.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describeValue, InputError, type Issue } from "../engine/errors.js";
import { didYouMean, isRecord } from "../engine/params.js";
import { findPreset, PRESETS } from "../scenarios/presets/index.js";
import { PRESETS_DIR } from "./paths.js";

/** Returns `raw` with presets expanded into `market.shocks` (a copy; `raw` is not changed). */
export function expandPresets(raw: unknown, source: string): unknown {
  if (!isRecord(raw) || !isRecord(raw["market"]) || raw["market"]["presets"] === undefined) return raw;
  const market = raw["market"];
  const names = market["presets"];
  const issues: Issue[] = [];
  const shocks: unknown[] = [];
  if (!Array.isArray(names)) {
    issues.push({
      code: "wrong_type",
      path: "market.presets",
      message: `found ${describeValue(names)}; allowed: a list of preset names (${PRESETS.map((p) => p.name).join(", ")})`,
    });
  } else {
    const assets = isRecord(market["assets"]) ? Object.keys(market["assets"]) : [];
    for (const [i, name] of names.entries())
      shocks.push(...presetShocks(name, `market.presets[${i}]`, assets, issues));
  }
  if (issues.length > 0) throw new InputError(issues, source);
  const { presets: _presets, ...rest } = market;
  const own = Array.isArray(market["shocks"])
    ? market["shocks"]
    : market["shocks"] === undefined
      ? []
      : [market["shocks"]];
  return { ...raw, market: { ...rest, shocks: [...shocks, ...own] } };
}

function presetShocks(name: unknown, path: string, assets: readonly string[], issues: Issue[]): unknown[] {
  const preset = typeof name === "string" ? findPreset(name) : undefined;
  if (!preset) {
    const all = PRESETS.map((p) => p.name);
    const hint = typeof name === "string" ? didYouMean(name, all) : "";
    issues.push({
      code: "unknown_preset",
      path,
      message: `unknown preset ${describeValue(name)}${hint}; allowed: ${all.join(", ")}`,
    });
    return [];
  }
  const missing = preset.assets.filter((a) => !assets.includes(a));
  if (missing.length > 0) {
    issues.push({
      code: "unknown_asset",
      path,
      message: `preset "${preset.name}" shocks ${missing.join(", ")}, which market.assets lacks (has: ${assets.join(", ")})`,
    });
    return [];
  }
  const doc = parse(readFileSync(join(PRESETS_DIR, preset.file), "utf8")) as { shocks?: unknown[] };
  return doc.shocks ?? [];
}
