/**
 * Ledger postings for fills, premiums and settlement (funding is the perp venue's). Each function
 * posts balanced transfers with a reason, so run totals (fees, slippage, gas) come from the postings.
 */
import { Reason } from "../ledger.js";
import type { Book } from "./book.js";

/** Costs of one fill, in quote, all ≥ 0. */
export interface FillCosts {
  fee: number;
  slippage: number;
  gas: number;
}

/**
 * Applies a perp fill of `qty` at mid `mid` on the hedge venue: position accounting at the mid
 * (the venue realises PnL on reductions and gates increases by initial margin after the costs),
 * the taker fee to the venue, the impact posted separately as slippage (|qty|·mid·impact, margin →
 * the venue's market), which is economically the same as filling at mid·(1 ± impact).
 * @returns false when the venue rejected the trade (an event; nothing is posted).
 */
export function fillPerp(
  b: Book,
  t: number,
  asset: number,
  qty: number,
  mid: number,
  costs: FillCosts,
  prices: Float64Array,
): boolean {
  const v = b.venues.hedge;
  if (!v) return false;
  const a = b.venues.hedgeAcct;
  if (!v.trade(t, a, asset, qty, mid, prices, costs.fee, costs.slippage)) return false;
  b.ledger.transfer(b.wallet, b.gas, b.quote, costs.gas, Reason.gas);
  return true;
}

/** Applies a spot fill: quote wallet → market at mid, asset market → wallet; costs as for perps. */
export function fillSpot(b: Book, asset: number, qty: number, mid: number, costs: FillCosts): void {
  const l = b.ledger;
  l.transfer(b.wallet, b.market, b.quote, qty * mid, Reason.trade);
  l.transfer(b.market, b.wallet, b.assetId(asset), qty, Reason.trade);
  l.transfer(b.wallet, b.market, b.quote, costs.slippage, Reason.slippage);
  l.transfer(b.wallet, b.fees, b.quote, costs.fee, Reason.fee);
  l.transfer(b.wallet, b.gas, b.quote, costs.gas, Reason.gas);
}

/** Premium for opening option i at unit price `price`: the writer (qty < 0) receives |qty|·price. */
export function payPremium(b: Book, i: number, price: number): void {
  b.ledger.transfer(b.wallet, b.market, b.quote, (b.optQty[i] as number) * price, Reason.premium);
}

/**
 * Cash settlement of option i at expiry against the settlement price s:
 * qty·max(s − K, 0) for calls, qty·max(K − s, 0) for puts, market → wallet.
 * @returns the unit payoff.
 */
export function settleOption(b: Book, i: number, s: number): number {
  const k = b.optStrike[i] as number;
  const payoff = b.optCall[i] === 1 ? Math.max(s - k, 0) : Math.max(k - s, 0);
  b.ledger.transfer(b.market, b.wallet, b.quote, (b.optQty[i] as number) * payoff, Reason.settlement);
  b.optLive[i] = 0;
  return payoff;
}
