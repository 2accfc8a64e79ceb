/** The `oracle`, `execution` and `venues` sections. */

import type { Issue } from "../../engine/errors.js";
import { describeValue } from "../../engine/errors.js";
import {
  checkUnknownKeys,
  didYouMean,
  isRecord,
  join,
  keyList,
  type ParamSpecs,
  readParams,
} from "../../engine/params.js";
import { readKind, readKindList, type ScenarioKinds } from "./kinds.js";
import { CONSUMER_SPECS, FEES_SPECS } from "./sections.js";
import { readTransfers } from "./transfers.js";
import type { KindConfig, Liquidator, Scenario } from "./types.js";

/** Defaults when a section is absent: the ideal oracle and free, instant execution. */
export const DEFAULT_ORACLE = { kind: "ideal" };
export const DEFAULT_LATENCY = { kind: "fixed", delay: 0 };
export const DEFAULT_IMPACT = { kind: "none" };
export const DEFAULT_GAS = { kind: "none" };

function mapping(
  raw: unknown,
  path: string,
  issues: Issue[],
  allowed: string,
): Record<string, unknown> | undefined {
  if (raw === undefined) return {};
  if (isRecord(raw)) return raw;
  issues.push({ code: "wrong_type", path, message: `found ${describeValue(raw)}; allowed: ${allowed}` });
  return undefined;
}

/** Keys of the oracle section beside its kind's parameters. */
const ORACLE_SECTION_KEYS = ["faults", "consumer"];

export function readOracle(
  raw: unknown,
  kinds: ScenarioKinds,
  issues: Issue[],
): Scenario["oracle"] | undefined {
  const m = mapping(raw ?? DEFAULT_ORACLE, "oracle", issues, "{ kind, …, faults, consumer }");
  if (!m) return undefined;
  const { faults, consumer } = m;
  const model = readKind(kinds.oracles, m, "oracle", issues, ORACLE_SECTION_KEYS);
  const faultList = readKindList(kinds.oracleFaults, faults, "oracle.faults", issues);
  const c = readParams(isRecord(consumer) ? consumer : {}, CONSUMER_SPECS, "oracle.consumer", issues, false);
  if (consumer !== undefined && !isRecord(consumer)) {
    issues.push({
      code: "wrong_type",
      path: "oracle.consumer",
      message: `found ${describeValue(consumer)}; allowed: ${keyList(CONSUMER_SPECS)}`,
    });
  }
  if (!model) return undefined;
  return {
    model,
    faults: faultList,
    ...(c["maxAge"] !== undefined ? { maxAgeMs: c["maxAge"] as number } : {}),
    ...(c["maxConfRatio"] !== undefined ? { maxConfRatio: c["maxConfRatio"] as number } : {}),
  };
}

const EXECUTION_KEYS = ["latency", "impact", "fees", "gas", "gasAsset", "transfers"];

export function readExecution(
  raw: unknown,
  kinds: ScenarioKinds,
  assets: readonly string[],
  issues: Issue[],
): Scenario["execution"] | undefined {
  const m = mapping(raw, "execution", issues, `{ ${EXECUTION_KEYS.join(", ")} }`);
  if (!m) return undefined;
  checkUnknownKeys(m, EXECUTION_KEYS, "execution", issues);
  // Shorthand: `latency: 12s` means a fixed delay.
  const rawLatency =
    typeof m["latency"] === "string" || typeof m["latency"] === "number"
      ? { kind: "fixed", delay: m["latency"] }
      : m["latency"];
  const latency = readKind(kinds.latency, rawLatency ?? DEFAULT_LATENCY, "execution.latency", issues);
  const impact = readKind(kinds.impact, m["impact"] ?? DEFAULT_IMPACT, "execution.impact", issues);
  const gas = readKind(kinds.gas, m["gas"] ?? DEFAULT_GAS, "execution.gas", issues);
  const feesRaw = mapping(m["fees"], "execution.fees", issues, keyList(FEES_SPECS)) ?? {};
  const fees = readParams(feesRaw, FEES_SPECS, "execution.fees", issues, false);
  const gasAsset = m["gasAsset"];
  if (gasAsset !== undefined && (typeof gasAsset !== "string" || !assets.includes(gasAsset))) {
    const hint = typeof gasAsset === "string" ? didYouMean(gasAsset, assets) : "";
    issues.push({
      code: "unknown_asset",
      path: "execution.gasAsset",
      message: `found ${describeValue(gasAsset)}${hint}; allowed: one of ${assets.join(", ")} (or leave out to price gas in the quote currency)`,
    });
  }
  if (!latency || !impact || !gas) return undefined;
  return {
    latency,
    impact,
    gas,
    fees: { maker: fees["maker"] as number, taker: fees["taker"] as number },
    gasAsset: typeof gasAsset === "string" ? gasAsset : null,
    transfers: readTransfers(m["transfers"], issues),
  };
}

