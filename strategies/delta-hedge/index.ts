/**
 * `delta-hedge`: every `every`, trade the perp (or spot) so the book's net delta on the asset is
 * zero at the oracle price: trade = −(option delta + perp + spot + in-flight orders). Deltas are
 * Black-76 on the forward at each option's implied vol, or at `vol` when given (a hedger's own
 * estimate). With N re-hedges over the option's life the hedging error's standard deviation is
 * ≈ √(π/4)·vega·σ/√N (Derman & Kamal 1999, "When you cannot hedge continuously", Risk).
 * Trades smaller than `minTrade` units are skipped (a simple no-trade threshold).
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Instrument, IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta } from "../hedge-core.js";
import type { StrategyContext } from "../types.js";

class DeltaHedge implements Strategy {
  private asset = -1;

  constructor(
    private readonly assetName: string,
    private readonly everyMs: number,
    private readonly instrument: Instrument,
    private readonly vol: number | undefined,
    private readonly minTrade: number,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.asset = view.assetIndex(this.assetName);
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    const a = this.asset;
    if (view.oracleUsable(a)) {
      const net = netDelta(view, a, this.vol);
      if (Math.abs(net) > this.minTrade) out.trade(this.instrument, a, -net);
    }
    out.setTimer(this.everyMs);
  }
}

export const deltaHedge: KindDef<Strategy, StrategyContext> = {
  kind: "delta-hedge",
  summary: "Re-hedge the option book's delta with the perp or spot every fixed interval.",
  source: "Black-76 delta; discrete-hedging error: Derman & Kamal (1999)",
  params: {
    every: { type: "duration", default: "1h", min: 1, description: "interval between re-hedges" },
    ...HEDGE_PARAMS,
    minTrade: {
      type: "number",
      default: 0,
      min: 0,
      description: "skip re-hedges smaller than this many units",
    },
  },
  create: (p: Params, ctx) =>
    new DeltaHedge(
      hedgeAsset(p, ctx),
      p["every"] as number,
      hedgeInstrument(p),
      p["vol"] as number | undefined,
      p["minTrade"] as number,
    ),
};
