/**
 * Resolves a validated `population:` scenario into the cascade's configuration: risk parameters per
 * (venue, asset) from each aave-v3 venue's table, the pools, the online oracle, the liquidators and
 * the chain. Oracle kinds that cannot follow the cascade online (pull, twap, median) and oracle
 * faults are bad input here.
 */
import { InputError, type Issue } from "../../engine/errors.js";
import type { LiquidationRule, SystemicConfig } from "../../engine/systemic/config.js";
import type { OnlineOracleKind } from "../../engine/systemic/online-oracle.js";
import { aaveConfig } from "../../engine/venues/lending-config.js";
import type { SystemicSpec } from "../../scenarios/schema/systemic.js";
import type { Scenario } from "../../scenarios/schema/types.js";
import { marginSpec } from "./margin-config.js";

const ONLINE_ORACLES: readonly string[] = ["ideal", "latency", "push"];

/** Population asset names: the quote first, then the market's assets. */
export function populationAssets(s: Scenario): string[] {
  return [s.market.quote, ...s.market.assetNames];
}

export function systemicConfig(s: Scenario, spec: SystemicSpec, checkConservation: boolean): SystemicConfig {
  const assets = populationAssets(s);
  const c = spec.cascade;
  return {
    assets,
    quote: 0,
    venues: spec.venues,
    risk: riskTable(s, spec, assets),
    rule: c["rule"] as LiquidationRule,
    auction: auction(c.auction),
    pools: assets.map((name, k) => {
      if (k === 0) return null;
      const p = c.pools[name];
      return {
        depthQuote: (p?.["depth"] as number | undefined) ?? Number.POSITIVE_INFINITY,
        fee: p ? (p["fee"] as number) : 0,
        halfLifeMs: p ? (p["halfLife"] as number) : 0,
      };
    }),
    oracle: onlineOracle(s),
    liquidators: c.liquidators.map((l) => ({
      name: l.name,
      latencyMs: l["latency"] as number,
      capital: l["capital"] as number,
      gasBidGwei: l["gasBid"] as number,
      minProfit: l["minProfit"] as number,
    })),
    chain: chain(c.chain, assets),
    reserve: c["reserve"] as number,
    recheckMs: c["recheck"] as number,
    profileBucketMs: c["profile"] as number,
    margin: marginSpec(s, spec, assets),
    checkConservation,
  };
}

function riskTable(s: Scenario, spec: SystemicSpec, assets: readonly string[]): SystemicConfig["risk"] {
  const A = assets.length;
  const n = spec.venues.length * A;
  const t = {
    lt: new Float64Array(n),
    bonus: new Float64Array(n),
    protocolFee: new Float64Array(n),
    closeFactor: new Float64Array(n),
  };
  spec.venues.forEach((v, vi) => {
    const cfg = aaveConfig((s.venues[v] as { params: Record<string, unknown> }).params);
    for (const r of cfg.reserves) {
      const k = assets.indexOf(r.asset);
      if (k < 0) continue;
      t.lt[vi * A + k] = r.lt;
      t.bonus[vi * A + k] = r.bonus;
      t.protocolFee[vi * A + k] = r.protocolFee;
    }
    for (let k = 0; k < A; k++) t.closeFactor[vi * A + k] = spec.cascade["closeFactor"] as number;
  });
  return t;
}

function onlineOracle(s: Scenario): SystemicConfig["oracle"] {
  const m = s.oracle.model;
  const issues: Issue[] = [];
  if (!ONLINE_ORACLES.includes(m.kind)) {
    issues.push({
      code: "unsupported",
      path: "oracle.kind",
      message: `found "${m.kind}"; a population's cascade follows its oracle online; allowed: ${ONLINE_ORACLES.join(", ")}`,
    });
  }
  if (s.oracle.faults.length > 0) {
    issues.push({
      code: "unsupported",
      path: "oracle.faults",
      message: "oracle faults are not modelled in a population's cascade; allowed: none",
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  const p = m.params;
  return {
    kind: m.kind as OnlineOracleKind,
    delayMs: (p["delay"] as number | undefined) ?? 0,
    deviation: (p["deviation"] as number | undefined) ?? 0,
    heartbeatMs: (p["heartbeat"] as number | undefined) ?? 3_600_000,
  };
}

function auction(a: Readonly<Record<string, unknown>>): SystemicConfig["auction"] {
  const n = (k: string) => a[k] as number;
  return {
    buf: n("buf"),
    tailMs: n("tail"),
    cusp: n("cusp"),
    stepMs: n("step"),
    cut: n("cut"),
    chip: n("chip"),
    tip: n("tip"),
    beg: n("beg"),
    ttlMs: n("ttl"),
    tauMs: n("tau"),
  };
}

function chain(c: Readonly<Record<string, unknown>>, assets: readonly string[]): SystemicConfig["chain"] {
  const gasName = (c["gasAsset"] as string | undefined) ?? (assets.includes("ETH") ? "ETH" : undefined);
  return {
    gasUnits: c["gasUnits"] as number,
    baseGwei: c["baseGwei"] as number,
    gasAsset: gasName === undefined ? -1 : assets.indexOf(gasName),
    inclusionMs: c["inclusion"] as number,
    gasPerMove: c["gasPerMove"] as number,
    gasPerPending: c["gasPerPending"] as number,
    delayPerShortGweiMs: c["delayPerShortGwei"] as number,
  };
}
