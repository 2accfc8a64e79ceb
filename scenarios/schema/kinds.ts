/**
 * The registries a scenario's pluggable sections are validated against. Passed in by the caller
 * (the CLI wires them), so scenarios/ need not import strategies/ or the venues.
 */
import type { Issue } from "../../engine/errors.js";
import type { ParamSpecs, Params } from "../../engine/params.js";
import type { KindConfig } from "./types.js";

/** The part of a Registry that validation needs. */
export interface KindReader {
  readonly name: string;
  kinds(): string[];
  read(
    raw: unknown,
    path: string,
    issues: Issue[],
    also?: readonly string[],
  ): { def: { kind: string }; params: Params } | undefined;
}

export interface ScenarioKinds {
  readonly priceModels: KindReader;
  /** `market.assets.<X>.iv`: implied-vol models (scenarios/iv). */
  readonly impliedVol: KindReader;
  readonly shocks: KindReader;
  readonly oracles: KindReader;
  readonly oracleFaults: KindReader;
  readonly latency: KindReader;
  readonly impact: KindReader;
  readonly gas: KindReader;
  readonly strategies: KindReader;
  readonly venues: KindReader;
  /** Parameters of one liquidator agent. */
  readonly liquidator: ParamSpecs;
}

/** Reads a `{ kind, ... }` mapping through a registry into plain data. */
export function readKind(
  reader: KindReader,
  raw: unknown,
  path: string,
  issues: Issue[],
  also: readonly string[] = [],
): KindConfig | undefined {
  const c = reader.read(raw, path, issues, also);
  return c ? { kind: c.def.kind, params: c.params } : undefined;
}

/** Reads a list of `{ kind, ... }` mappings. */
export function readKindList(reader: KindReader, raw: unknown, path: string, issues: Issue[]): KindConfig[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({
      code: "wrong_type",
      path,
      message: `expected a list of { kind: … } mappings (${reader.kinds().join(", ")})`,
    });
    return [];
  }
  const out: KindConfig[] = [];
  raw.forEach((item, i) => {
    const c = readKind(reader, item, `${path}[${i}]`, issues);
    if (c) out.push(c);
  });
  return out;
}

/** Plain `{ kind, ...params }` form of a KindConfig, for printing and hashing. */
export function kindToData(c: KindConfig): Record<string, unknown> {
  return { kind: c.kind, ...c.params };
}
