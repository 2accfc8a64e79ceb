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
import { LendingMarket } from "../venues/lending-market.js";
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

  constructor(private readonly cfg: SimConfig) {}

  /** Builds the venues, opens the trader's accounts and the liquidators on a fresh ledger. */
  reset(ledger: Ledger, events: EventLog, wallet: number, impacts: readonly ImpactModel[], t: number): void {
    this.venues = this.cfg.venues.map((v) => v.create({ name: v.name, ledger, events } satisfies VenueCtx));
    this.perpAccts.length = 0;
    this.lendAccts.length = 0;
    this.hedge = undefined;
    this.hedgeAcct = -1;
    const byLedger: (ImpactModel | undefined)[] = [undefined, ...impacts];
    this.engine = new LiquidationEngine(ledger, events, 0, byLedger);
    for (const v of this.venues) {
      if (v instanceof LendingMarket) {
        this.engine.addLending(v);
        v.start(t);
      } else {
        this.engine.addVenue(v);
        if (v instanceof PerpVenue) {
          for (let a = 0; a < this.cfg.assets.length; a++) v.addMarket(a + 1, impacts[a]);
          v.start(t);
        }
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

  /** The trader's account at a perp venue, opened on first use. */
  perpAccount(v: PerpVenue, wallet: number): number {
    for (const [pv, a] of this.perpAccts) if (pv === v) return a;
    const a = v.open(TRADER, wallet, "cross");
    this.perpAccts.push([v, a]);
    return a;
  }

  /** The trader's account at a lending market, opened on first use. */
  lendAccount(m: LendingMarket, wallet: number): number {
    for (const [lm, a] of this.lendAccts) if (lm === m) return a;
    const a = m.open(TRADER, wallet);
    this.lendAccts.push([m, a]);
    return a;
  }

  /** Σ over the trader's venue accounts of balances at `prices` plus perp unrealised PnL. */
  equity(prices: ArrayLike<number>): number {
    let e = 0;
    for (const [v, a] of this.perpAccts) e += v.equity(a, prices);
    for (const [m, a] of this.lendAccts) {
      e += m.collateralValue(a, prices, 0) - m.debtValue(a, prices);
    }
    return e;
  }

  /** True when anything could ever need a liquidation check. */
  get watched(): boolean {
    return this.venues.length > 0;
  }

  /** Earliest due funding over the perp venues (∞ when none). */
  nextFundingMs(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const v of this.venues) if (v instanceof PerpVenue && v.nextFundingMs < next) next = v.nextFundingMs;
    return next;
  }

  /** Settles due funding on every perp venue, at mark `prices`, rates from `inputs` per market. */
  fund(t: number, prices: ArrayLike<number>, inputs: ArrayLike<number>): void {
    for (const v of this.venues) if (v instanceof PerpVenue) while (v.fund(t, prices, inputs)) {}
  }

  /** Accrues interest on every lending market up to t. */
  accrue(t: number): void {
    for (const v of this.venues) if (v instanceof LendingMarket) v.accrue(t);
  }
}
