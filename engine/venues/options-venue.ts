/**
 * European options with Deribit-style standard margin (rules and sources: ./options-margin.ts).
 *
 * Each account has one margin asset (linear: `quote`; inverse: the underlying coin, fixed at open)
 * and signed positions per listed instrument. Equity = cash + Σ qty·mark; requirements: shorts
 * IM/MM per the standard rule, longs IM = premium (mark), MM 0 ("premium only": a buyer pays in
 * full). Premiums, settlements and buy-backs are posted against `${venue}#market`; liquidation
 * penalties go to `${venue}#insurance`. Liquidation: ./options-liquidation.ts.
 *
 * Per-tick screen: a band (lo, hi) of the underlying's price inside which the account was safe at
 * the last full revaluation (scan in 1 % steps, then bisection), valid for `revalueMs` or until a
 * vol change; outside it, or after it lapses, the engine runs the full test and `rearm`s the band.
 */

import type { EventLog } from "../events.js";
import { EventType } from "../events.js";
import { type Ledger, Reason } from "../ledger.js";
import { newGreeks } from "../pricing/black.js";
import { MS_PER_YEAR } from "../units.js";
import { findBand } from "./options-band.js";
import type { OptionsConfig } from "./options-config.js";
import { liquidateOptions } from "./options-liquidation.js";
import {
  inverseShortMargin,
  linearShortMargin,
  newUnitMargin,
  optionMark,
  type UnitMargin,
} from "./options-margin.js";
import { nextExpiryMs, settleDue, settleInstrument } from "./options-settlement.js";
import { bookFill, tradeOption, withdrawMargin } from "./options-trade.js";
import { meets } from "./tolerance.js";
import { type PriceVector, positionAccountName, type SelfLiquidating, venueAccountName } from "./types.js";

export interface Instrument {
  readonly underlying: number;
  readonly isCall: boolean;
  readonly strike: number;
  readonly expiryMs: number;
  vol: number;
  settled: boolean;
}

export class OptionsVenue implements SelfLiquidating {
  readonly instruments: Instrument[] = [];
  readonly owners: string[] = [];
  readonly acct: number[] = [];
  readonly wallet: number[] = [];
  /** Ledger asset each account is margined in. */
  readonly marginAsset: number[] = [];
  readonly qty: number[][] = [];
  /**
   * True while an implied-vol surface re-marks the instruments at every tick (engine/sim/implied-vols.ts):
   * a safe band would be void at the next tick, so accounts get the full test instead.
   */
  movingVols = false;
  /** Safe band of the underlying `bandAsset`: valid while lo < S < hi and t < bandUntil. */
  readonly bandLo: number[] = [];
  readonly bandHi: number[] = [];
  readonly bandUntil: number[] = [];
  readonly bandAsset: number[] = [];
  readonly marketAcct: number;
  readonly insuranceAcct: number;
  readonly quote: number;
  private readonly g = newGreeks();
  readonly unit: UnitMargin = newUnitMargin();
  /** Σ of the magnitudes of the terms of the latest `excessAt` (the scale of its tolerance). */
  gross = 0;

  constructor(
    readonly name: string,
    readonly cfg: OptionsConfig,
    readonly ledger: Ledger,
    readonly events: EventLog,
  ) {
    this.quote = ledger.asset(cfg.quote);
    this.marketAcct = ledger.account(venueAccountName(name, "market"), true);
    this.insuranceAcct = ledger.account(venueAccountName(name, "insurance"));
    if (!cfg.inverse) this.fundInsurance(this.quote, cfg.insuranceFund);
  }

  get accountCount(): number {
    return this.owners.length;
  }

  /** Seeds the insurance fund in `asset` from `#market` (Reason.deposit; inverse venues: one fund per coin). */
  fundInsurance(asset: number, amount: number): void {
    this.ledger.transfer(this.marketAcct, this.insuranceAcct, asset, amount, Reason.deposit);
  }

  /** Lists a European option; returns its instrument index. */
  list(underlying: number, isCall: boolean, strike: number, expiryMs: number, vol: number): number {
    this.instruments.push({ underlying, isCall, strike, expiryMs, vol, settled: false });
    return this.instruments.length - 1;
  }

  /** Sets the implied vol of every instrument on `underlying` and invalidates the bands. */
  setVol(underlying: number, vol: number): void {
    for (const ins of this.instruments) if (ins.underlying === underlying) ins.vol = vol;
    this.bandUntil.fill(Number.NEGATIVE_INFINITY);
  }

  /** Opens an account; inverse accounts are margined in `coin` (the underlying), linear in `quote`. */
  open(owner: string, wallet: number, coin?: number): number {
    const a = this.owners.length;
    this.owners.push(owner);
    this.acct.push(this.ledger.account(positionAccountName(this.name, owner)));
    this.wallet.push(wallet);
    this.marginAsset.push(this.cfg.inverse && coin !== undefined ? coin : this.quote);
    this.qty.push([]);
    this.bandLo.push(0);
    this.bandHi.push(Number.POSITIVE_INFINITY);
    this.bandUntil.push(Number.POSITIVE_INFINITY);
    this.bandAsset.push(0);
    return a;
  }

  cash(a: number): number {
    return this.ledger.balance(this.acct[a] as number, this.marginAsset[a] as number);
  }

  position(a: number, i: number): number {
    return (this.qty[a] as number[])[i] ?? 0;
  }

