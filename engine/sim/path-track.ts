/**
 * What one path accumulates tick by tick beyond equity and drawdown: peak margin utilisation, peak
 * capital committed, traded notional and the PnL attribution of the book over the path.
 *
 * Attribution (per asset, summed; quote): over each grid step [tₖ, tₖ₊₁] the positions held are
 * those after tₖ's trades, valued with their Greeks at (Sₖ, tₖ), Black-76 at each option's implied
 * vol (REFERENCE "Option pricing"): delta Δₖ·ΔS, gamma ½Γₖ·ΔS², theta Θₖ·Δt (Δt in years), and
 * vega, per book option, the second-order Taylor terms of its implied-vol move Δσ over the step:
 * 𝒱ₖ·Δσ + ½·Volgaₖ·Δσ² + Vannaₖ·ΔS·Δσ (zero when the option keeps a fixed vol). So delta, gamma
 * and theta carry the realised-against-implied part and vega what the implied vol's own moves
 * made; venue-held options likewise, at each instrument's vol. Funding and costs (fees,
 * slippage, gas) come from the ledger; the residual is PnL minus all of these (higher-order terms,
 * liquidations, settlements, discrete hedging between grid points).
 */

import { newGreeks, priceBlack } from "../pricing/black.js";
import { yearFraction } from "../units.js";
import {
  type AccountState,
  type BookGreeks,
  newAccountState,
  newBookGreeks,
  readAccounts,
  readGreeks,
} from "./account-state.js";
import type { Book } from "./book.js";
import { snapshotVenueVols, type VenueVols } from "./venue-greeks.js";

export class PathTrack {
  /** Highest margin utilisation seen (NaN without venue accounts). */
  peakUtilisation = Number.NaN;
  /** Highest Σ perp margin balance + lending collateral value seen (quote). */
  peakCommitted = 0;
  /** |Σ qty × mark| of the trader's options right after the book opened (quote). */
  premium = 0;
  /** Σ |size| × fill price of the trader's fills (quote). */
  notional = 0;
  pnlDelta = 0;
  pnlGamma = 0;
  pnlTheta = 0;
  pnlVega = 0;
  readonly state: AccountState = newAccountState();
  readonly greeks: BookGreeks = newBookGreeks();
  private readonly g = newGreeks();
  private readonly prevS: Float64Array;
  private prevT = 0;
  /** Each book option's (and venue instrument's) implied vol at the start of the step being attributed. */
  private readonly prevIv: Float64Array;
  private readonly venueIv: VenueVols = new Map();

  /** `movingVols`: some option is marked on an implied-vol surface (else the vega term is skipped). */
  constructor(
    private readonly nAssets: number,
    nOptions = 0,
    private readonly movingVols = false,
  ) {
    this.prevS = new Float64Array(nAssets);
    this.prevIv = new Float64Array(nOptions);
  }

  /** After the book opened: the options' starting vols. */
  startVols(book: Book): void {
    this.prevIv.set(book.optIv);
    this.venueIv.clear();
    snapshotVenueVols(book.venues, this.venueIv);
  }

  reset(prices: Float64Array, t: number): void {
    this.peakUtilisation = Number.NaN;
    this.peakCommitted = 0;
    this.notional = 0;
    this.pnlDelta = this.pnlGamma = this.pnlTheta = this.pnlVega = 0;
    this.prevS.set(prices);
    this.prevT = t;
  }

  /**
   * At a grid point, right after `book.equity` at `marketL`: attribute the step just ended, then
   * update the peaks. `rows`: the series samples this instant, so `state` gets every account's row.
   */
  observe(book: Book, prices: Float64Array, marketL: Float64Array, t: number, rows: boolean): void {
    if (t > this.prevT) this.attribute(book, prices, t);
    const s = readAccounts(book, marketL, this.state, true, rows);
    const u = s.utilisation;
    if (!Number.isNaN(u) && !(u <= this.peakUtilisation)) this.peakUtilisation = u;
    if (s.collateralValue > this.peakCommitted) this.peakCommitted = s.collateralValue;
  }

  private attribute(book: Book, prices: Float64Array, t: number): void {
    const dt = yearFraction(t - this.prevT);
    for (let a = 0; a < this.nAssets; a++) {
      const s0 = this.prevS[a] as number;
      const g = readGreeks(book, a, s0, this.prevT, this.greeks, this.prevIv, this.venueIv);
      const ds = (prices[a] as number) - s0;
      this.pnlDelta += g.delta * ds;
      this.pnlGamma += 0.5 * g.gamma * ds * ds;
      this.pnlTheta += g.theta * dt;
      if (this.movingVols) this.pnlVega += this.vegaPnl(book, a, s0, ds);
      this.prevS[a] = prices[a] as number;
    }
    if (this.movingVols) {
      this.prevIv.set(book.optIv);
      snapshotVenueVols(book.venues, this.venueIv);
    }
    this.prevT = t;
  }

  /** Σ over asset a's live book options of qty·(𝒱·Δσ + ½·Volga·Δσ² + Vanna·ΔS·Δσ) at the step's start. */
  private vegaPnl(book: Book, a: number, s0: number, ds: number): number {
    let sum = 0;
    const m = book.marks;
    for (let i = 0; i < book.optQty.length; i++) {
      if (!book.optLive[i] || book.optAsset[i] !== a) continue;
      const dv = (book.optIv[i] as number) - (this.prevIv[i] as number);
      if (dv === 0) continue;
      const k = book.mark(i, s0, this.prevT, this.prevIv[i] as number);
      const q = book.optQty[i] as number;
      sum +=
        q *
        ((m.vega[k] as number) * dv +
          0.5 * (m.volga[k] as number) * dv * dv +
          (m.vanna[k] as number) * ds * dv);
    }
    return sum + this.venueVegaPnl(book, a, s0, ds);
  }

  /** The same terms for the venue-held options, each instrument from its vol at the step's start. */
  private venueVegaPnl(book: Book, a: number, s0: number, ds: number): number {
    let sum = 0;
    for (const [v, acct] of book.venues.optAccts) {
      const q = v.qty[acct] as number[];
      const before = this.venueIv.get(v);
      for (let i = 0; i < q.length; i++) {
        const ins = v.instruments[i];
        const prev = before?.[i];
        if (!ins || q[i] === 0 || ins.settled || ins.underlying !== a + 1 || prev === undefined) continue;
        const dv = ins.vol - prev;
        if (dv === 0) continue;
        const r = v.cfg.rate;
        const tau = yearFraction(Math.max(0, ins.expiryMs - this.prevT));
        priceBlack(this.g, ins.isCall, s0, ins.strike, tau, r, r, prev);
        const n = q[i] as number;
        sum += n * (this.g.vega * dv + 0.5 * this.g.volga * dv * dv + this.g.vanna * ds * dv);
      }
    }
    return sum;
  }
}
