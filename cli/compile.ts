/**
 * Turns a validated Scenario into the engine's SimConfig: builds every kind through its registry,
 * resolves asset names to indices, and fixes the time grid. The one place these parts meet.
 */
import { fundingEveryMs, isFundingFile } from "../data/funding.js";
import { InputError, type Issue } from "../engine/errors.js";
import { EventLog } from "../engine/events.js";
import { Ledger } from "../engine/ledger.js";
import { liquidatorConfig } from "../engine/liquidation/liquidator.js";
import type { PathMarket, TimeGrid } from "../engine/market.js";
import type { Registry } from "../engine/registry.js";
import type {
  ExecutionConfig,
  LoanSpec,
  OptionSpec,
  PerpSpec,
  Route,
  SimConfig,
  VenueSpec,
} from "../engine/sim/config.js";
import type { Strategy } from "../engine/strategy.js";
import { formatDuration } from "../engine/units.js";
import { venueKinds } from "../engine/venues/kinds.js";
import type { ModelContext } from "../scenarios/models/types.js";
import { isDebtTarget, type KindConfig, type Scenario } from "../scenarios/schema/types.js";
import { compileMarket } from "./compile-market.js";
import { KINDS } from "./kinds.js";

export interface CompileOptions {
  /** The scenario file, for error headings. */
  readonly source?: string;
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

/**
 * @throws InputError listing every problem found while building (venues naming assets the market
 * lacks, a correlation matrix that is not positive definite, a shock on an unknown asset, a funding
 * source the market cannot feed…), under `opts.source` as heading.
 */
export function compile(s: Scenario, opts: CompileOptions = {}): SimConfig {
  const issues: Issue[] = [];
  const assets = s.market.assetNames;
  const seed = opts.seed ?? s.seed;
  const grid: TimeGrid = opts.replay?.grid ?? clockGrid(s);
  const market = collect(issues, () => compileMarket(s, grid, seed, opts.replay, opts.modelContext ?? {}));
  const venues = collect(issues, () => venueSpecs(s));
  checkFundingSources(s, opts.replay, issues);
  if (issues.length > 0 || !market || !venues) throw new InputError(issues, opts.source);
  const idx = (name: string) => assets.indexOf(name);
  const firstOption = s.book.find((b) => b.kind === "option");
  const strategy = build(KINDS.strategies as Registry<Strategy, unknown>, s.strategy, {
    assets,
    quote: s.market.quote,
    venues: Object.entries(s.venues).map(([name, v]) => ({ name, kind: v.kind })),
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
    cashRate: s.market.cashRate,
    market: market.source,
    impliedVol: market.surfaces,
    oracle: oracleConfig(s),
    execution: execution(s, idx),
    venues,
    hedgeVenue: hedgeVenue(s),
    liquidators: s.liquidators.map((l) => liquidatorConfig(l.name, l.params)),
    loans: s.book.flatMap((b, i): LoanSpec[] =>
      b.kind === "loan"
        ? [
            {
              where: `book[${i}]`,
              venue: b.venue,
              collateral: ledgerAmounts(s, b.collateral),
              debt: isDebtTarget(b.debt) ? [] : ledgerAmounts(s, b.debt),
              debtTarget: isDebtTarget(b.debt)
                ? { ...b.debt, asset: [s.market.quote, ...s.market.assetNames].indexOf(b.debt.asset) }
                : null,
            },
          ]
        : [],
    ),
    cash: s.book.flatMap((b) => (b.kind === "cash" ? ledgerAmounts(s, b.amount) : [])),
    options: s.book.flatMap((b, i): OptionSpec[] =>
      b.kind === "option"
        ? [
            {
              where: `book[${i}]`,
              asset: idx(b.underlying),
              isCall: b.right === "call",
              strike: b.strike === "atm" ? null : b.strike,
              expiryMs: b.expiryMs,
              qty: b.qty,
              iv: b.iv ?? null,
              venue: b.venue,
              collateral: b.collateral,
            },
          ]
        : [],
    ),
    perps: s.book.flatMap((b, i): PerpSpec[] =>
      b.kind === "perp"
        ? [
            {
              where: `book[${i}]`,
              venue: b.venue,
              asset: idx(b.underlying),
              qty: b.qty,
              collateral: b.collateral,
            },
          ]
        : [],
    ),
    strategy,
    strategyLabel: s.strategy.kind,
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

/** Runs a build step, turning its bad-input error into issues so that all steps report at once. */
function collect<T>(issues: Issue[], step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    issues.push(...e.issues);
    return undefined;
  }
}

/**
 * A perp venue funded from a series needs one: replayed funding (`market.assets.<name>.data.funding`)
 * or a funding-spike shock (on a model or a replay). Replayed funding files must be published at
 * the venue's own funding interval, or the venue would pay them at the wrong times.
 */
function checkFundingSources(s: Scenario, replay: PathMarket | undefined, issues: Issue[]): void {
  const hasSeries =
    (replay?.funding ?? []).some((f) => f !== undefined) ||
    s.market.shocks.some((c) => c.kind === "funding-spike");
  for (const [name, c] of Object.entries(s.venues)) {
    if (c.kind !== "perp-linear" || c.params["fundingSource"] === "fixed") continue;
    if (c.params["fundingSource"] === "series" && !hasSeries) {
      issues.push({
        code: "no_series",
        path: `venues.${name}.fundingSource`,
        message:
          "found series, but the market has no funding series; allowed: fixed or premium, or replay funding rates (market.assets.<asset>.data.funding) or add a funding-spike shock",
      });
    }
    for (const asset of s.market.assetNames) {
      const f = s.market.assets[asset]?.data?.["funding"];
      if (!isFundingFile(f) || fundingEveryMs(f) === c.params["fundingInterval"]) continue;
      issues.push({
        code: "funding_interval",
        path: `venues.${name}.fundingInterval`,
        message: `found ${formatDuration(c.params["fundingInterval"] as number)}, but market.assets.${asset}.data.funding has rates every ${formatDuration(fundingEveryMs(f))}; allowed: the same interval`,
      });
    }
  }
}

/** Ledger asset indices (quote 0, then the market's assets) of a `{ ASSET: amount }` map. */
function ledgerAmounts(s: Scenario, m: Readonly<Record<string, number>>): [number, number][] {
  const names = [s.market.quote, ...s.market.assetNames];
  return Object.entries(m).map(([k, v]) => [names.indexOf(k), v]);
}

/**
 * Builds each venue once on a scratch ledger of the scenario's assets, so that a venue naming an
 * asset the market lacks, or another quote, is bad input now rather than a failure mid-run.
 */
function venueSpecs(s: Scenario): VenueSpec[] {
  const issues: Issue[] = [];
  const specs = Object.entries(s.venues).flatMap(([name, c]): VenueSpec[] => {
    const def = venueKinds.get(c.kind);
    if (!def) return [];
    const params = c.params;
    if ("quote" in params && params["quote"] !== s.market.quote) {
      issues.push({
        code: "quote_mismatch",
        path: `venues.${name}.quote`,
        message: `found "${String(params["quote"])}"; allowed: the market's quote currency "${s.market.quote}" (market.quote)`,
      });
      return [];
    }
    try {
      def.create(params, {
        name,
        ledger: new Ledger([s.market.quote, ...s.market.assetNames]),
        events: new EventLog(),
      });
    } catch (e) {
      if (e instanceof InputError) {
        issues.push(...e.issues);
        return [];
      }
      const msg = e instanceof Error ? e.message : String(e);
      issues.push({
        code: "bad_venue",
        path: `venues.${name}`,
        message: `${msg}; the venue may only name the quote (${s.market.quote}) and the market's assets (${s.market.assetNames.join(", ")})`,
      });
      return [];
    }
    return [{ name, kind: c.kind, create: (ctx) => def.create(params, ctx) }];
  });
  if (issues.length > 0) throw new InputError(issues);
  return specs;
}

export function clockGrid(s: Scenario): TimeGrid {
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
    transfers: routes(s),
  };
}

/** `execution.transfers` with venues by index (−1: wallet). @throws InputError naming an unknown venue. */
function routes(s: Scenario): Route[] {
  const names = Object.keys(s.venues);
  const issues: Issue[] = [];
  const at = (name: string, path: string): number => {
    if (name === "wallet") return -1;
    const i = names.indexOf(name);
    if (i < 0)
      issues.push({
        code: "unknown_venue",
        path,
        message: `"${name}" is not a venue; allowed: wallet, ${names.join(", ")}`,
      });
    return i;
  };
  const out = s.execution.transfers.map((r, i) => ({
    from: at(r.from, `execution.transfers[${i}].from`),
    to: at(r.to, `execution.transfers[${i}].to`),
    delayMs: r.delayMs,
    fee: r.fee,
    feeRate: r.feeRate,
  }));
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/**
 * Where the strategy's perp intents go: the venue of the book's first perp (where its margin is),
 * else the first perp venue declared; null without one.
 */
function hedgeVenue(s: Scenario): string | null {
  const perp = s.book.find((b) => b.kind === "perp");
  if (perp && perp.kind === "perp") return perp.venue;
  return Object.keys(s.venues).find((n) => s.venues[n]?.kind === "perp-linear") ?? null;
}
