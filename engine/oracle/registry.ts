/**
 * The oracle kinds (DESIGN: extension points) and the reader for an oracle section with faults:
 *
 *   oracle: { kind: push, deviation: 0.005, heartbeat: 1h, delay: 12s,
 *             faults: [ { kind: outage, from: 10d, to: 10d2h } ] }
 *
 * `faults` is not a parameter of any kind's spec (the spec types have no list of mappings), so
 * `readOracle` takes it off, reads each entry with `oracleFaultKinds`, and reads the rest with
 * `oracleKinds`; `createOracle` builds the model and wraps it with `withFaults`.
 */
import type { Issue } from "../errors.js";
import { describeValue } from "../errors.js";
import { isRecord, join } from "../params.js";
import { type Configured, type KindDef, Registry } from "../registry.js";
import { type OracleFault, oracleFaultKinds, withFaults } from "./faults.js";
import { idealKind, latencyKind } from "./ideal.js";
import { medianKind } from "./median.js";
import { pullKind } from "./pull.js";
import { pushKind } from "./push.js";
import { twapKind } from "./twap.js";
import type { OracleModel } from "./types.js";

export type OracleKind = "ideal" | "latency" | "push" | "pull" | "twap" | "median";

/** A mapped type: forgetting a kind here is a compile error (STYLE 4). */
const DEFS: { readonly [K in OracleKind]: KindDef<OracleModel> } = {
  ideal: idealKind,
  latency: latencyKind,
  push: pushKind,
  pull: pullKind,
  twap: twapKind,
  median: medianKind,
};

export const oracleKinds = new Registry<OracleModel>("oracle", Object.values(DEFS));

/** A validated oracle section: the kind with its parameters, and its faults. */
export interface ConfiguredOracle {
  readonly model: Configured<OracleModel>;
  readonly faults: readonly Configured<OracleFault>[];
}

/** Validates `{ kind, ...params, faults?: [...] }` at `path`, collecting issues. */
export function readOracle(raw: unknown, path: string, issues: Issue[]): ConfiguredOracle | undefined {
  if (!isRecord(raw) || raw["faults"] === undefined) {
    const model = oracleKinds.read(raw, path, issues);
    return model && { model, faults: [] };
  }
  const { faults: rawFaults, ...rest } = raw;
  const before = issues.length;
  const faults: Configured<OracleFault>[] = [];
  if (!Array.isArray(rawFaults)) {
    issues.push({
      code: "wrong_type",
      path: join(path, "faults"),
      message: `found ${describeValue(rawFaults)}; allowed: a list of faults (${oracleFaultKinds.kinds().join(", ")})`,
    });
  } else {
    for (const [i, f] of rawFaults.entries()) {
      const c = oracleFaultKinds.read(f, join(join(path, "faults"), i), issues);
      if (c) faults.push(c);
    }
  }
  const model = oracleKinds.read(rest, path, issues);
  return model && issues.length === before ? { model, faults } : undefined;
}

/** Builds the model of a configured oracle section, faults applied. */
export function createOracle(c: ConfiguredOracle): OracleModel {
  const model = c.model.def.create(c.model.params);
  return withFaults(
    model,
    c.faults.map((f) => f.def.create(f.params)),
  );
}
