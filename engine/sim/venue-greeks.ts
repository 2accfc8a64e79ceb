/**
 * Greeks of the trader's options held at options venues on one asset: Black-76 on the forward at
 * the venue's rate (REFERENCE "Option pricing"), each instrument at its current implied vol or, for
 * the PnL attribution of a step, at the vol it had when the step began (`vols`).
 */
import { newGreeks, priceBlack } from "../pricing/black.js";
import { MS_PER_YEAR } from "../units.js";
import type { OptionsVenue } from "../venues/options-venue.js";
import type { BookGreeks } from "./account-state.js";
import type { VenueSet } from "./venues.js";

/** Each options venue's instrument vols at some instant (index = instrument). */
export type VenueVols = Map<OptionsVenue, number[]>;

const g = newGreeks();

/** Σ qty·Greek over the venue-held options on ledger asset `asset` at spot s, time t, into `out` (zeroed first). */
export function venueGreeks(
  vs: VenueSet,
  asset: number,
  s: number,
  t: number,
  out: BookGreeks,
  vols?: VenueVols,
): BookGreeks {
  out.delta = out.gamma = out.vega = out.theta = out.vanna = out.volga = 0;
  for (const [v, a] of vs.optAccts) {
    const q = v.qty[a] as number[];
    const before = vols?.get(v);
    for (let i = 0; i < q.length; i++) {
      const ins = v.instruments[i];
      const n = q[i] as number;
      if (!ins || n === 0 || ins.settled || ins.underlying !== asset) continue;
      const r = v.cfg.rate;
      const vol = before?.[i] ?? ins.vol;
      priceBlack(g, ins.isCall, s, ins.strike, Math.max(0, (ins.expiryMs - t) / MS_PER_YEAR), r, r, vol);
      out.delta += n * g.delta;
      out.gamma += n * g.gamma;
      out.vega += n * g.vega;
      out.theta += n * g.theta;
      out.vanna += n * g.vanna;
      out.volga += n * g.volga;
    }
  }
  return out;
}

/**
 * The instruments' current vols, per options venue of the set, into `into` (its arrays reused; a
 * new path's venues are new objects, so the caller clears it when a path starts).
 */
export function snapshotVenueVols(vs: VenueSet, into: VenueVols): void {
  for (const [v] of vs.optAccts) {
    let vols = into.get(v);
    if (!vols) {
      vols = [];
      into.set(v, vols);
    }
    const ins = v.instruments;
    vols.length = ins.length;
    for (let i = 0; i < ins.length; i++) vols[i] = (ins[i] as OptionsVenue["instruments"][number]).vol;
  }
}
