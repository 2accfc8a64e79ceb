/**
 * Funding spike: writes `rate` into the asset's funding column for every grid point in
 * [at, at + for). The column, when the path has none, is allocated filled with NaN, which the
 * funding clock reads as "no input" (the venue's configured rate). The value is the perp venue's
 * funding input for an interval, read as its `fundingSource` says:
 * - `series`: the rate paid each funding interval (per 8 h at the default interval, the interval
 *   of Binance/Bybit/OKX USDT perps, REFERENCE "Perpetual futures"; a venue with another interval
 *   pays it per its own interval, unscaled);
 * - `premium`: the average premium P̄ of Binance's formula, so a spike of 0.003 pays
 *   0.003 + clamp(0.0001 − 0.003, ±0.0005) = 0.0025;
 * - `fixed`: ignored.
 * Positive: longs pay shorts.
 */
import type { PathMarket } from "../../engine/market.js";
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Shock } from "./types.js";
import { assetColumn, common, firstIndexFrom } from "./window.js";

type MutableFunding = { funding?: (Float64Array | undefined)[] };

/**
 * The funding column of asset k, allocated (NaN-filled) when absent. PathMarket's `funding` is
 * read-only for consumers; shocks run before the loop and are the one writer.
 */
export function fundingColumn(market: PathMarket, k: number): Float64Array {
  const m = market as unknown as MutableFunding;
  if (!m.funding) m.funding = market.assets.map(() => undefined);
  const existing = m.funding[k];
  if (existing) return existing;
  const col = new Float64Array(market.grid.steps + 1).fill(Number.NaN);
  m.funding[k] = col;
  return col;
}

export function fundingSpikeShock(p: Params): Shock {
  const asset = p["asset"] as string;
  const at = p["at"] as number;
  const end = at + (p["for"] as number);
  const rate = p["rate"] as number;
  return {
    apply(market, assetIndex) {
      const k = assetColumn(market, assetIndex, asset);
      const first = firstIndexFrom(market.grid, at);
      const stop = Math.min(market.grid.steps + 1, firstIndexFrom(market.grid, end));
      if (first >= stop) return;
      fundingColumn(market, k).fill(rate, first, stop);
    },
  };
}

export const fundingSpikeKind: KindDef<Shock> = {
  kind: "funding-spike",
  summary:
    "Sets an asset's perp funding input inside a window (the rate per interval under fundingSource: series, the premium under premium)",
  params: {
    ...common,
    for: { type: "duration", description: "length of the window", min: 0, exclusiveMin: true },
    rate: {
      type: "number",
      description:
        "funding input per interval, e.g. 0.003 (0.3 %): the rate paid under fundingSource series, the premium P̄ under premium; positive: longs pay",
      min: -1,
      max: 1,
    },
  },
  create: fundingSpikeShock,
};
