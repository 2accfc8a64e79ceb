/**
 * The filled scenario as `ballast validate --print` and `--json` show it: `normalise()`'s tree with
 * every duration written back as a duration string — in the unit the file used when the file gave
 * it (`horizon: 72h` stays `72h`), else in the largest exact unit (259 200 000 ms → `3d`) — and every
 * venue's nested per-asset tables with their effective parameters (an Aave `ETH: {}` prints its
 * LTV 0.805, LT 0.83, bonus…). The printed file validates to the same scenario.
 */
import { isRecord, type ParamSpecs } from "../engine/params.js";
import type { Registry } from "../engine/registry.js";
import { formatDuration, parseDuration } from "../engine/units.js";
import {
  CLOCK_SPECS,
  CONSUMER_SPECS,
  DATA_SPECS,
  LOAN_SPECS,
  OPTION_SPECS,
  PERP_ENTRY_SPECS,
} from "../scenarios/schema/sections.js";
import { TRANSFER_SPECS } from "../scenarios/schema/transfers.js";
import { KINDS } from "./kinds.js";

type Tree = Record<string, unknown>;
type AnyRegistry = Registry<unknown, never>;

const BOOK_SPECS: Readonly<Record<string, ParamSpecs>> = {
  option: OPTION_SPECS,
  perp: PERP_ENTRY_SPECS,
  loan: LOAN_SPECS,
};

/** `normalised` made readable; `raw` is the file as parsed (presets expanded), for its units. */
export function printableScenario(normalised: Tree, raw: unknown): Tree {
  const r = (key: string): Tree => field(raw, key);
  const out: Tree = { ...normalised };
  out["clock"] = normalised["clock"] && withUnits(normalised["clock"], r("clock"), CLOCK_SPECS);
  out["market"] = printableMarket(normalised["market"] as Tree, r("market"));
  out["oracle"] = printableOracle(normalised["oracle"] as Tree, r("oracle"));
  const execution = { ...(normalised["execution"] as Tree) };
  for (const part of ["latency", "impact", "gas"] as const)
    execution[part] = kinded(execution[part], field(r("execution"), part), KINDS[part]);
  const routes = execution["transfers"];
  if (Array.isArray(routes)) {
    const rawRoutes = r("execution")["transfers"];
    execution["transfers"] = routes.map((x, i) => withUnits(x, field(rawRoutes, i), TRANSFER_SPECS));
  }
  out["execution"] = execution;
  out["venues"] = mapValues(normalised["venues"], (v, k) => venue(v, field(r("venues"), k)));
  out["liquidators"] = mapList(normalised["liquidators"], (l, i) =>
    withUnits(l, field(r("liquidators"), i), KINDS.liquidator),
  );
  out["book"] = mapList(normalised["book"], (e, i) =>
    withUnits(e, field(r("book"), i), BOOK_SPECS[kindOf(e)] ?? {}),
  );
  out["strategy"] = kinded(normalised["strategy"], r("strategy"), KINDS.strategies);
  return out;
}

function printableMarket(market: Tree, raw: Tree): Tree {
  const assets = mapValues(market["assets"], (a, name) => {
    const src = field(field(raw, "assets"), name);
    const entry = a as Tree;
    return entry["model"] !== undefined
      ? { model: kinded(entry["model"], field(src, "model"), KINDS.priceModels) }
      : { data: withUnits(entry["data"], field(src, "data"), DATA_SPECS) };
  });
  const shocks = mapList(market["shocks"], (s, i) => kinded(s, field(field(raw, "shocks"), i), KINDS.shocks));
  return { ...market, assets, shocks };
}

function printableOracle(oracle: Tree, raw: Tree): Tree {
  return {
    ...kinded(oracle, raw, KINDS.oracles),
    faults: mapList(oracle["faults"], (f, i) =>
      kinded(f, field(field(raw, "faults"), i), KINDS.oracleFaults),
    ),
    consumer: withUnits(oracle["consumer"], field(raw, "consumer"), CONSUMER_SPECS),
  };
}

/** A venue with its kind's effective parameters (nested tables filled), durations as strings. */
function venue(v: unknown, raw: Tree): Tree {
  const def = (KINDS.venues as unknown as AnyRegistry).get(kindOf(v));
  if (def === undefined) return v as Tree;
  const effective = def.effective ? { kind: def.kind, ...def.effective(v as Tree) } : (v as Tree);
  return withUnits(effective, raw, def.params);
}

/** A `{ kind, … }` part: durations of its kind's parameters as strings. */
function kinded(v: unknown, raw: Tree, registry: unknown): Tree {
  const def = (registry as AnyRegistry).get(kindOf(v));
  return def === undefined ? (v as Tree) : withUnits(v, raw, def.params);
}

/** `node` with each of its duration parameters (by `specs`) as a duration string. */
function withUnits(node: unknown, raw: Tree, specs: ParamSpecs): Tree {
  const out: Tree = { ...(node as Tree) };
  for (const [key, spec] of Object.entries(specs)) {
    const ms = out[key];
    if (spec.type !== "duration" || typeof ms !== "number") continue;
    const written = raw[key];
    out[key] =
      typeof written === "string" && parseDuration(written) === ms
        ? written.trim()
        : ms === 0
          ? "0s"
          : formatDuration(ms);
  }
  return out;
}

function kindOf(v: unknown): string {
  return isRecord(v) ? String(v["kind"]) : "";
}

function field(v: unknown, key: string | number): Tree {
  if (typeof key === "number") return Array.isArray(v) && isRecord(v[key]) ? v[key] : {};
  return isRecord(v) && isRecord(v[key]) ? v[key] : {};
}

function mapValues(v: unknown, fn: (value: unknown, key: string) => unknown): Tree {
  return Object.fromEntries(Object.entries(v as Tree).map(([k, x]) => [k, fn(x, k)]));
}

function mapList(v: unknown, fn: (value: unknown, i: number) => unknown): unknown[] {
  return (v as unknown[]).map(fn);
}
