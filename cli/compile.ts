/**
 * Turns a validated Scenario into the engine's SimConfig: builds every kind through its registry,
 * resolves asset names to indices, and fixes the time grid. The one place these parts meet.
 */
import { InputError } from "../engine/errors.js";
import type { PathMarket, TimeGrid } from "../engine/market.js";
import type { Registry } from "../engine/registry.js";
import type { ExecutionConfig, MarketSource, OptionSpec, PerpSpec, SimConfig } from "../engine/sim/config.js";
import type { Strategy } from "../engine/strategy.js";
import { ModelMarket } from "../scenarios/model-market.js";
import type { ModelContext, PriceModel } from "../scenarios/models/types.js";
import type { KindConfig, Scenario } from "../scenarios/schema/types.js";
import { KINDS } from "./kinds.js";

export interface CompileOptions {
  readonly paths?: number;
  readonly seed?: number;
  readonly checkConservation?: boolean;
  /** A replayed market, already loaded (when the scenario's assets are `data`). */
  readonly replay?: PathMarket;
  readonly modelContext?: ModelContext;
}

/** Builds one instance of a kind from plain config. */
export function build<T, C>(registry: Registry<T, C>, c: KindConfig, ctx: C): T {
  const def = registry.get(c.kind);
  if (!def)
    throw new InputError([
      { code: "unknown_kind", path: registry.name, message: `unknown ${registry.name} "${c.kind}"` },
    ]);
  return def.create(c.params, ctx);
}

export function compile(s: Scenario, opts: CompileOptions = {}): SimConfig {
  const assets = s.market.assetNames;
  const seed = opts.seed ?? s.seed;
  const grid: TimeGrid = opts.replay?.grid ?? clockGrid(s);
  const market = opts.replay
    ? replaySource(opts.replay)
    : modelSource(s, grid, seed, opts.modelContext ?? {});
  const idx = (name: string) => assets.indexOf(name);
  const firstOption = s.book.find((b) => b.kind === "option");
  const strategy = build(KINDS.strategies as Registry<Strategy, unknown>, s.strategy, {
    assets,
    ...(firstOption ? { firstOptionAsset: firstOption.underlying } : {}),
  });
  return {
    name: s.name,
    seed,
    paths: opts.paths ?? s.paths,
    grid,
    assets,
    quote: s.market.quote,
    rate: s.market.rate,
    market,
    oracle: oracleConfig(s),
    execution: execution(s, idx),
    perp: s.venues.perp,
    options: s.book.flatMap((b): OptionSpec[] =>
      b.kind === "option"
        ? [
            {
              asset: idx(b.underlying),
              isCall: b.right === "call",
              strike: b.strike === "atm" ? null : b.strike,
              expiryMs: b.expiryMs,
              qty: b.qty,
              iv: b.iv,
            },
          ]
        : [],
    ),
    perps: s.book.flatMap((b): PerpSpec[] =>
      b.kind === "perp" ? [{ asset: idx(b.underlying), qty: b.qty, collateral: b.collateral }] : [],
    ),
    strategy,
    record: { eventPaths: s.report.eventPaths, seriesPaths: s.report.sampleSeries },
    checkConservation: opts.checkConservation ?? false,
  };
}

/** One oracle per asset; the scenario's consumer rule overrides the kind's own (pull: 120 s, 10 %). */
function oracleConfig(s: Scenario): SimConfig["oracle"] {
  const models = s.market.assetNames.map(() => KINDS.buildOracle(s.oracle.model, s.oracle.faults));
  const own = models[0]?.consumer;
  return {
    models,
    maxAgeMs: s.oracle.maxAgeMs ?? own?.maxAgeMs ?? Number.POSITIVE_INFINITY,
    maxConfRatio: s.oracle.maxConfRatio ?? own?.maxConfRatio ?? Number.POSITIVE_INFINITY,
  };
}

function clockGrid(s: Scenario): TimeGrid {
  if (!s.clock)
    throw new InputError([
      {
        code: "missing",
        path: "clock",
        message: "a Monte-Carlo market needs clock: { start, horizon, step }",
      },
    ]);
  return { startMs: s.clock.startMs, stepMs: s.clock.stepMs, steps: s.clock.horizonMs / s.clock.stepMs };
}

function execution(s: Scenario, idx: (name: string) => number): ExecutionConfig {
  const e = s.execution;
  return {
    latency: build(KINDS.latency, e.latency, undefined),
    impact: s.market.assetNames.map(() => build(KINDS.impact, e.impact, undefined)),
    fees: e.fees,
    gas: build(KINDS.gas, e.gas, undefined),
    gasAsset: e.gasAsset === null ? -1 : idx(e.gasAsset),
  };
}

function modelSource(s: Scenario, grid: TimeGrid, seed: number, ctx: ModelContext): MarketSource {
  const models = s.market.assetNames.map((name) => {
    const src = s.market.assets[name];
    if (!src?.model) {
      throw new InputError([
        {
          code: "mixed_market",
          path: `market.assets.${name}`,
          message:
            "a replayed asset cannot be mixed with Monte-Carlo models in one scenario; allowed: all assets `model`, or all `data`",
        },
      ]);
    }
    return build(KINDS.priceModels, src.model, ctx) as PriceModel;
  });
  const shocks = s.market.shocks.map((c) => build(KINDS.shocks, c, undefined));
  return new ModelMarket(s.market.assetNames, models, s.market.correlation, grid, seed, shocks);
}

/** A historical replay: the same market on every path. */
function replaySource(m: PathMarket): MarketSource {
  return {
    assets: m.assets,
    random: false,
    fill(_path: number, out: PathMarket) {
      for (let a = 0; a < m.assets.length; a++)
        (out.price[a] as Float64Array).set(m.price[a] as Float64Array);
    },
  };
}
