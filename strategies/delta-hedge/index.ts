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
import { Instrument, type IntentSink, type Strategy, type StrategyView } from "../../engine/strategy.js";
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
      const net =
        view.optionDelta(a, this.vol) +
        view.perpQty(a) +
        view.spotQty(a) +
        view.pendingQty(Instrument.perp, a) +
        view.pendingQty(Instrument.spot, a);
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
    with: { type: "enum", values: ["perp", "spot"], default: "perp", description: "hedge instrument" },
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
      description: "vol for deltas (default: each option's iv)",
    },
    minTrade: {
      type: "number",
      default: 0,
      min: 0,
      description: "skip re-hedges smaller than this many units",
    },
  },
  create: (p: Params, ctx) =>
    new DeltaHedge(
      (p["asset"] as string | undefined) ?? ctx.firstOptionAsset ?? (ctx.assets[0] as string),
      p["every"] as number,
      p["with"] === "spot" ? Instrument.spot : Instrument.perp,
      p["vol"] as number | undefined,
      p["minTrade"] as number,
    ),
};
