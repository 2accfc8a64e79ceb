/**
 * `delta-band`: every `every` (the time floor: no check sooner), re-hedge only when the book's net
 * delta has left a band of half-width `band` — in units of the asset (`unit: delta`) or as a share
 * of the option book's notional (`unit: notional`, 0.1 = 10 % of Σ|contracts|) — back to zero or
 * to the band's edge (`to`). A band trades much less than a fixed-interval hedge for a
 * comparable error: the hedge error's variance grows with the band's width squared, while the
 * number of trades falls as 1/width² of the delta's diffusion (Whalley & Wilmott 1997; the
 * fixed-band case of Zakamouline 2006, "Efficient analytic approximation of the optimal hedging
 * strategy for a European call option with transaction costs").
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Instrument, IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta, optionUnits } from "../hedge-core.js";
import type { StrategyContext } from "../types.js";

class DeltaBand implements Strategy {
  private a = -1;
  private width = 0;

  constructor(
    private readonly assetName: string,
    private readonly everyMs: number,
    private readonly instrument: Instrument,
    private readonly band: number,
    private readonly notional: boolean,
    private readonly toEdge: boolean,
    private readonly vol: number | undefined,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.a = view.assetIndex(this.assetName);
    this.width = this.notional ? this.band * optionUnits(view, this.a) : this.band;
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    const a = this.a;
    if (view.oracleUsable(a)) {
      const net = netDelta(view, a, this.vol);
      const w = this.width;
      if (net > w || net < -w)
        out.trade(this.instrument, a, this.toEdge ? (net > 0 ? w - net : -w - net) : -net);
    }
    out.setTimer(this.everyMs);
  }
}

export const deltaBand: KindDef<Strategy, StrategyContext> = {
  kind: "delta-band",
  summary: "Re-hedge the option book's delta only when it leaves a band (delta units or % of notional).",
  source: "Whalley & Wilmott (1997) no-trade band; fixed band: Zakamouline (2006)",
  params: {
    band: { type: "number", default: 0.1, min: 0, description: "half-width of the no-trade band" },
    unit: {
      type: "enum",
      values: ["delta", "notional"],
      default: "notional",
      description: "band in units of the asset, or as a share of the option book's Σ|contracts|",
    },
    to: {
      type: "enum",
      values: ["zero", "edge"],
      default: "zero",
      description: "re-hedge to zero or to the band's edge",
    },
    every: { type: "duration", default: "1h", min: 1, description: "time floor: interval between checks" },
    ...HEDGE_PARAMS,
  },
  create: (p: Params, ctx) =>
    new DeltaBand(
      hedgeAsset(p, ctx),
      p["every"] as number,
      hedgeInstrument(p),
      p["band"] as number,
      p["unit"] === "notional",
      p["to"] === "edge",
      p["vol"] as number | undefined,
    ),
};
