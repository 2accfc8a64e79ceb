/**
 * Runs one path through the event loop (DESIGN: data flow). One clock; events ordered by
 * (time, phase, sequence): market tick → oracle update → funding → expiry → strategy → execution →
 * end of path. Handlers sit in a table indexed by event kind. Everything a path needs is allocated
 * once per runner and reset per path, so a tick allocates nothing.
 */

import { StrategyError } from "../errors.js";
import { type EventLog, EventType } from "../events.js";
import { allocMarket, type PathMarket } from "../market.js";
import { EventQueue, Phase, packKey } from "../queue.js";
import { type Rng, streamFor } from "../rng.js";
import type { Strategy, StrategyView } from "../strategy.js";
import { MS_PER_HOUR, yearFraction } from "../units.js";
import { Book } from "./book.js";
import { expireBookOption } from "./book-options.js";
import { accrueCash } from "./cash.js";
import type { SimConfig } from "./config.js";
import { HeldTimer } from "./held-timer.js";
import { ImpliedVols } from "./implied-vols.js";
import { Intents } from "./intents.js";
import type { LiquidationContext } from "./liquidation-metrics.js";
import { openBook } from "./open-book.js";
import { OptionIntents } from "./option-intents.js";
import { OracleState } from "./oracle-state.js";
import { OrderFlow } from "./order-flow.js";
import { OrderBook } from "./orders.js";
import type { PathMetrics } from "./path-metrics.js";
import { optionMarks, writePathResults } from "./path-results.js";
import { PathTrack } from "./path-track.js";
import type { SeriesLog } from "./series.js";
import { pushSeriesRow } from "./series-row.js";
import { RunnerSink } from "./sink.js";
import { Transfers } from "./transfers.js";
import { Triggers } from "./triggers.js";
import { VenueClock } from "./venue-clock.js";
import { RunnerView } from "./view.js";

/** Heap event kinds. Market ticks and oracle publications are not heap events: the loop merges
 * them in from the grid and the oracle tapes, which saves two heap operations per step. */
export const Kind = {
  funding: 0,
  expiry: 1,
  timer: 2,
  exec: 3,
  end: 4,
  liquidation: 5,
  venueExpiry: 6,
  action: 7,
  oracleWatch: 8,
  trigger: 9,
  optionOrder: 10,
  transfer: 11,
} as const;

export class PathRunner {
  readonly q = new EventQueue(64);
  readonly book: Book;
  readonly oracle: OracleState;
  readonly market: PathMarket;
  /** Current market price per asset (piecewise constant between grid points). */
  readonly prices: Float64Array;
  /** Market and oracle prices indexed by ledger asset (quote = 1 first), for venues and equity. */
  readonly marketL: Float64Array;
  readonly oracleL: Float64Array;
  /** Funding, option expiries and liquidation checks at the venues' own times. */
  readonly clock: VenueClock;
  logStart = 0;
  readonly orders: OrderBook;
  /** Trades from the strategy on their way to execution (./order-flow.ts). */
  readonly flow: OrderFlow;
  readonly strategy: Strategy;
  readonly view: StrategyView;
  readonly sink: RunnerSink;
  /** Account intents and refusals (intents.ts); oracle and health triggers (triggers.ts). */
  readonly intents: Intents;
  readonly triggers: Triggers;
  readonly optionIntents: OptionIntents;
  readonly transfers: Transfers;
  /** Options marked on the assets' implied-vol surfaces (./implied-vols.ts). */
  readonly ivs: ImpliedVols;
  i = 0;
  t = 0;
  /** Counts the paths this runner has started (the view resets per-path caches on a change). */
  pathSerial = 0;
  readonly endMs: number;
  /** Time of the next market tick (∞ after the last). */
  private nextTickMs = 0;
  /** Earliest next oracle publication over all assets, within the path (∞ when none). */
  private nextOracleMs = 0;
  execRng!: Rng;
  path = 0;
  row = 0;
  peak = 0;
  maxDd = 0;
  minMargin = Number.POSITIVE_INFINITY;
  optionCash = 0;
  /** Collateral put into options-venue accounts at the start (their option PnL is value − this). */
  venueOptionCollateral = 0;
  trades = 0;
  rejected = 0;
  /** Peaks, traded notional and PnL attribution of the current path. */
  readonly track: PathTrack;
  private readonly handlers: ((payload: number) => void)[];
  private readonly stressScale: number;
  /** e^{cashRate·step} − 1: the quote balance's growth per clock step (0: no cash rate). */
  private readonly cashGrowth: number;
  readonly lendingVenues: ReadonlySet<string>;
  /** Venue types and perp deposits, for the per-path liquidation figures. */
  readonly liquidationContext: LiquidationContext;
  private stressAt = -1;
  private ended = false;
  private stress = 0;
  /** The earliest strategy timer, kept beside the heap (./held-timer.ts). */
  private readonly held: HeldTimer;

