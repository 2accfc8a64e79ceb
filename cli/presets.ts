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
import { formatDuration, parseDuration } from "../engine/units.js";
import { findPreset, PRESETS } from "../scenarios/presets/index.js";
import { PRESETS_DIR } from "./paths.js";
import { warn } from "./warnings.js";

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
    const horizonMs = isRecord(raw["clock"]) ? parseDuration(raw["clock"]["horizon"]) : undefined;
    for (const [i, name] of names.entries())
      shocks.push(...presetShocks(name, `market.presets[${i}]`, assets, horizonMs, issues));
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

function presetShocks(
  name: unknown,
  path: string,
  assets: readonly string[],
  horizonMs: number | undefined,
  issues: Issue[],
): unknown[] {
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
  return withinHorizon(doc.shocks ?? [], preset.name, horizonMs);
}

/**
 * A preset's shocks that begin before the horizon. The legs it drops (a multi-day event run over a
 * shorter horizon) are named in a warning (stderr and the run's manifest): the part kept is still the event's start,
 * whereas a shock the file itself places after the horizon is refused by validation.
 */
function withinHorizon(shocks: readonly unknown[], name: string, horizonMs: number | undefined): unknown[] {
  if (horizonMs === undefined) return [...shocks];
  const kept = shocks.filter((x) => {
    const at = isRecord(x) ? parseDuration(x["at"]) : undefined;
    return at === undefined || at < horizonMs;
  });
  if (kept.length < shocks.length)
    warn(
      `preset "${name}": ${shocks.length - kept.length} of its ${shocks.length} shocks begin at or after the horizon (${formatDuration(horizonMs)}) and are left out`,
    );
  return kept;
}
