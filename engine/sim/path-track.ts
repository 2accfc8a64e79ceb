/**
 * What one path accumulates tick by tick beyond equity and drawdown: peak margin utilisation, peak
 * capital committed, traded notional and the PnL attribution of the book over the path.
 *
 * Attribution (per asset, summed; quote): over each grid step [tₖ, tₖ₊₁] the positions held are
 * those after tₖ's trades, valued with their Greeks at (Sₖ, tₖ), Black-76 at each option's implied
 * vol (REFERENCE "Option pricing"): delta Δₖ·ΔS, gamma ½Γₖ·ΔS², theta Θₖ·Δt (Δt in years), vega
 * 𝒱ₖ·Δσ (Δσ = 0: the book marks each option at a fixed implied vol). Funding and costs (fees,
 * slippage, gas) come from the ledger; the residual is PnL minus all of these (higher-order terms,
 * liquidations, settlements, discrete hedging between grid points).
 */

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
  private readonly prevS: Float64Array;
  private prevT = 0;

  constructor(private readonly nAssets: number) {
    this.prevS = new Float64Array(nAssets);
  }

  reset(prices: Float64Array, t: number): void {
    this.peakUtilisation = Number.NaN;
    this.peakCommitted = 0;
    this.notional = 0;
    this.pnlDelta = this.pnlGamma = this.pnlTheta = this.pnlVega = 0;
    this.prevS.set(prices);
    this.prevT = t;
  }

  /** At a grid point, right after `book.equity` at `marketL`: attribute the step just ended, then update the peaks. */
  observe(book: Book, prices: Float64Array, marketL: Float64Array, t: number): void {
    if (t > this.prevT) this.attribute(book, prices, t);
    const s = readAccounts(book, marketL, this.state, true);
    const u = s.utilisation;
    if (!Number.isNaN(u) && !(u <= this.peakUtilisation)) this.peakUtilisation = u;
    if (s.collateralValue > this.peakCommitted) this.peakCommitted = s.collateralValue;
  }

  private attribute(book: Book, prices: Float64Array, t: number): void {
    const dt = yearFraction(t - this.prevT);
    for (let a = 0; a < this.nAssets; a++) {
      const s0 = this.prevS[a] as number;
      const g = readGreeks(book, a, s0, this.prevT, this.greeks);
      const ds = (prices[a] as number) - s0;
      this.pnlDelta += g.delta * ds;
      this.pnlGamma += 0.5 * g.gamma * ds * ds;
      this.pnlTheta += g.theta * dt;
      this.prevS[a] = prices[a] as number;
    }
    this.prevT = t;
  }
}