  constructor(
    readonly cfg: SimConfig,
    readonly metrics: PathMetrics,
    readonly log: EventLog,
    private readonly series: SeriesLog,
  ) {
    const n = cfg.assets.length;
    this.book = new Book(cfg);
    this.oracle = new OracleState(cfg.oracle, n);
    this.market = allocMarket(cfg.grid, cfg.assets, true, cfg.impliedVol?.some((s) => s !== null) ?? false);
    this.prices = new Float64Array(n);
    this.marketL = new Float64Array(n + 1);
    this.oracleL = new Float64Array(n + 1);
    this.clock = new VenueClock(this);
    this.held = new HeldTimer(this.q, Kind.timer);
    this.orders = new OrderBook(n);
    this.flow = new OrderFlow(this);
    this.track = new PathTrack(n, cfg.options.length, cfg.impliedVol?.some((s) => s !== null) ?? false);
    this.strategy = cfg.strategy;
    this.endMs = cfg.grid.startMs + cfg.grid.steps * cfg.grid.stepMs;
    this.stressScale = 1 / Math.sqrt(cfg.grid.stepMs / MS_PER_HOUR);
    this.cashGrowth = Math.expm1((cfg.cashRate ?? 0) * yearFraction(cfg.grid.stepMs));
    this.lendingVenues = new Set(
      cfg.venues.filter((v) => v.kind === "aave-v3" || v.kind === "compound-v3").map((v) => v.name),
    );
    const deposits = new Map<string, number>();
    for (const p of cfg.perps) deposits.set(p.venue, (deposits.get(p.venue) ?? 0) + p.collateral);
    this.liquidationContext = { lending: this.lendingVenues, perpDeposits: deposits };
    this.view = new RunnerView(this);
    this.sink = new RunnerSink(this);
    this.intents = new Intents(this);
    this.triggers = new Triggers(this);
    this.optionIntents = new OptionIntents(this);
    this.transfers = new Transfers(this);
    this.ivs = new ImpliedVols(this);
    this.handlers = [
      () => this.clock.onFunding(),
      (i) => expireBookOption(this, i),
      (tag) => {
        this.intents.begin();
        this.strategy.onTimer(this.view, this.sink, tag);
        this.flow.flush();
      },
      (slot) => this.flow.execute(slot),
      () => this.onEnd(),
      () => this.clock.onLiquidation(),
      () => this.clock.onVenueExpiry(),
      (slot) => this.intents.execute(slot),
      (asset) => {
        this.intents.begin();
        this.strategy.onOracle?.(this.view, this.sink, asset);
        this.flow.flush();
      },
      (tag) => {
        this.intents.begin();
        this.strategy.onTrigger?.(this.view, this.sink, tag);
        this.flow.flush();
      },
      (slot) => this.optionIntents.execute(slot),
      (slot) => this.transfers.step(slot),
    ];
  }

