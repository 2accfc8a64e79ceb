/**
 * The strategy contract (DESIGN: Strategies; STYLE 6). A strategy gets a read-only view of what it
 * may observe — oracle prices and their recent history, its own positions and balances at every
 * venue, health factors, margin ratios, rates, funding, Greeks — and emits intents through a sink.
 * It cannot mutate state, and it cannot tell a backtest from a Monte-Carlo path. One instance
 * serves many paths in turn: `start` must reset all its state.
 *
 * Indices: assets by `assetIndex(name)` (the market's assets 0…n−1, the quote currency n); venues
 * by `venueIndex(name)`. Resolve names once in `start`, then use indices. Every price the view
 * gives is the oracle's (what a venue sees), never the market's.
 */

import type { RealisedVolSpec, VolForecastSpec } from "./vol/spec.js";

export type { Estimator } from "./vol/estimators.js";
export type { EwmaSpec, GarchSpec, RealisedVolSpec, VolForecastSpec } from "./vol/spec.js";

/** The wallet, as a transfer's source or destination. */
export const WALLET = -1;

/** What a trade intent trades. */
export const Instrument = { spot: 0, perp: 1 } as const;
export type Instrument = (typeof Instrument)[keyof typeof Instrument];

/** An intent the engine refused (the same reason is an event of the run). */
export interface Refusal {
  readonly timeMs: number;
  /** What was asked, e.g. `supply 2 ETH on lend`, `perp order of 1.5 ETH`. */
  readonly intent: string;
  readonly reason: string;
}

/** One option of the book (held outright or at an options venue), with its Greeks at the oracle price. */
export interface OptionView {
  readonly asset: number;
  readonly isCall: boolean;
  readonly strike: number;
  readonly expiryMs: number;
  /** Signed contracts (negative = written). */
  readonly qty: number;
  readonly iv: number;
  /** Per contract. */
  readonly price: number;
  readonly delta: number;
  readonly gamma: number;
  /** Per unit of vol (1.00 = 100 vol points), per contract. */
  readonly vega: number;
  /** Per year, per contract. */
  readonly theta: number;
  /** ∂²V/∂S∂σ and ∂²V/∂σ², per contract. */
  readonly vanna: number;
  readonly volga: number;
  /** Options venue name, or null when held outright. */
  readonly venue: string | null;
}

export type Greek = "delta" | "gamma" | "vega" | "theta" | "vanna" | "volga";

/** An option to trade on an options venue: by `strike`, or by target `delta` (at the oracle price). */
export interface OptionOrder {
  readonly asset: number;
  readonly isCall: boolean;
  /** Expiry time, ms since the epoch. */
  readonly expiryMs: number;
  /** Absolute strike; when absent, the strike whose delta is `delta` (default ±0.5). */
  readonly strike?: number;
  readonly delta?: number;
  /** Implied vol to list a new instrument at (default: the venue's vol for the asset). */
  readonly iv?: number;
}

