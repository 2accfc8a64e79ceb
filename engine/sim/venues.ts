/**
 * The venues of one path and the trader's accounts at them, with the liquidation engine that
 * watches them (DESIGN: venues, liquidation). Built afresh on each path's ledger.
 *
 * Prices handed to venues are indexed by ledger asset (quote = 1): the oracle's for the venues'
 * rules and liquidations (positions die on the oracle price), the market's for marks in equity.
 */

import { InternalError } from "../errors.js";
import type { EventLog } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import type { Ledger } from "../ledger.js";
import { LiquidationEngine } from "../liquidation/liquidation-engine.js";
import { newGreeks, priceBlack } from "../pricing/black.js";
import { MS_PER_YEAR } from "../units.js";
import { LendingMarket } from "../venues/lending-market.js";
import type { OptionsVenue } from "../venues/options-venue.js";
import { PerpVenue } from "../venues/perp-venue.js";
import type { VenueCtx } from "../venues/types.js";
import type { SimConfig, VenueSpec } from "./config.js";

export const TRADER = "trader";

type AnyVenue = ReturnType<VenueSpec["create"]>;

export class VenueSet {
  venues: AnyVenue[] = [];
  engine!: LiquidationEngine;
  /** The perp venue and trader account the strategy's perp intents go to (−1: none). */
  hedge: PerpVenue | undefined;
  hedgeAcct = -1;
  /** Trader accounts: perp venues (venue, account) and lending markets (venue, account). */
  readonly perpAccts: [PerpVenue, number][] = [];
  readonly lendAccts: [LendingMarket, number][] = [];
  readonly optAccts: [OptionsVenue, number][] = [];
  /** The venues by class, so per-step loops need no type tests. */
  readonly perpVenues: PerpVenue[] = [];
  readonly lendingVenues: LendingMarket[] = [];
  readonly optionVenues: OptionsVenue[] = [];
  /** Lowest perp-account equity seen by the latest `equity` call (∞ without perp accounts). */
  minPerpEquity = Number.POSITIVE_INFINITY;
  /** Each perp account's equity (by `perpAccts` index) at the latest `equity` call's prices. */
  readonly perpEquity: number[] = [];
  private readonly g = newGreeks();

  constructor(private readonly cfg: SimConfig) {}

  /** Builds the venues, opens the trader's accounts and the liquidators on a fresh ledger. */
  reset(ledger: Ledger, events: EventLog, wallet: number, impacts: readonly ImpactModel[], t: number): void {
    this.venues = this.cfg.venues.map((v) => v.create({ name: v.name, ledger, events } satisfies VenueCtx));
    this.perpAccts.length = 0;
    this.lendAccts.length = 0;
    this.optAccts.length = 0;
    this.perpVenues.length = 0;
    this.lendingVenues.length = 0;
    this.optionVenues.length = 0;
    this.hedge = undefined;
    this.hedgeAcct = -1;
    const byLedger: (ImpactModel | undefined)[] = [undefined, ...impacts];
    this.engine = new LiquidationEngine(ledger, events, 0, byLedger);
    for (const v of this.venues) {
      if (v instanceof LendingMarket) {
        this.lendingVenues.push(v);
        this.engine.addLending(v);
        v.start(t);
      } else {
        this.engine.addVenue(v);
        if (v instanceof PerpVenue) {
          this.perpVenues.push(v);
          for (let a = 0; a < this.cfg.assets.length; a++) v.addMarket(a + 1, impacts[a]);
          v.start(t);
        } else this.optionVenues.push(v);
      }
    }
    for (const l of this.cfg.liquidators) this.engine.addLiquidator(l);
    const hedge = this.cfg.hedgeVenue === null ? undefined : this.venue(this.cfg.hedgeVenue);
    if (hedge instanceof PerpVenue) {
      this.hedge = hedge;
      this.hedgeAcct = this.perpAccount(hedge, wallet);
    }
  }

  venue(name: string): AnyVenue {
    const i = this.cfg.venues.findIndex((v) => v.name === name);
    const v = this.venues[i];
    if (!v) throw new InternalError(`no venue named ${name}`);
    return v;
  }

  /**
   * The trader's account at a perp venue, opened on first use. Every trader account is tracked by
   * the ledger, so what it pays counts in the run's cost totals (Ledger.paid).
   */
  perpAccount(v: PerpVenue, wallet: number): number {
    for (const [pv, a] of this.perpAccts) if (pv === v) return a;
    const a = v.open(TRADER, wallet, "cross");
    v.ledger.track(v.acct[a] as number);
    this.perpAccts.push([v, a]);
    return a;
  }

  /** The trader's account at a lending market, opened on first use. */
  lendAccount(m: LendingMarket, wallet: number): number {
    for (const [lm, a] of this.lendAccts) if (lm === m) return a;
    const a = m.open(TRADER, wallet);
    m.ledger.track(m.acct[a] as number);
    this.lendAccts.push([m, a]);
    return a;
  }

