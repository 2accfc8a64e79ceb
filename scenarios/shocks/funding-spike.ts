/**
 * Funding spike: writes `rate` into the asset's funding column for every grid point in
 * [at, at + for). The column, when the path has none, is allocated filled with NaN, which the path
 * runner reads as "no override: use the venue's configured funding rate" (engine/sim/path-runner
 * `onFunding`). `rate` is per 8 hours, the funding interval of Binance/Bybit/OKX USDT perps (see
 * REFERENCE "Perpetual futures"); the column holds the rate per funding interval, so a venue with
 * another interval reads it unscaled. Positive: longs pay shorts.
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
  summary: "Overrides an asset's perp funding rate (per 8h) inside a window",
  params: {
    ...common,
    for: { type: "duration", description: "length of the window", min: 0, exclusiveMin: true },
    rate: {
      type: "number",
      description: "funding rate per 8h, e.g. 0.003 (0.3 %); positive: longs pay",
      min: -1,
      max: 1,
    },
  },
  create: fundingSpikeShock,
};
