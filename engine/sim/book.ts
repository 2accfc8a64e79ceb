/**
 * One path's positions and the ledger accounts behind them, with their valuation.
 *
 * Accounts (ledger names): `trader:wallet` (quote and spot holdings, borrowed funds); the trader's
 * accounts at venues, `<venue>/trader` (perp margin, lending collateral and debt); external:
 * `external:owner` (initial deposits), `external:market` (counterparty of spot trades, premiums
 * and settlement), `external:fees`, `external:gas`. Perp positions live in the perp venue
 * (engine/venues/perp-venue.ts). Options are marked with Black-76 on the forward S·e^{rT}
 * (generalised BSM with b = r: REFERENCE "Option pricing"), at each option's own implied vol.
 * Prices given to valuations are indexed by ledger asset: quote first (= 1), then the assets.
 */
import { Ledger } from "../ledger.js";
import { newGreeks, priceBlack } from "../pricing/black.js";
import { yearFraction } from "../units.js";
import type { SimConfig } from "./config.js";
import { OptionMarks } from "./option-marks.js";
import { VenueSet } from "./venues.js";

export class Book {
  readonly nAssets: number;
  ledger!: Ledger;
  quote = 0;
  wallet = 0;
  /** `trader:transit`, collateral moving between venues (engine/sim/transfers.ts); −1 until opened. */
  transit = -1;
  market = 0;
  fees = 0;
  gas = 0;
  owner = 0;
  readonly venues: VenueSet;

  /** Option book, column-wise. */
  readonly optAsset: Int32Array;
  readonly optCall: Uint8Array;
  readonly optStrike: Float64Array;
  readonly optExpiryMs: Float64Array;
  readonly optQty: Float64Array;
  readonly optIv: Float64Array;
  readonly optLive: Uint8Array;
  private readonly g = newGreeks();
  /** Recent valuations per option (./option-marks.ts): each (price, time, vol) is priced once. */
  readonly marks: OptionMarks;

  constructor(private readonly cfg: SimConfig) {
    this.nAssets = cfg.assets.length;
    this.venues = new VenueSet(cfg);
    const n = cfg.options.length;
    this.optAsset = new Int32Array(n);
    this.optCall = new Uint8Array(n);
    this.optStrike = new Float64Array(n);
    this.optExpiryMs = new Float64Array(n);
    this.optQty = new Float64Array(n);
    this.optIv = new Float64Array(n);
    this.optLive = new Uint8Array(n);
    this.marks = new OptionMarks(n);
  }

  /** Fresh ledger and positions for a new path (the runner then rebuilds the venues on it). */
  reset(): void {
    const l = new Ledger([this.cfg.quote, ...this.cfg.assets]);
    this.ledger = l;
    this.quote = l.asset(this.cfg.quote);
    this.wallet = l.account("trader:wallet");
    this.transit = -1;
    this.owner = l.account("external:owner", true);
    this.market = l.account("external:market", true);
    this.fees = l.account("external:fees", true);
    this.gas = l.account("external:gas", true);
    this.marks.clear();
  }

  /** Ledger asset index of a market asset (the quote currency is ledger asset 0). */
  assetId(asset: number): number {
    return asset + 1;
  }

  spotQty(asset: number): number {
    return this.ledger.balance(this.wallet, this.assetId(asset));
  }

  /** The trader's position in the hedge perp venue on `asset` (0 without one). */
  perpQty(asset: number): number {
    const v = this.venues.hedge;
    return v ? ((v.qty[this.venues.hedgeAcct] as number[])[asset] as number) : 0;
  }

  /** Value of option i at price s and time t (0 once settled). */
  optionValue(i: number, s: number, t: number): number {
    if (!this.optLive[i]) return 0;
    const k = this.mark(i, s, t, this.optIv[i] as number);
    return (this.optQty[i] as number) * (this.marks.price[k] as number);
  }

  /** Black-76 Greeks of one unit of option i at price s, time t and vol, into one reused object. */
  markOption(i: number, s: number, t: number, vol: number) {
    const tau = yearFraction((this.optExpiryMs[i] as number) - t);
    const r = this.cfg.rate;
    return priceBlack(this.g, this.optCall[i] === 1, s, this.optStrike[i] as number, tau, r, r, vol);
  }

  /** The slot of `marks` holding option i's unit valuation at (s, t, vol), priced on a miss. */
  mark(i: number, s: number, t: number, vol: number): number {
    const k = this.marks.find(i, s, t, vol);
    return k >= 0 ? k : this.marks.store(i, s, t, vol, this.markOption(i, s, t, vol));
  }

  /** Net option delta (or gamma) on `asset` at price s. */
  optionGreek(asset: number, s: number, t: number, vol: number | undefined, gamma: boolean): number {
    let sum = 0;
    for (let i = 0; i < this.optQty.length; i++) {
      if (!this.optLive[i] || this.optAsset[i] !== asset) continue;
      const k = this.mark(i, s, t, vol ?? (this.optIv[i] as number));
      sum += (this.optQty[i] as number) * ((gamma ? this.marks.gamma[k] : this.marks.delta[k]) as number);
    }
    if (this.venues.optAccts.length > 0) sum += this.venues.optionGreek(asset + 1, s, t, vol, gamma);
    return sum;
  }

  /**
   * Trader equity in quote at ledger-indexed prices: wallet, collateral in transit between venues
   * (it backs nothing, but it is still the trader's), venue accounts, option marks.
   */
  equity(prices: Float64Array, t: number): number {
    const l = this.ledger;
    let e = 0;
    for (let k = 0; k <= this.nAssets; k++) e += l.balance(this.wallet, k) * (prices[k] as number);
    if (this.transit >= 0)
      for (let k = 0; k <= this.nAssets; k++) e += l.balance(this.transit, k) * (prices[k] as number);
    e += this.venues.equity(prices, t);
    for (let i = 0; i < this.optQty.length; i++) {
      if (this.optLive[i]) e += this.optionValue(i, prices[(this.optAsset[i] as number) + 1] as number, t);
    }
    return e;
  }
}