  /** The trader's account at an options venue, opened on first use. */
  optionAccount(v: OptionsVenue, wallet: number): number {
    for (const [ov, a] of this.optAccts) if (ov === v) return a;
    const a = v.open(TRADER, wallet);
    v.ledger.track(v.acct[a] as number);
    this.optAccts.push([v, a]);
    return a;
  }

  /**
   * Σ over the trader's venue accounts at `prices` (ledger-indexed) and time t: perp margin plus
   * unrealised PnL, lending collateral minus debt, options-account cash plus option marks.
   * Leaves each perp account's equity in `perpEquity` and the lowest in `minPerpEquity`.
   */
  equity(prices: ArrayLike<number>, t: number): number {
    let e = 0;
    let minPerp = Number.POSITIVE_INFINITY;
    const perps = this.perpAccts;
    for (let k = 0; k < perps.length; k++) {
      const [v, a] = perps[k] as [PerpVenue, number];
      const m = v.equity(a, prices);
      this.perpEquity[k] = m;
      if (m < minPerp) minPerp = m;
      e += m;
    }
    this.minPerpEquity = minPerp;
    const lends = this.lendAccts;
    for (let k = 0; k < lends.length; k++) {
      const [m, a] = lends[k] as [LendingMarket, number];
      e += m.collateralValue(a, prices, 0) - m.debtValue(a, prices);
    }
    const opts = this.optAccts;
    for (let k = 0; k < opts.length; k++) {
      const [v, a] = opts[k] as [OptionsVenue, number];
      e += optionAccountValue(v, a, prices, t);
    }
    return e;
  }

  /**
   * Net delta (or gamma) of the trader's venue-held options on ledger asset `asset` at spot s:
   * Black-76 on the forward at the venue's rate and each instrument's vol (or `vol`).
   */
  optionGreek(asset: number, s: number, t: number, vol: number | undefined, gamma: boolean): number {
    let sum = 0;
    for (const [v, a] of this.optAccts) {
      const q = v.qty[a] as number[];
      for (let i = 0; i < q.length; i++) {
        const ins = v.instruments[i];
        if (!ins || q[i] === 0 || ins.settled || ins.underlying !== asset) continue;
        const r = v.cfg.rate;
        const g = priceBlack(
          this.g,
          ins.isCall,
          s,
          ins.strike,
          Math.max(0, (ins.expiryMs - t) / MS_PER_YEAR),
          r,
          r,
          vol ?? ins.vol,
        );
        sum += (q[i] as number) * (gamma ? g.gamma : g.delta);
      }
    }
    return sum;
  }

  /** Earliest unsettled expiry over the options venues (∞ when none). */
  nextExpiryMs(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const v of this.optionVenues) if (v.nextExpiryMs() < next) next = v.nextExpiryMs();
    return next;
  }

  /**
   * Settles every due option on the options venues against the oracle: the last reading, or with a
   * `settlementWindow` W the time-weighted mean of the reading over [t − W, t] (Deribit's 30-minute
   * TWAP of its index).
   * @param mean (ledger asset, from) → time-weighted mean of that asset's reading from `from` to now
   */
  settleDue(t: number, prices: Float64Array, mean: (asset: number, fromMs: number) => number): void {
    for (const v of this.optionVenues) {
      const w = v.cfg.settlementWindowMs;
      if (w <= 0) {
        v.settleDue(t, prices);
        continue;
      }
      const twap = Float64Array.from(prices);
      for (let k = 1; k < twap.length; k++) {
        const m = mean(k, t - w);
        if (m > 0) twap[k] = m;
      }
      v.settleDue(t, twap);
    }
  }

  /** True when anything could ever need a liquidation check. */
  get watched(): boolean {
    return this.venues.length > 0;
  }

  /** Earliest due funding over the perp venues (∞ when none). */
  nextFundingMs(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const v of this.perpVenues) if (v.nextFundingMs < next) next = v.nextFundingMs;
    return next;
  }

  /** Settles due funding on every perp venue, at mark `prices`, rates from `inputs` per market. */
  fund(t: number, prices: ArrayLike<number>, inputs: ArrayLike<number>): void {
    for (const v of this.perpVenues) {
      let due = v.fund(t, prices, inputs);
      while (due) due = v.fund(t, prices, inputs);
    }
  }

  /** Accrues interest on every lending market up to t. */
  accrue(t: number): void {
    const l = this.lendingVenues;
    for (let k = 0; k < l.length; k++) (l[k] as LendingMarket).accrue(t);
  }
}

/** An options account's cash plus Σ position × mark (linear venues: marks in the quote). */
export function optionAccountValue(v: OptionsVenue, a: number, prices: ArrayLike<number>, t: number): number {
  const q = v.qty[a] as number[];
  let e = v.cash(a);
  for (let i = 0; i < q.length; i++) {
    const ins = v.instruments[i];
    if (!ins || q[i] === 0 || ins.settled) continue;
    e += (q[i] as number) * v.markAt(i, t, prices[ins.underlying] as number);
  }
  return e;
}
