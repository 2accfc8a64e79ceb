/** The `oracle`, `execution` and `venues` sections. */
import type { Issue } from "../../engine/errors.js";
import { describeValue } from "../../engine/errors.js";
import { checkUnknownKeys, didYouMean, isRecord, join, readParams } from "../../engine/params.js";
import { readKind, readKindList, type ScenarioKinds } from "./kinds.js";
import { CONSUMER_SPECS, FEES_SPECS, FUNDING_SPECS, PERP_SPECS } from "./sections.js";
import type { Scenario } from "./types.js";

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

export function readOracle(
  raw: unknown,
  kinds: ScenarioKinds,
  issues: Issue[],
): Scenario["oracle"] | undefined {
  const m = mapping(raw ?? DEFAULT_ORACLE, "oracle", issues, "{ kind, …, faults, consumer }");
  if (!m) return undefined;
  const { faults, consumer, ...rest } = m;
  const model = readKind(kinds.oracles, rest, "oracle", issues);
  const faultList = readKindList(kinds.oracleFaults, faults, "oracle.faults", issues);
  const c = readParams(isRecord(consumer) ? consumer : {}, CONSUMER_SPECS, "oracle.consumer", issues);
  if (consumer !== undefined && !isRecord(consumer)) {
    issues.push({
      code: "wrong_type",
      path: "oracle.consumer",
      message: `found ${describeValue(consumer)}; allowed: { maxAge, maxConfRatio }`,
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

const EXECUTION_KEYS = ["latency", "impact", "fees", "gas", "gasAsset"];

export function readExecution(
  raw: unknown,
  kinds: ScenarioKinds,
  assets: readonly string[],
  issues: Issue[],
): Scenario["execution"] | undefined {
  const m = mapping(raw, "execution", issues, "{ latency, impact, fees, gas, gasAsset }");
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
  const feesRaw = mapping(m["fees"], "execution.fees", issues, "{ maker, taker }") ?? {};
  const fees = readParams(feesRaw, FEES_SPECS, "execution.fees", issues);
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
  };
}

export function readVenues(raw: unknown, issues: Issue[]): Scenario["venues"] | undefined {
  const m = mapping(raw, "venues", issues, "{ perp, … }");
  if (!m) return undefined;
  checkUnknownKeys(m, ["perp"], "venues", issues);
  const perpRaw = mapping(m["perp"], "venues.perp", issues, "{ kind: perp-linear, imf, mmf, funding }") ?? {};
  const p = readParams(perpRaw, PERP_SPECS, "venues.perp", issues);
  const fundingRaw = mapping(p["funding"], "venues.perp.funding", issues, "{ interval, rate }") ?? {};
  const f = readParams(fundingRaw, FUNDING_SPECS, join("venues.perp", "funding"), issues);
  const imf = p["imf"] as number;
  const mmf = p["mmf"] as number;
  if (mmf > imf) {
    issues.push({
      code: "out_of_range",
      path: "venues.perp.mmf",
      message: `maintenance margin ${mmf} exceeds initial margin ${imf}; allowed: mmf ≤ imf`,
    });
  }
  return {
    perp: { imf, mmf, fundingIntervalMs: f["interval"] as number, fundingRate: f["rate"] as number },
  };
}
