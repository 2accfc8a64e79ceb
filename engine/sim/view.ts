/**
 * The read-only view a strategy gets (engine/strategy.ts). Prices are oracle readings, never the
 * market's; Greeks are computed at the oracle price. One instance per runner, reading live state;
 * a class (prototype methods) rather than an object of closures, so calls stay monomorphic and cheap.
 * The runner sits in a private field (#r): strategy code cannot reach engine state through the view.
 * Every richer field is computed when read, so a strategy that does not read it pays nothing.
 */
import { StrategyError } from "../errors.js";
import type {
  Greek,
  Instrument,
  OptionView,
  RealisedVolSpec,
  Refusal,
  StrategyView,
  VolForecastSpec,
} from "../strategy.js";
import { VolSpecError, VolState } from "../vol/vol-state.js";
import * as acct from "./account-view.js";
import { fundingRateAt, listOptions, netGreek } from "./book-view.js";
import type { PathRunner } from "./path-runner.js";

/** Readings of the rolling window a strategy may look back over, per asset. */
export const ORACLE_WINDOW = 4096;

export class RunnerView implements StrategyView {
  readonly #r: PathRunner;
  readonly startMs: number;
  readonly endMs: number;
  readonly assetNames: readonly string[];
  readonly rate: number;
  /** Realised vols and forecasts: built on the first call, reset when a new path is first asked. */
  #vol: VolState | undefined;
  #volPath = -1;

  constructor(r: PathRunner) {
    this.#r = r;
    this.rate = r.cfg.rate;
    this.assetNames = Object.freeze([...r.cfg.assets, r.cfg.quote]);
    this.startMs = r.cfg.grid.startMs;
    this.endMs = r.endMs;
  }

  get timeMs(): number {
    return this.#r.t;
  }

  assetIndex(name: string): number {
    const c = this.#r.cfg;
    return name === c.quote ? c.assets.length : c.assets.indexOf(name);
  }

  venueIndex(name: string): number {
    return this.#r.cfg.venues.findIndex((v) => v.name === name);
  }

  oraclePrice(a: number): number {
    const r = this.#r;
    return a === r.cfg.assets.length ? 1 : (r.oracle.price[a] as number);
  }

  /** The quote currency (index n) is the unit of account: always usable, never stale. */
  oracleAgeMs(a: number): number {
    return a === this.#r.cfg.assets.length ? 0 : this.#r.oracle.ageMs(a, this.#r.t);
  }

  oracleUsable(a: number): boolean {
    return a === this.#r.cfg.assets.length || this.#r.oracle.usable(a, this.#r.t);
  }

  oracleCount(a: number): number {
    const f = this.#r.oracle.feeds[a];
    return f ? Math.min(f.index + 1, ORACLE_WINDOW) : 0;
  }

  oracleAt(a: number, k: number): number {
    const f = this.#r.oracle.feeds[a];
    return f && k >= 0 && k < this.oracleCount(a) ? (f.tape.price[f.index - k] as number) : Number.NaN;
  }

  oracleTimeAt(a: number, k: number): number {
    const f = this.#r.oracle.feeds[a];
    return f && k >= 0 && k < this.oracleCount(a) ? (f.tape.publishMs[f.index - k] as number) : Number.NaN;
  }

  realisedVol(a: number, spec: RealisedVolSpec): number {
    const v = this.#volOf(a);
    try {
      return v === null ? 0 : v.realisedVol(a, spec, this.#r.t);
    } catch (e) {
      throw this.#volError(e);
    }
  }

  volForecast(a: number, spec: VolForecastSpec): number {
    const v = this.#volOf(a);
    try {
      return v === null ? 0 : v.volForecast(a, spec, this.#r.t);
    } catch (e) {
      throw this.#volError(e);
    }
  }

  /** The vol state, reset when a new path first asks (null for the quote currency: vol 0). */
  #volOf(a: number): VolState | null {
    const r = this.#r;
    if (a === r.cfg.assets.length) return null;
    this.#vol ??= new VolState(r.oracle.feeds);
    if (this.#volPath !== r.pathSerial) {
      this.#vol.reset(this.startMs);
      this.#volPath = r.pathSerial;
    }
    return this.#vol;
  }

  #volError(e: unknown): unknown {
    const r = this.#r;
    return e instanceof VolSpecError
      ? new StrategyError(r.cfg.strategyLabel ?? "strategy", r.t, e.message)
      : e;
  }