  /** Mark per unit in the margin currency at spot `s` (Black-76 on the forward). */
  markAt(i: number, t: number, s: number): number {
    const ins = this.instruments[i] as Instrument;
    const years = Math.max(0, (ins.expiryMs - t) / MS_PER_YEAR);
    return optionMark(this.g, ins.isCall, s, ins.strike, years, this.cfg.rate, ins.vol, this.cfg.inverse);
  }

  /** Per-unit short IM/MM into `this.unit` at spot `s` with unit mark `mark`. */
  shortMargin(i: number, t: number, s: number, mark: number): UnitMargin {
    const ins = this.instruments[i] as Instrument;
    if (!this.cfg.inverse)
      return linearShortMargin(ins.isCall, s, ins.strike, mark, this.cfg.margin, this.unit);
    const years = Math.max(0, (ins.expiryMs - t) / MS_PER_YEAR);
    return inverseShortMargin(
      ins.isCall,
      s * Math.exp(this.cfg.rate * years),
      ins.strike,
      mark,
      this.cfg.margin,
      this.unit,
    );
  }

  /**
   * Margin excess at spot `s` of instruments on `asset` (others at their own prices): which = 0
   * equity − MM, 1 equity − IM. The band search evaluates it at hypothetical spots. Sets `gross`.
   */
  excessAt(a: number, t: number, prices: PriceVector, asset: number, s: number, which: 0 | 1): number {
    const q = this.qty[a] as number[];
    let x = this.cash(a);
    let gross = Math.abs(x);
    for (let i = 0; i < q.length; i++) {
      const n = q[i] as number;
      if (n === 0) continue;
      const ins = this.instruments[i] as Instrument;
      const spot = ins.underlying === asset ? s : (prices[ins.underlying] as number);
      const mark = this.markAt(i, t, spot);
      x += n * mark;
      gross += Math.abs(n * mark);
      if (n > 0) x -= which === 1 ? n * mark : 0;
      else {
        const m = which === 0 ? this.shortMargin(i, t, spot, mark).mm : this.shortMargin(i, t, spot, mark).im;
        x += n * m;
        gross -= n * m;
      }
    }
    this.gross = gross;
    return x;
  }

  /** Equity − MM (0) or equity − IM (1) at the given prices. */
  excess(a: number, t: number, prices: PriceVector, which: 0 | 1): number {
    return this.excessAt(a, t, prices, -1, 0, which);
  }

  hasPositions(a: number): boolean {
    const q = this.qty[a] as number[];
    for (let i = 0; i < q.length; i++) if (q[i] !== 0) return true;
    return false;
  }

  isLiquidatable(a: number, prices: PriceVector, t: number): boolean {
    return this.hasPositions(a) && !meets(this.excess(a, t, prices, 0), this.gross);
  }

  crossed(a: number, prices: PriceVector, t: number): boolean {
    if (t >= (this.bandUntil[a] as number)) return true;
    const s = prices[this.bandAsset[a] as number] as number;
    return s <= (this.bandLo[a] as number) || s >= (this.bandHi[a] as number);
  }

  /** Recomputes account a's safe band at (t, prices). */
  rearm(a: number, prices: PriceVector, t: number): void {
    findBand(this, a, prices, t);
  }

  deposit(t: number, a: number, amount: number, prices: PriceVector): void {
    this.ledger.transfer(
      this.wallet[a] as number,
      this.acct[a] as number,
      this.marginAsset[a] as number,
      amount,
      Reason.deposit,
    );
    this.rearm(a, prices, t);
  }

  /** Withdraws when equity − IM stays ≥ 0 and cash ≥ amount. */
  withdraw(t: number, a: number, amount: number, prices: PriceVector): boolean {
    return withdrawMargin(this, t, a, amount, prices);
  }

  /**
   * Buys (qty > 0) or sells (qty < 0) `qty` of instrument i at premium `price` per unit (margin
   * currency). Risk-increasing trades need equity ≥ IM afterwards; reductions always pass.
   */
  trade(t: number, a: number, i: number, qty: number, price: number, prices: PriceVector): boolean {
    return tradeOption(this, t, a, i, qty, price, prices);
  }

  /** Books a fill: the premium moves between the account and `#market`. */
  book(a: number, i: number, qty: number, price: number): void {
    bookFill(this, a, i, qty, price);
  }

  /** Earliest expiry of an unsettled instrument (Infinity when none): the loop's next wake-up. */
  nextExpiryMs(): number {
    return nextExpiryMs(this);
  }

  /** Settles every instrument expired by t at `prices[underlying]` (pass TWAP'd prices if wanted). */
  settleDue(t: number, prices: PriceVector): void {
    settleDue(this, t, prices);
  }

  /** Pays `qty × payoff` per account at price `s`; a negative balance left is a bankruptcy. */
  settle(t: number, i: number, s: number, prices: PriceVector): void {
    settleInstrument(this, t, i, s, prices);
  }

  liquidate(t: number, a: number, prices: PriceVector): boolean {
    return liquidateOptions(this, t, a, prices);
  }

  reject(t: number, a: number, i: number, size: number, why: string): false {
    const asset = i < 0 ? (this.marginAsset[a] as number) : (this.instruments[i]?.underlying ?? this.quote);
    this.events.push(t, EventType.rejected, {
      account: this.owners[a] ?? "",
      asset: this.ledger.assets[asset] ?? "",
      size,
      price: 0,
      detail: `${this.name}: ${why}`,
    });
    return false;
  }
}
