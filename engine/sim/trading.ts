/**
 * Ledger postings for fills, funding, premiums and settlement. Each function posts balanced
 * transfers with a reason, so run totals (fees, slippage, gas, funding) come from the postings.
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
 * Applies a perp fill of `qty` at mid `mid` with fractional impact `impact`.
 * Position accounting is at the mid; the impact is posted separately as slippage
 * (|qty|·mid·impact, margin → market) and the taker fee on the execution price's notional
 * (margin → fees), which is economically the same as filling at mid·(1 ± impact).
 * Realised PnL on the reduced part: closed·(mid − entry)·side, market ↔ margin.
 */
export function fillPerp(b: Book, asset: number, qty: number, mid: number, costs: FillCosts): void {
  const l = b.ledger;
  const acct = b.perpAcct[asset] as number;
  const old = b.perpQty[asset] as number;
  const entry = b.perpEntry[asset] as number;
  const next = old + qty;
  if (old !== 0 && Math.sign(qty) !== Math.sign(old)) {
    const closed = Math.min(Math.abs(qty), Math.abs(old));
    const realised = closed * (mid - entry) * Math.sign(old);
    l.transfer(b.market, acct, b.quote, realised, Reason.trade);
  }
  if (next === 0) b.perpEntry[asset] = 0;
  else if (Math.sign(next) !== Math.sign(old)) b.perpEntry[asset] = mid;
  else if (Math.abs(next) > Math.abs(old)) {
    b.perpEntry[asset] = (Math.abs(old) * entry + Math.abs(qty) * mid) / Math.abs(next);
  }
  b.perpQty[asset] = next;
  l.transfer(acct, b.market, b.quote, costs.slippage, Reason.slippage);
  l.transfer(acct, b.fees, b.quote, costs.fee, Reason.fee);
  l.transfer(b.wallet, b.gas, b.quote, costs.gas, Reason.gas);
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

/**
 * Funding payment for one interval: rate × qty × mark; longs pay shorts when rate > 0
 * (REFERENCE, Binance USDⓈ-M: "funding every 8 h on mark notional, longs pay when F > 0").
 * @returns the amount the trader paid (negative when received).
 */
export function payFunding(b: Book, asset: number, rate: number, mark: number): number {
  const paid = rate * (b.perpQty[asset] as number) * mark;
  b.ledger.transfer(b.perpAcct[asset] as number, b.funding, b.quote, paid, Reason.funding);
  return paid;
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
