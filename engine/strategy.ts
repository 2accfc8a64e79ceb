/**
 * The strategy contract (DESIGN: Strategies; STYLE 6). A strategy gets a read-only view of what it
 * may observe — oracle prices and their age, its own positions and balances, Greeks, margin — and
 * emits intents through a sink. It cannot mutate state, and it cannot tell a backtest from a
 * Monte-Carlo path. One instance serves many paths in turn: `start` must reset all its state.
 */

/** What a trade intent trades. */
export const Instrument = { spot: 0, perp: 1 } as const;
export type Instrument = (typeof Instrument)[keyof typeof Instrument];

export interface StrategyView {
  /** Simulated time, ms since the epoch. */
  readonly timeMs: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Index of an asset by name, or −1. Resolve once in `start`, then use indices. */
  assetIndex(name: string): number;
  /** Latest landed oracle price of the asset (never the market's future or even current price). */
  oraclePrice(asset: number): number;
  /** Age of that reading: now − the time of the market observation it reflects. */
  oracleAgeMs(asset: number): number;
  /** False when the oracle's consumer rule (staleness, confidence) rejects the reading. */
  oracleUsable(asset: number): boolean;
  perpQty(asset: number): number;
  spotQty(asset: number): number;
  /** Quantity of perp/spot ordered but not yet filled (in flight through execution latency). */
  pendingQty(instrument: Instrument, asset: number): number;
  /**
   * Net ∂V/∂S of the option book on `asset` at the oracle price (units of the asset), each option
   * valued with its own implied vol unless `vol` overrides it.
   */
  optionDelta(asset: number, vol?: number): number;
  /** Net ∂²V/∂S² of the option book on `asset` at the oracle price. */
  optionGamma(asset: number, vol?: number): number;
  /** Trader equity in the quote currency at oracle prices. */
  equity(): number;
  /** The hedge perp account's equity / maintenance requirement at oracle prices (∞ without positions). */
  perpMarginRatio(asset: number): number;
}

export interface IntentSink {
  /** Trade `qty` (signed, base units) of the instrument; executed after the execution latency. */
  trade(instrument: Instrument, asset: number, qty: number): void;
  /** Calls `onTimer(…, tag)` after `delayMs` (> 0). */
  setTimer(delayMs: number, tag?: number): void;
}

export interface Strategy {
  /** Called at the start of every path, after the initial book is open. Reset all state here. */
  start(view: StrategyView, out: IntentSink): void;
  /** Called when a timer set through the sink fires. */
  onTimer(view: StrategyView, out: IntentSink, tag: number): void;
}
