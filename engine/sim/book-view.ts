/**
 * The option book and funding as a strategy reads them: every live option (held outright or at an
 * options venue) with its Black-76 Greeks on the forward at the oracle price (REFERENCE "Option
 * pricing"; per contract: vega per unit vol, theta per year), and the perp venues' funding rates.
 */
import { newGreeks, priceBlack } from "../pricing/black.js";
import type { Greek, OptionView } from "../strategy.js";
import { yearFraction } from "../units.js";
import { PerpVenue } from "../venues/perp-venue.js";
import type { PathRunner } from "./path-runner.js";

const g = newGreeks();

/** The live options of the book at the oracle price (a fresh array; `vol` overrides each iv). */
export function listOptions(r: PathRunner, vol?: number): OptionView[] {
  const out: OptionView[] = [];
  const b = r.book;
  for (let i = 0; i < b.optQty.length; i++) {
    if (!b.optLive[i]) continue;
    const asset = b.optAsset[i] as number;
    const iv = vol ?? (b.optIv[i] as number);
    const m = b.markOption(i, r.oracleL[asset + 1] as number, r.t, iv);
    out.push({
      asset,
      isCall: b.optCall[i] === 1,
      strike: b.optStrike[i] as number,
      expiryMs: b.optExpiryMs[i] as number,
      qty: b.optQty[i] as number,
      iv,
      price: m.price,
      delta: m.delta,
      gamma: m.gamma,
      vega: m.vega,
      theta: m.theta,
      vanna: m.vanna,
      volga: m.volga,
      venue: null,
    });
  }
  for (const [v, a] of b.venues.optAccts) {
    const q = v.qty[a] as number[];
    v.instruments.forEach((ins, i) => {
      const qty = q[i] as number;
      if (qty === 0 || ins.settled) return;
      const iv = vol ?? ins.vol;
      const rate = v.cfg.rate;
      const s = r.oracleL[ins.underlying] as number;
      priceBlack(g, ins.isCall, s, ins.strike, yearFraction(Math.max(0, ins.expiryMs - r.t)), rate, rate, iv);
      out.push({
        asset: ins.underlying - 1,
        isCall: ins.isCall,
        strike: ins.strike,
        expiryMs: ins.expiryMs,
        qty,
        iv,
        price: g.price,
        delta: g.delta,
        gamma: g.gamma,
        vega: g.vega,
        theta: g.theta,
        vanna: g.vanna,
        volga: g.volga,
        venue: v.name,
      });
    });
  }
  return out;
}

/** Σ qty·greek over the live options on `asset`. */
export function netGreek(r: PathRunner, asset: number, greek: Greek, vol?: number): number {
  let s = 0;
  for (const o of listOptions(r, vol)) if (o.asset === asset) s += o.qty * o[greek];
  return s;
}

/**
 * Funding rate of the perp venue's market on `asset`: at its latest payment (`next` false; NaN
 * before the first) or the venue's prediction for the next one (`next` true: the fixed rate, or
 * the premium formula on the current premium; NaN for a replayed series, which predicts nothing).
 */
export function fundingRateAt(r: PathRunner, venue: unknown, asset: number, next: boolean): number {
  if (!(venue instanceof PerpVenue) || venue.market(asset + 1) < 0) return Number.NaN;
  const c = venue.cfg;
  const series = r.market.funding?.[asset];
  const input = (i: number): number => {
    const x = series?.[i];
    return x === undefined || Number.isNaN(x) ? 0 : x;
  };
  if (next) return c.fundingSource === "series" ? Number.NaN : venue.fundingRateFor(input(r.i));
  const last = venue.nextFundingMs - c.fundingIntervalMs;
  const grid = r.cfg.grid;
  if (!(last >= grid.startMs) || last > r.t) return Number.NaN;
  return venue.fundingRateFor(input(Math.floor((last - grid.startMs) / grid.stepMs)));
}