/**
 * `venues: { <name>: { kind, … } }`. When the book holds a perp or the strategy may trade one and no
 * perp-linear venue is declared, a default `perp: { kind: perp-linear }` is added (shown by
 * `validate --print`).
 */
export function readVenues(
  raw: unknown,
  kinds: ScenarioKinds,
  needPerp: boolean,
  issues: Issue[],
): Record<string, KindConfig> | undefined {
  const m = mapping(raw, "venues", issues, "{ <name>: { kind, … } }");
  if (!m) return undefined;
  const out: Record<string, KindConfig> = {};
  for (const [name, v] of Object.entries(m)) {
    checkName(name, join("venues", name), issues);
    const c = readKind(kinds.venues, v, join("venues", name), issues);
    if (c) out[name] = c;
  }
  if (needPerp && !Object.values(out).some((c) => c.kind === "perp-linear") && out["perp"] === undefined) {
    const c = readKind(kinds.venues, { kind: "perp-linear" }, "venues.perp", issues);
    if (c) out["perp"] = c;
  }
  return out;
}

/** A liquidator entry's keys: its name, then the agent's parameters (LIQUIDATOR_SPECS). */
export function liquidatorEntrySpecs(kinds: ScenarioKinds): ParamSpecs {
  return {
    name: { type: "string", description: "names the liquidator in its events" },
    ...kinds.liquidator,
  };
}

/** `liquidators: [{ name, …LIQUIDATOR_SPECS }]`; one default keeper when a lending venue has none. */
export function readLiquidators(
  raw: unknown,
  kinds: ScenarioKinds,
  hasLending: boolean,
  issues: Issue[],
): Liquidator[] {
  const specs = liquidatorEntrySpecs(kinds);
  const list = raw === undefined ? (hasLending ? [{ name: "keeper" }] : []) : raw;
  if (!Array.isArray(list)) {
    issues.push({
      code: "wrong_type",
      path: "liquidators",
      message: `found ${describeValue(raw)}; allowed: a list of ${keyList(specs)}`,
    });
    return [];
  }
  return list.flatMap((item, i): Liquidator[] => {
    const path = join("liquidators", i);
    if (!isRecord(item)) {
      issues.push({
        code: "wrong_type",
        path,
        message: `found ${describeValue(item)}; allowed: ${keyList(specs)}`,
      });
      return [];
    }
    const before = issues.length;
    const { name, ...params } = readParams(item, specs, path, issues, false);
    return issues.length === before ? [{ name: name as string, params }] : [];
  });
}

/**
 * Names of assets, venues and liquidators: a letter first, then letters, digits, `.`, `_`, `-`
 * (≤ 32). Besides readability, a name that looks like an integer would reorder a YAML mapping
 * (integer-like keys come first in JavaScript objects) and change which venue is "the first".
 */
export const NAME = /^[A-Za-z][A-Za-z0-9._-]{0,31}$/;

export function checkName(name: string, path: string, issues: Issue[]): void {
  if (!NAME.test(name)) {
    issues.push({
      code: "bad_name",
      path,
      message: `"${name}" must start with a letter and use letters, digits, . _ - (at most 32)`,
    });
  }
}