  /** Runs path `path` and writes its results into metrics row `row`. */
  run(path: number, marketFilled = false, row = path): void {
    this.path = path;
    this.row = row;
    const cfg = this.cfg;
    if (!marketFilled) cfg.market.fill(path, this.market);
    this.log.currentPath = path;
    this.log.keepAll = path < cfg.record.eventPaths;
    this.execRng = streamFor(cfg.seed, path, "execution");
    this.resetState();
    this.oracle.reset(this.market, streamFor(cfg.seed, path, "oracle"));
    for (let a = 0; a < this.prices.length; a++) this.oracle.apply(a, this.t);
    this.syncOracle();
    openBook(this);
    this.track.startVols(this.book);
    this.track.premium = Math.abs(optionMarks(this));
    this.schedule();
    const startEquity = this.book.equity(this.marketL, this.t);
    this.peak = startEquity;
    this.observe();
    try {
      this.intents.begin();
      this.strategy.start(this.view, this.sink);
      this.flow.flush();
      this.loop();
    } catch (e) {
      if (e instanceof StrategyError) e.onPath(path);
      throw e;
    }
    writePathResults(this, startEquity);
  }

  /** A strategy timer: `onTimer(tag)` after `delayMs` (dropped past the horizon). */
  timer(delayMs: number, tag: number): void {
    const at = this.t + Math.ceil(delayMs);
    if (at < this.endMs) this.held.set(at, tag);
  }

  /** Packed (time, phase) key of the earliest pending event of the heap and the held timer. */
  nextEventKey(): number {
    return Math.min(this.held.key, this.q.peekKey());
  }

  private resetState(): void {
    this.pathSerial++;
    this.q.clear();
    this.held.clear();
    this.book.reset();
    const b = this.book;
    b.venues.reset(b.ledger, this.log, b.wallet, this.cfg.execution.impact, this.cfg.grid.startMs);
    b.ledger.track(b.wallet);
    this.clock.reset();
    this.stressAt = -1;
    this.ended = false;
    this.flow.reset();
    this.logStart = this.log.length;
    this.orders.reset();
    this.intents.reset();
    this.triggers.reset();
    this.optionIntents.reset();
    this.transfers.reset();
    this.i = 0;
    this.t = this.cfg.grid.startMs;
    this.maxDd = 0;
    this.minMargin = Number.POSITIVE_INFINITY;
    this.optionCash = 0;
    this.venueOptionCollateral = 0;
    this.trades = 0;
    this.rejected = 0;
    for (let a = 0; a < this.prices.length; a++) {
      this.prices[a] = (this.market.price[a] as Float64Array)[0] as number;
    }
    this.syncMarket();
    this.ivs.reset();
    this.track.reset(this.prices, this.t);
    const impact = this.cfg.execution.impact;
    for (let a = 0; a < impact.length; a++) impact[a]?.reset(this.prices[a] as number, this.t);
  }

  private schedule(): void {
    const cfg = this.cfg;
    const q = this.q;
    this.nextTickMs = cfg.grid.steps > 0 ? this.t + cfg.grid.stepMs : Number.POSITIVE_INFINITY;
    this.updateNextOracle();
    this.clock.scheduleFunding();
    this.clock.scheduleLiquidation(this.t);
    for (let i = 0; i < cfg.options.length; i++) {
      const exp = this.book.optExpiryMs[i] as number;
      if (this.book.optLive[i] && exp <= this.endMs) q.push(exp, Phase.expiry, Kind.expiry, i);
    }
    this.clock.scheduleVenueExpiry();
    q.push(this.endMs, Phase.fill + 1, Kind.end);
  }

  private updateNextOracle(): void {
    let next = Number.POSITIVE_INFINITY;
    for (let a = 0; a < this.prices.length; a++) {
      const n = this.oracle.nextMs(a);
      if (n < next) next = n;
    }
    this.nextOracleMs = next <= this.endMs ? next : Number.POSITIVE_INFINITY;
  }

