/**
 * The series row of a sampled path at one grid point (./series.ts): the first asset's market and
 * oracle price (the reading landed before this instant's publications), equity, perp and spot
 * position, ATM implied vol, the book's Greeks on it, and the venue accounts `track` just read.
 */
import { readGreeks } from "./account-state.js";
import type { PathRunner } from "./path-runner.js";
import type { SeriesLog } from "./series.js";

export function pushSeriesRow(r: PathRunner, series: SeriesLog, equity: number): void {
  const b = r.book;
  const s = r.prices[0] as number;
  series.push(
    r.path,
    r.t,
    {
      price: s,
      oracle: r.oracle.price[0] as number,
      equity,
      perpQty: b.perpQty(0),
      spotQty: b.spotQty(0),
      iv: r.ivs.atm(0),
    },
    readGreeks(b, 0, s, r.t, r.track.greeks),
    r.track.state,
  );
}
