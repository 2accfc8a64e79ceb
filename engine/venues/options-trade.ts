/**
 * Trades and margin withdrawals on an OptionsVenue. Risk-increasing trades and withdrawals need
 * equity ≥ IM afterwards (standard margin, ./options-margin.ts; longs pay the premium in full);
 * reductions always pass. Premiums move between the account and `#market` (Reason.premium).
 */
import { Reason } from "../ledger.js";
import type { OptionsVenue } from "./options-venue.js";
import { covers, meets } from "./tolerance.js";
import type { PriceVector } from "./types.js";

export function withdrawMargin(
  v: OptionsVenue,
  t: number,
  a: number,
  amount: number,
  prices: PriceVector,
): boolean {
  const free = Math.min(v.cash(a), v.excess(a, t, prices, 1));
  if (!(amount > 0) || !covers(free, amount))
    return v.reject(t, a, -1, amount, `withdrawal above the free margin ${free}`);
  v.ledger.transfer(
    v.acct[a] as number,
    v.wallet[a] as number,
    v.marginAsset[a] as number,
    amount,
    Reason.deposit,
  );
  v.rearm(a, prices, t);
  return true;
}

export function tradeOption(
  v: OptionsVenue,
  t: number,
  a: number,
  i: number,
  qty: number,
  price: number,
  prices: PriceVector,
): boolean {
  const ins = v.instruments[i];
  if (ins === undefined || ins.settled || t >= ins.expiryMs)
    return v.reject(t, a, i, qty, "instrument expired or unknown");
  if (v.cfg.inverse && ins.underlying !== v.marginAsset[a])
    return v.reject(t, a, i, qty, "inverse account margined in another coin");
  const before = v.position(a, i);
  v.book(a, i, qty, price);
  const reducing = Math.abs(before + qty) < Math.abs(before) && before * (before + qty) >= 0;
  if (!reducing && !meets(v.excess(a, t, prices, 1), v.gross)) {
    v.book(a, i, -qty, price);
    return v.reject(t, a, i, qty, "equity below initial margin after the trade");
  }
  v.rearm(a, prices, t);
  return true;
}

export function bookFill(v: OptionsVenue, a: number, i: number, qty: number, price: number): void {
  const q = v.qty[a] as number[];
  while (q.length <= i) q.push(0);
  q[i] = (q[i] as number) + qty;
  if (Math.abs(q[i] as number) < 1e-12 * Math.abs(qty)) q[i] = 0;
  v.ledger.transfer(
    v.acct[a] as number,
    v.marketAcct,
    v.marginAsset[a] as number,
    qty * price,
    Reason.premium,
  );
}
