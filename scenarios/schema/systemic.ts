/**
 * The `population:` and `cascade:` sections of a systemic stress scenario: validated against their
 * ParamSpecs (systemic-specs.ts), every problem collected; asset and venue names checked against
 * the market and the scenario's lending venues. The result is plain data with defaults filled.
 */
import { describeValue, type Issue } from "../../engine/errors.js";
import { isRecord, join, type ParamSpecs, readParams } from "../../engine/params.js";
import { type MarginSection, readMargin } from "./margin.js";
import {
  AUCTION_SPECS,
  CASCADE_LIQUIDATOR_SPECS,
  CASCADE_SPECS,
  CHAIN_SPECS,
  GENERATE_SPECS,
  POOL_SPECS,
  POPULATION_SPECS,
} from "./systemic-specs.js";
import type { KindConfig } from "./types.js";

type Data = Readonly<Record<string, unknown>>;

export interface SystemicSpec {
  readonly population: { readonly snapshot?: string; readonly generate?: Data };
  readonly cascade: Data & {
    readonly pools: Readonly<Record<string, Data>>;
    readonly auction: Data;
    readonly liquidators: readonly (Data & { readonly name: string })[];
    readonly chain: Data;
  };
  /** Lending venues the population may use, in file order. */
  readonly venues: readonly string[];
  /** Margin rule's grid, the generator's hedges and the perp venue (scenarios/schema/margin.ts). */
  readonly margin: MarginSection;
}

export function readSystemic(
  raw: Record<string, unknown>,
  assets: readonly string[],
  venues: Readonly<Record<string, KindConfig>>,
  issues: Issue[],
): SystemicSpec | undefined {
  if (raw["population"] === undefined) {
    if (raw["cascade"] !== undefined)
      issues.push({
        code: "missing",
        path: "population",
        message: "a cascade section needs a population: { snapshot } or { generate }",
      });
    return undefined;
  }
  const before = issues.length;
  const lending = Object.keys(venues).filter((v) => venues[v]?.kind === "aave-v3");
  if (lending.length === 0) {
    issues.push({
      code: "missing",
      path: "venues",
      message: "a population needs at least one aave-v3 venue (its LT, bonus and protocol fee per asset)",
    });
  }
  const population = readSection(raw["population"], POPULATION_SPECS, "population", issues);
  const hasSnap = population["snapshot"] !== undefined;
  if (hasSnap === (population["generate"] !== undefined) && issues.length === before) {
    issues.push({
      code: "one_of",
      path: "population",
      message: "give exactly one of snapshot (a file) or generate (a generator)",
    });
  }
  const generate = isRecord(population["generate"])
    ? readGenerate(population["generate"], assets, lending, issues)
    : undefined;
  const cascade = readSection(raw["cascade"] ?? {}, CASCADE_SPECS, "cascade", issues);
  const pools = readNamed(cascade["pools"], POOL_SPECS, "cascade.pools", assets.slice(1), issues);
  const chain = readSection(cascade["chain"] ?? {}, CHAIN_SPECS, "cascade.chain", issues);
  const auction = readSection(cascade["auction"] ?? {}, AUCTION_SPECS, "cascade.auction", issues);
  checkNames([chain["gasAsset"]], assets, "cascade.chain.gasAsset", issues);
  const liquidators = readLiquidatorList(cascade["liquidators"], issues);
  const margin = readMargin(cascade, generate, venues, assets[0] as string, issues);
  if (issues.length > before) return undefined;
  return {
    population: {
      ...(hasSnap ? { snapshot: population["snapshot"] as string } : {}),
      ...(generate ? { generate } : {}),
    },
    cascade: { ...cascade, pools, chain, auction, liquidators },
    venues: lending,
    margin,
  };
}

function readSection(
  raw: unknown,
  specs: ParamSpecs,
  path: string,
  issues: Issue[],
): Record<string, unknown> {
  if (!isRecord(raw)) {
    issues.push({ code: "wrong_type", path, message: `found ${describeValue(raw)}; allowed: a mapping` });
    return {};
  }
  return readParams(raw, specs, path, issues, false);
}

function readGenerate(
  raw: Record<string, unknown>,
  assets: readonly string[],
  venues: readonly string[],
  issues: Issue[],
): Data {
  const g = readParams(raw, GENERATE_SPECS, "population.generate", issues, false);
  for (const key of ["collateral", "debt", "atLt"] as const) {
    weights(
      g[key],
      join("population.generate", key),
      assets,
      key === "atLt" ? 1 : Number.POSITIVE_INFINITY,
      issues,
    );
  }
  weights(g["venues"], "population.generate.venues", venues, Number.POSITIVE_INFINITY, issues);
  if (
    isRecord(g["collateral"]) &&
    !Object.values(g["collateral"]).some((w) => typeof w === "number" && w > 0)
  ) {
    issues.push({
      code: "out_of_range",
      path: "population.generate.collateral",
      message: "no asset has a positive weight; allowed: at least one",
    });
  }
  if ((g["hfMedian"] as number) <= (g["hfMin"] as number)) {
    issues.push({
      code: "invariant",
      path: "population.generate.hfMedian",
      message: `found ${String(g["hfMedian"])} ≤ hfMin ${String(g["hfMin"])}; allowed: a median above the minimum`,
    });
  }
  return g;
}

function weights(raw: unknown, path: string, names: readonly string[], max: number, issues: Issue[]): void {
  if (!isRecord(raw)) return;
  checkNames(Object.keys(raw), names, path, issues);
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "number" || !(v >= 0) || v > max) {
      issues.push({
        code: "out_of_range",
        path: join(path, k),
        message: `found ${describeValue(v)}; allowed: a number from 0 to ${max}`,
      });
    }
  }
}

function checkNames(
  found: readonly unknown[],
  allowed: readonly string[],
  path: string,
  issues: Issue[],
): void {
  for (const name of found) {
    if (name === undefined || (typeof name === "string" && allowed.includes(name))) continue;
    issues.push({
      code: "unknown_name",
      path,
      message: `unknown name ${describeValue(name)}; allowed: ${allowed.join(", ")}`,
    });
  }
}

function readNamed(
  raw: unknown,
  specs: ParamSpecs,
  path: string,
  names: readonly string[],
  issues: Issue[],
): Record<string, Data> {
  const out: Record<string, Data> = {};
  if (!isRecord(raw)) return out;
  checkNames(Object.keys(raw), names, path, issues);
  for (const [k, v] of Object.entries(raw)) out[k] = readSection(v, specs, join(path, k), issues);
  return out;
}

function readLiquidatorList(raw: unknown, issues: Issue[]): (Data & { name: string })[] {
  const list = raw ?? [{ name: "keeper" }];
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({
      code: "wrong_type",
      path: "cascade.liquidators",
      message: `found ${describeValue(raw)}; allowed: a non-empty list of { name, latency, capital, gasBid, minProfit }`,
    });
    return [];
  }
  return list.map((item, i) => {
    const path = join("cascade.liquidators", i);
    const rec = isRecord(item) ? item : {};
    const { name, ...rest } = rec;
    if (typeof name !== "string" || name === "")
      issues.push({
        code: "missing",
        path: join(path, "name"),
        message: "each liquidator needs a name (a non-empty string)",
      });
    return { name: String(name), ...readParams(rest, CASCADE_LIQUIDATOR_SPECS, path, issues, false) };
  });
}
