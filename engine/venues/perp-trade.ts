/**
 * Trades on a PerpVenue: exposure-increasing trades are gated by initial margin (Binance/dYdX: equity
 * ≥ Σ IM after the order; an isolated account holds one market), reductions always pass and realise
 * `closed·(price − entry)` against `#market` (Reason.trade); increases average the entry price.
 */
import { Reason } from "../ledger.js";
import { initialMargin, type MarginTiers } from "./perp-rules.js";
import type { PerpVenue } from "./perp-venue.js";
import { covers } from "./tolerance.js";
import type { PriceVector } from "./types.js";

export function tradePerp(
  v: PerpVenue,
  t: number,
  a: number,
  m: number,
  dq: number,
  price: number,
  prices: PriceVector,
  feeQuote = 0,
  slippageQuote = 0,
): boolean {
  const qs = v.qty[a] as number[];
  const q = qs[m] as number;
  const next = q + dq;
  if (dq === 0) return true;
  if (Math.abs(next) > Math.abs(q) || q * next < 0) {
    if (v.isolated[a] && qs.some((x, k) => k !== m && x !== 0)) {
      return v.reject(t, a, m, dq, "an isolated account holds one market");
    }
    // One pass over the account: equity at marks and the IM of its other positions.
    const es = v.entry[a] as number[];
    let eq = v.cash(a);
    let im = 0;
    for (let k = 0; k < qs.length; k++) {
      const x = qs[k] as number;
      if (x === 0) continue;
      const mk = prices[v.markets[k] as number] as number;
      eq += x * (mk - (es[k] as number));
      if (k !== m) im += initialMargin(v.tiers[k] as MarginTiers, Math.abs(x) * mk);
    }
    const mark = v.mark(m, prices) || price;
    im += initialMargin(v.tiers[m] as MarginTiers, Math.abs(next) * mark);
    eq += dq * (mark - price) - feeQuote - slippageQuote;
    if (!covers(eq, im)) return v.reject(t, a, m, dq, `equity ${eq} below initial margin ${im}`);
  }
  v.fill(a, m, dq, price);
  if (feeQuote !== 0) v.ledger.transfer(v.acct[a] as number, v.feesAcct, v.quote, feeQuote, Reason.fee);
  if (slippageQuote !== 0)
    v.ledger.transfer(v.acct[a] as number, v.marketAcct, v.quote, slippageQuote, Reason.slippage);
  v.refresh(a);
  return true;
}

export function fillPerp(v: PerpVenue, a: number, m: number, dq: number, price: number): number {
  const qs = v.qty[a] as number[];
  const es = v.entry[a] as number[];
  const q = qs[m] as number;
  const e = es[m] as number;
  const next = q + dq;
  let pnl = 0;
  if (q !== 0 && q * dq < 0) {
    const closed = Math.abs(dq) < Math.abs(q) ? -dq : q;
    pnl = closed * (price - e);
    v.ledger.transfer(v.marketAcct, v.acct[a] as number, v.quote, pnl, Reason.trade);
  }
  const small = Math.abs(next) <= 1e-12 * Math.abs(q);
  qs[m] = small ? 0 : next;
  es[m] = small
    ? 0
    : q * next < 0 || q === 0
      ? price
      : Math.abs(next) > Math.abs(q)
        ? (q * e + dq * price) / next
        : e;
  return pnl;
}
