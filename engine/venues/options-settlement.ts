/**
 * Expiry settlement of an OptionsVenue: each holder receives (or pays) `qty × payoff` at the
 * settlement price against `#market` (Reason.settlement, EventType.settlement); linear payoffs in USD,
 * inverse in coin (`max(S − K, 0)/S`, REFERENCE). An account left with a negative balance and no
 * positions is bankrupt: insurance fund, then socialised bad debt (./options-liquidation.ts).
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { coverShortfall } from "./options-liquidation.js";
import { optionPayoff } from "./options-margin.js";
import type { Instrument, OptionsVenue } from "./options-venue.js";
import type { PriceVector } from "./types.js";

export function nextExpiryMs(v: OptionsVenue): number {
  let e = Number.POSITIVE_INFINITY;
  for (const ins of v.instruments) if (!ins.settled && ins.expiryMs < e) e = ins.expiryMs;
  return e;
}

export function settleDue(v: OptionsVenue, t: number, prices: PriceVector): void {
  v.instruments.forEach((ins, i) => {
    if (!ins.settled && ins.expiryMs <= t) v.settle(t, i, prices[ins.underlying] as number, prices);
  });
}

export function settleInstrument(
  v: OptionsVenue,
  t: number,
  i: number,
  s: number,
  prices: PriceVector,
): void {
  const ins = v.instruments[i] as Instrument;
  ins.settled = true;
  const u = optionPayoff(ins.isCall, ins.strike, s, v.cfg.inverse);
  for (let a = 0; a < v.owners.length; a++) {
    const n = v.position(a, i);
    if (n === 0) continue;
    (v.qty[a] as number[])[i] = 0;
    v.ledger.transfer(
      v.marketAcct,
      v.acct[a] as number,
      v.marginAsset[a] as number,
      n * u,
      Reason.settlement,
    );
    v.events.push(t, EventType.settlement, {
      account: v.owners[a] ?? "",
      asset: v.ledger.assets[ins.underlying] ?? "",
      size: n,
      price: s,
      venue: v.name,
      cash: n * u,
      detail: `${v.name} ${ins.isCall ? "call" : "put"} K ${ins.strike} settled, payoff ${u} per unit`,
    });
    if (!v.hasPositions(a) && v.cash(a) < 0) coverShortfall(v, t, a, -v.cash(a));
    v.rearm(a, prices, t);
  }
}
