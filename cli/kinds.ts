/** Every registry of pluggable kinds, gathered once for validation, compilation and `ballast list`. */
import { gasKinds, impactKinds, latencyKinds } from "../engine/execution/registry.js";
import { LIQUIDATOR_SPECS } from "../engine/liquidation/liquidator.js";
import { oracleFaultKinds, withFaults } from "../engine/oracle/faults.js";
import { oracleKinds } from "../engine/oracle/registry.js";
import type { OracleModel } from "../engine/oracle/types.js";
import type { Registry } from "../engine/registry.js";
import { venueKinds } from "../engine/venues/kinds.js";
import { impliedVolKinds } from "../scenarios/iv/kinds.js";
import { priceModelKinds } from "../scenarios/models/registry.js";
import type { ScenarioKinds } from "../scenarios/schema/kinds.js";
import type { KindConfig } from "../scenarios/schema/types.js";
import { shockKinds } from "../scenarios/shocks/registry.js";
import { strategyKinds } from "../strategies/registry.js";
import { build } from "./compile.js";

export const KINDS = {
  priceModels: priceModelKinds,
  impliedVol: impliedVolKinds,
  shocks: shockKinds,
  oracles: oracleKinds,
  oracleFaults: oracleFaultKinds,
  latency: latencyKinds,
  impact: impactKinds,
  gas: gasKinds,
  strategies: strategyKinds,
  venues: venueKinds,
  liquidator: LIQUIDATOR_SPECS,
  /** An oracle model with its faults applied (one per asset: models may keep per-path state). */
  buildOracle(model: KindConfig, faults: readonly KindConfig[]): OracleModel {
    const base = build(oracleKinds, model, undefined);
    if (faults.length === 0) return base;
    return withFaults(
      base,
      faults.map((f) => build(oracleFaultKinds, f, undefined)),
    );
  },
} satisfies ScenarioKinds & Record<string, unknown>;

/** Registries shown by `ballast list`, by the name a user types (`ballast list oracles`). */
export const LISTED: Readonly<Record<string, Registry<unknown, never>>> = {
  models: priceModelKinds as unknown as Registry<unknown, never>,
  iv: impliedVolKinds as unknown as Registry<unknown, never>,
  shocks: shockKinds as unknown as Registry<unknown, never>,
  oracles: oracleKinds as unknown as Registry<unknown, never>,
  "oracle-faults": oracleFaultKinds as unknown as Registry<unknown, never>,
  latency: latencyKinds as unknown as Registry<unknown, never>,
  impact: impactKinds as unknown as Registry<unknown, never>,
  gas: gasKinds as unknown as Registry<unknown, never>,
  strategies: strategyKinds as unknown as Registry<unknown, never>,
  venues: venueKinds as unknown as Registry<unknown, never>,
};