export interface StrategyView {
  /** Simulated time, ms since the epoch. */
  readonly timeMs: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The scenario's continuously compounded rate per year (market.rate), as option marks use it. */
  readonly rate: number;
  /** Asset names by index: the market's assets, then the quote currency (frozen). */
  readonly assetNames: readonly string[];
  /** Index of an asset by name (the quote currency is the last index), or −1. */
  assetIndex(name: string): number;
  /** Index of a venue by its scenario name, or −1. */
  venueIndex(name: string): number;
  /** Latest landed oracle price of the asset (never the market's future or even current price). */
  oraclePrice(asset: number): number;
  /** Age of that reading: now − the time of the market observation it reflects. */
  oracleAgeMs(asset: number): number;
  /** False when the oracle's consumer rule (staleness, confidence) rejects the reading. */
  oracleUsable(asset: number): boolean;
  /** How many readings of the asset have landed so far (the rolling window's depth, capped). */
  oracleCount(asset: number): number;
  /** The k-th latest landed reading (k = 0: the latest), k < oracleCount; NaN beyond. */
  oracleAt(asset: number, k: number): number;
  /** Publication time of that reading. */
  oracleTimeAt(asset: number, k: number): number;
  /**
   * Annualised realised vol of the asset's oracle readings over the latest `window` complete bars
   * of `barMs` (bars aligned to the path start; engine/vol/bar-builder.ts) by `estimator`:
   * close-to-close, parkinson, garman-klass or yang-zhang. NaN until `window` bars are complete.
   * The quote currency: 0. Throws (a StrategyError, exit 2) on an invalid spec.
   */
  realisedVol(asset: number, spec: RealisedVolSpec): number;
  /**
   * Annualised vol forecast over the next `horizonMs` (the mean variance over it), EWMA or
   * GARCH(1,1) updated online on the bars' close-to-close returns (engine/vol/forecast.ts). NaN
   * until `warmup` bars are complete. The quote currency: 0. Throws on an invalid spec.
   */
  volForecast(asset: number, spec: VolForecastSpec): number;
  perpQty(asset: number): number;
  spotQty(asset: number): number;
  /** Wallet balance of an asset (the quote currency included): cash not posted at any venue. */
  cash(asset: number): number;
  /** Quantity of perp/spot ordered but not yet filled (in flight through execution latency). */
  pendingQty(instrument: Instrument, asset: number): number;
  /**
   * Net ∂V/∂S of the option book on `asset` at the oracle price (units of the asset), each option
   * valued with its own implied vol unless `vol` overrides it.
   */
  optionDelta(asset: number, vol?: number): number;
  /** Net ∂²V/∂S² of the option book on `asset` at the oracle price. */
  optionGamma(asset: number, vol?: number): number;
  /** Net Greek of the option book on `asset` (vega per unit vol, theta per year). */
  optionGreek(asset: number, greek: Greek, vol?: number): number;
  /** The live options of the book, each with its Greeks (a fresh array: read it, don't keep it). */
  options(): readonly OptionView[];
  /**
   * ATM implied vol of `asset` at its implied-vol model's reference tenor now (the level a vol
   * index quotes); NaN when the asset has no implied-vol model (market.assets.<X>.iv).
   */
  atmVol(asset: number): number;
  /**
   * Implied vol the market marks a strike and expiry (ms since the epoch) of `asset` at now, on its
   * surface at the oracle price; NaN without an implied-vol model.
   */
  impliedVol(asset: number, strike: number, expiryMs: number): number;
  /** Trader equity in the quote currency at oracle prices. */
  equity(): number;
  /** The hedge perp account's equity / maintenance requirement at oracle prices (∞ without positions). */
  perpMarginRatio(asset: number): number;
  /** Lending: Aave health factor Σ value·LT / debt (∞ without debt). Perp: equity / maintenance. */
  healthFactor(venue: number): number;
  /** Binance margin ratio maintenance / equity (perp venues; ≥ 1 ⇒ liquidatable); lending: 1 / HF. */
  marginRatio(venue: number): number;
  /** Lending: debt value / collateral value (0 without debt). Perp: notional / equity. */
  ltv(venue: number): number;
  /**
   * Oracle price of `asset` at which the account becomes liquidatable, everything else held
   * (NaN when no price of that asset liquidates it).
   */
  liquidationPrice(venue: number, asset: number): number;
  /** |liquidation price / oracle price − 1|: how far the price must move to liquidate (NaN: never). */
  liquidationDistance(venue: number, asset: number): number;
  /** Lending: Σ value·LTV − debt (more borrowable, quote). Perp: equity − initial margin. */
  freeCollateral(venue: number): number;
  /** Supplied (lending) units of an asset; perp venues: the margin account's quote cash. */
  supplied(venue: number, asset: number): number;
  debt(venue: number, asset: number): number;
  /** Lending: the asset's liquidation threshold (Compound: liquidateCF); 0 when not collateral. */
  liquidationThreshold(venue: number, asset: number): number;
  /** Σ debt · oracle price at the venue (quote); 0 for perp venues. */
  debtValue(venue: number): number;
  /** Current borrow / supply APR of the asset's reserve (NaN when not listed). */
  borrowRate(venue: number, asset: number): number;
  supplyRate(venue: number, asset: number): number;
  /** Funding rate per interval paid at the venue's latest payment (longs pay when > 0; NaN before). */
  fundingRate(venue: number, asset: number): number;
  /** The venue's prediction of its next payment's rate (NaN where it predicts none: replayed series). */
  nextFundingRate(venue: number, asset: number): number;
  /** Intents refused since the previous callback (cleared after each callback). */
  refusals(): readonly Refusal[];
}

export interface IntentSink {
  /** Trade `qty` (signed, base units) of the instrument; executed after the execution latency. */
  trade(instrument: Instrument, asset: number, qty: number): void;
  /** Calls `onTimer(…, tag)` after `delayMs` (> 0). */
  setTimer(delayMs: number, tag?: number): void;
  /**
   * Buys (qty > 0) or writes (qty < 0) an option on an options venue at its mark (close: trade the
   * opposite quantity; roll: close, then open the next).
   */
  tradeOption(venue: number, order: OptionOrder, qty: number): void;
  /** Moves quote cash from the wallet into a perp or options venue's margin account (`amount` > 0). */
  addMargin(venue: number, amount: number): void;
  /** Moves margin back to the wallet; the venue refuses beyond its free margin. */
  removeMargin(venue: number, amount: number): void;
  /** Lending venue actions, in units of `asset`, each one transaction (latency and gas). */
  supply(venue: number, asset: number, amount: number): void;
  withdraw(venue: number, asset: number, amount: number): void;
  borrow(venue: number, asset: number, amount: number): void;
  repay(venue: number, asset: number, amount: number): void;
  /**
   * Moves `amount` of `asset` from one venue account to another (`WALLET`, −1: the wallet) on a
   * route of `execution.transfers`: it leaves after the execution latency (the source's own rules
   * apply), backs nothing while in flight, and arrives the route's delay later less its fee.
   */
  transfer(from: number, to: number, asset: number, amount: number): void;
  /**
   * Calls `onOracle` after each landed reading of `asset` that moved at least `minMove` (relative)
   * from the reading of the previous call (0: every reading). One subscription per asset.
   */
  watchOracle(asset: number, minMove?: number): void;
  /**
   * Calls `onTrigger(…, tag)` when the venue account's health factor (lending) or margin ratio
   * (perp) crosses `level`, checked on every oracle update: `below` when HF falls under it / the
   * margin ratio rises over it. Re-arms once the value is back on the safe side.
   */
  watchHealth(venue: number, level: number, tag?: number): void;
}

export interface Strategy {
  /** Called at the start of every path, after the initial book is open. Reset all state here. */
  start(view: StrategyView, out: IntentSink): void;
  /** Called when a timer set through the sink fires. */
  onTimer(view: StrategyView, out: IntentSink, tag: number): void;
  /** Called on a watched oracle update (see `IntentSink.watchOracle`). */
  onOracle?(view: StrategyView, out: IntentSink, asset: number): void;
  /** Called when a watched health factor or margin ratio crosses its level. */
  onTrigger?(view: StrategyView, out: IntentSink, tag: number): void;
}