  /**
   * Merges three ordered sources by (time, phase): market ticks (phase market), oracle
   * publications (phase oracle) and the heap (every later phase), so ties resolve as DESIGN says.
   */
  private loop(): void {
    const q = this.q;
    const h = this.handlers;
    const check = this.cfg.checkConservation;
    for (;;) {
      const tickKey = packKey(this.nextTickMs, Phase.market);
      const oracleKey = packKey(this.nextOracleMs, Phase.oracle);
      const heapKey = q.peekKey();
      const held = this.held.first(heapKey);
      const eventKey = held ? this.held.key : heapKey;
      if (tickKey <= oracleKey && tickKey <= eventKey) {
        if (tickKey === Number.POSITIVE_INFINITY) break;
        this.t = this.nextTickMs;
        this.onTick();
      } else if (oracleKey <= eventKey) {
        this.t = this.nextOracleMs;
        this.onOracle();
      } else if (held) {
        this.t = this.held.take();
        (h[Kind.timer] as (p: number) => void)(this.held.tag);
      } else {
        q.pop();
        this.t = q.popTime;
        (h[q.popKind] as (p: number) => void)(q.popPayload);
      }
      if (check) this.book.ledger.check(`path ${this.path}, t=${this.t}`);
      if (this.ended) break; // the horizon: nothing after it happens, results are valued here
    }
  }

  private onTick(): void {
    const i = ++this.i;
    const m = this.market;
    for (let a = 0; a < this.prices.length; a++) this.prices[a] = (m.price[a] as Float64Array)[i] as number;
    this.syncMarket();
    if (this.ivs.any) this.ivs.refresh();
    if (this.cashGrowth !== 0) accrueCash(this.book, this.cashGrowth);
    this.nextTickMs = i < this.cfg.grid.steps ? this.t + this.cfg.grid.stepMs : Number.POSITIVE_INFINITY;
    this.observe();
  }

  /** |log return| of the first asset's last step per √hour: the congestion proxy execution models read. */
  stressNow(): number {
    if (this.stressAt !== this.i) {
      const p0 = this.market.price[0] as Float64Array;
      const i = this.i;
      this.stress =
        i === 0 ? 0 : Math.abs(Math.log((p0[i] as number) / (p0[i - 1] as number))) * this.stressScale;
      this.stressAt = i;
    }
    return this.stress;
  }

  /**
   * Tracks drawdown and margin at market prices and, on grid ticks, samples the series (the oracle
   * column is the reading landed before this instant's publications).
   */
  private observe(sample = true): void {
    const b = this.book;
    const eq = b.equity(this.marketL, this.t);
    if (eq > this.peak) this.peak = eq;
    else if (this.peak - eq > this.maxDd) this.maxDd = this.peak - eq;
    const m = b.venues.minPerpEquity; // left by b.equity, at the same market prices
    if (m < this.minMargin) this.minMargin = m;
    const sampled = sample && this.path < this.cfg.record.seriesPaths;
    this.track.observe(b, this.prices, this.marketL, this.t, sampled);
    if (sampled) pushSeriesRow(this, this.series, eq);
  }

  /** Applies every oracle publication landed by now, on every asset. */
  private onOracle(): void {
    for (let a = 0; a < this.prices.length; a++) {
      if (this.oracle.apply(a, this.t) > 0 && this.log.keepAll) this.logOracle(a);
    }
    this.syncOracle();
    this.updateNextOracle();
    this.clock.checkAfterOracle();
    if (this.triggers.any) this.triggers.afterOracle();
  }

  private syncMarket(): void {
    this.marketL[0] = 1;
    for (let a = 0; a < this.prices.length; a++) this.marketL[a + 1] = this.prices[a] as number;
  }

  /** Oracle prices by ledger asset; an asset with no reading yet falls back to the market's. */
  private syncOracle(): void {
    this.oracleL[0] = 1;
    for (let a = 0; a < this.prices.length; a++) {
      const p = this.oracle.price[a] as number;
      this.oracleL[a + 1] = p > 0 ? p : (this.prices[a] as number);
    }
  }

  private logOracle(a: number): void {
    this.log.push(this.t, EventType.oracleUpdate, {
      account: "oracle",
      asset: this.cfg.assets[a] as string,
      size: 0,
      price: this.oracle.price[a] as number,
      detail: `age ${this.oracle.ageMs(a, this.t)} ms`,
    });
  }

  private onEnd(): void {
    this.ended = true;
    this.observe(false);
  }
}