  perpQty(a: number): number {
    return this.#r.book.perpQty(a);
  }

  spotQty(a: number): number {
    return this.#r.book.spotQty(a);
  }

  cash(a: number): number {
    const b = this.#r.book;
    return b.ledger.balance(b.wallet, this.#k(a));
  }

  pendingQty(instrument: Instrument, a: number): number {
    return this.#r.orders.pending[instrument * this.#r.cfg.assets.length + a] as number;
  }

  optionDelta(a: number, vol?: number): number {
    const r = this.#r;
    return r.book.optionGreek(a, r.oracle.price[a] as number, r.t, vol, false);
  }

  optionGamma(a: number, vol?: number): number {
    const r = this.#r;
    return r.book.optionGreek(a, r.oracle.price[a] as number, r.t, vol, true);
  }

  optionGreek(a: number, greek: Greek, vol?: number): number {
    return netGreek(this.#r, a, greek, vol);
  }

  options(): readonly OptionView[] {
    return listOptions(this.#r);
  }

  atmVol(a: number): number {
    return a < this.#r.cfg.assets.length ? this.#r.ivs.atm(a) : Number.NaN;
  }

  impliedVol(a: number, strike: number, expiryMs: number): number {
    const r = this.#r;
    if (!(a >= 0 && a < r.cfg.assets.length)) return Number.NaN;
    return r.ivs.volAt(a, strike, expiryMs, r.oracleL[a + 1] as number);
  }

  equity(): number {
    return this.#r.book.equity(this.#r.oracleL, this.#r.t);
  }

  perpMarginRatio(): number {
    const r = this.#r;
    const v = r.book.venues.hedge;
    if (!v) return Number.POSITIVE_INFINITY;
    const a = r.book.venues.hedgeAcct;
    const mm = v.requirement(a, r.oracleL, 0);
    return mm > 0 ? v.equity(a, r.oracleL) / mm : Number.POSITIVE_INFINITY;
  }

  healthFactor(v: number): number {
    return acct.healthOf(...this.#acct(v), this.#r.oracleL);
  }

  marginRatio(v: number): number {
    return acct.marginRatioOf(...this.#acct(v), this.#r.oracleL);
  }

  ltv(v: number): number {
    return acct.ltvOf(...this.#acct(v), this.#r.oracleL);
  }

  liquidationPrice(v: number, a: number): number {
    return acct.liquidationPriceOf(...this.#acct(v), this.#k(a), this.#r.oracleL);
  }

  liquidationDistance(v: number, a: number): number {
    return Math.abs(this.liquidationPrice(v, a) / (this.#r.oracleL[this.#k(a)] as number) - 1);
  }

  freeCollateral(v: number): number {
    return acct.freeCollateralOf(...this.#acct(v), this.#r.oracleL);
  }

  supplied(v: number, a: number): number {
    return acct.suppliedOf(...this.#acct(v), this.#k(a));
  }

  debt(v: number, a: number): number {
    return acct.debtOf(...this.#acct(v), this.#k(a));
  }

  liquidationThreshold(v: number, a: number): number {
    return acct.thresholdOf(this.#r.book.venues.venues[v], this.#k(a));
  }

  debtValue(v: number): number {
    return acct.debtValueOf(...this.#acct(v), this.#r.oracleL);
  }

  borrowRate(v: number, a: number): number {
    return acct.rateOf(this.#r.book.venues.venues[v], this.#k(a), true);
  }

  supplyRate(v: number, a: number): number {
    return acct.rateOf(this.#r.book.venues.venues[v], this.#k(a), false);
  }

  fundingRate(v: number, a: number): number {
    return fundingRateAt(this.#r, this.#r.book.venues.venues[v], a, false);
  }

  nextFundingRate(v: number, a: number): number {
    return fundingRateAt(this.#r, this.#r.book.venues.venues[v], a, true);
  }

  refusals(): readonly Refusal[] {
    return this.#r.intents.refusals();
  }

  /** Ledger asset of a view asset index (the quote currency, index n, is ledger asset 0). */
  #k(a: number): number {
    return a === this.#r.cfg.assets.length ? 0 : a + 1;
  }

  #acct(v: number): [ReturnType<typeof venueAt>, number] {
    const vs = this.#r.book.venues;
    const venue = venueAt(vs, v);
    return [venue, acct.traderAccount(vs, venue)];
  }
}

function venueAt(vs: PathRunner["book"]["venues"], v: number) {
  return vs.venues[v];
}
