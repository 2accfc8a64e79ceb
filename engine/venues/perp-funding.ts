/**
 * Funding of a PerpVenue (REFERENCE "Perpetual futures"): Binance USDⓈ-M pays every 8 h on mark
 * notional, longs pay when F > 0, F = P̄ + clamp(I − P̄, ±0.05 %); rates from a fixed value, a
 * scenario series or the premium formula, capped at ±fundingCap (dYdX v4: 600 %·(IMF − MMF)).
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { clampRate, fundingRate } from "./perp-rules.js";
import type { PerpVenue } from "./perp-venue.js";
import type { PriceVector } from "./types.js";

export function startFunding(v: PerpVenue, t: number): void {
  const iv = v.cfg.fundingIntervalMs;
  v.nextFundingMs = Math.floor(t / iv) * iv + iv;
}

export function fundingRateFor(v: PerpVenue, input: number): number {
  const c = v.cfg;
  const raw =
    c.fundingSource === "fixed"
      ? c.fundingRate
      : c.fundingSource === "series"
        ? input
        : fundingRate(input, c.interestRate, c.fundingClamp);
  return clampRate(raw, c.fundingCap);
}

export function fundIfDue(v: PerpVenue, t: number, prices: PriceVector, inputs?: ArrayLike<number>): boolean {
  if (Number.isNaN(v.nextFundingMs)) v.start(t);
  if (t < v.nextFundingMs) return false;
  for (let m = 0; m < v.markets.length; m++) {
    v.settleFunding(t, m, v.fundingRateFor((inputs?.[m] as number | undefined) ?? 0), v.mark(m, prices));
  }
  v.nextFundingMs += v.cfg.fundingIntervalMs;
  return true;
}

export function settleFunding(v: PerpVenue, t: number, m: number, rate: number, mark: number): void {
  for (let a = 0; a < v.owners.length; a++) {
    const q = (v.qty[a] as number[])[m] as number;
    if (q === 0) continue;
    const pay = rate * q * mark;
    v.ledger.transfer(v.acct[a] as number, v.marketAcct, v.quote, pay, Reason.funding);
    v.refresh(a);
    // Every interval on every account: the row (and its text) only when the log keeps it.
    if (!v.events.keeps(EventType.funding)) {
      v.events.tally(EventType.funding);
      continue;
    }
    v.events.push(t, EventType.funding, {
      account: v.owners[a] ?? "",
      asset: v.ledger.assets[v.markets[m] as number] ?? "",
      size: q,
      price: mark,
      venue: v.name,
      funding: pay,
      detail: `${v.name} funding rate ${rate}`,
    });
  }
}
