/**
 * What the delta hedgers share: the book's net delta on an asset at the oracle price — option
 * delta (Black-76 on the forward, each option's iv or `vol`) + perp + spot + orders in flight.
 */
import type { Params } from "../engine/params.js";
import { Instrument, type StrategyView } from "../engine/strategy.js";
import { requireAsset, type StrategyContext } from "./types.js";

export function netDelta(view: StrategyView, a: number, vol: number | undefined): number {
  return (
    view.optionDelta(a, vol) +
    view.perpQty(a) +
    view.spotQty(a) +
    view.pendingQty(Instrument.perp, a) +
    view.pendingQty(Instrument.spot, a)
  );
}

/** Σ |qty| of the live options on `asset`: the book's notional in units of the asset. */
export function optionUnits(view: StrategyView, a: number): number {
  let n = 0;
  for (const o of view.options()) if (o.asset === a) n += Math.abs(o.qty);
  return n;
}

/** The hedge-instrument parameter every delta hedger takes. */
export const WITH_PARAM = {
  type: "enum",
  values: ["perp", "spot"],
  default: "perp",
  description: "hedge instrument",
} as const;

/** The parameters every option-book hedger shares: instrument, asset, vol for the Greeks. */
export const HEDGE_PARAMS = {
  with: WITH_PARAM,
  asset: {
    type: "string",
    optional: true,
    description: "asset to hedge (default: the first option's underlying)",
  },
  vol: {
    type: "number",
    optional: true,
    min: 0,
    exclusiveMin: true,
    description: "vol for the Greeks (default: each option's iv)",
  },
} as const;

/** The hedged asset: `asset`, else the first option's underlying, else the first asset. */
export function hedgeAsset(p: Params, ctx: StrategyContext): string {
  return requireAsset(ctx, p["asset"], "asset") ?? ctx.firstOptionAsset ?? (ctx.assets[0] as string);
}

export function hedgeInstrument(p: Params): Instrument {
  return p["with"] === "spot" ? Instrument.spot : Instrument.perp;
}
