/**
 * `funding-carry`: the cash-and-carry trade on a perpetual — long `size` of the asset in spot,
 * short the same on the perp — which is price-neutral and collects funding while the rate is
 * positive (longs pay shorts: Binance/dYdX funding, REFERENCE "Perpetual futures"). Every `every`
 * it reads the venue's predicted next rate (the last paid rate when the venue predicts none, as for
 * a replayed series): it exits both legs when that falls below `exitBelow`, and re-enters when it
 * is back above `enterAbove`. Its P&L is the funding received minus fees, slippage and gas (and
 * the basis between the perp's mark and spot, zero when both trade at the oracle's mid).
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import { Instrument, type IntentSink, type Strategy, type StrategyView } from "../../engine/strategy.js";
import { requireAsset, requireVenue, type StrategyContext } from "../types.js";

class FundingCarry implements Strategy {
  private a = -1;
  private v = -1;
  private inside = false;

  constructor(
    private readonly assetName: string,
    private readonly venueName: string,
    private readonly size: number,
    private readonly enterAbove: number,
    private readonly exitBelow: number,
    private readonly everyMs: number,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.a = view.assetIndex(this.assetName);
    this.v = view.venueIndex(this.venueName);
    this.inside = false;
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    const next = view.nextFundingRate(this.v, this.a);
    const rate = Number.isNaN(next) ? view.fundingRate(this.v, this.a) : next;
    if (!this.inside && (rate > this.enterAbove || (Number.isNaN(rate) && this.enterAbove < 0))) {
      this.set(view, out, this.size);
      this.inside = true;
    } else if (this.inside && rate < this.exitBelow) {
      this.set(view, out, 0);
      this.inside = false;
    }
    out.setTimer(this.everyMs);
  }

  /** Trades both legs to `size` long spot, `size` short perp. */
  private set(view: StrategyView, out: IntentSink, size: number): void {
    const a = this.a;
    const spot = size - view.spotQty(a) - view.pendingQty(Instrument.spot, a);
    const perp = -size - view.perpQty(a) - view.pendingQty(Instrument.perp, a);
    if (spot !== 0) out.trade(Instrument.spot, a, spot);
    if (perp !== 0) out.trade(Instrument.perp, a, perp);
  }
}

export const fundingCarry: KindDef<Strategy, StrategyContext> = {
  kind: "funding-carry",
  summary: "Long spot, short perp: collect funding while it is positive, exit when it turns.",
  source: "perpetual funding, longs pay shorts when the rate is positive (REFERENCE: Perpetual futures)",
  params: {
    size: {
      type: "number",
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: "units of the asset held long spot and short perp",
    },
    asset: { type: "string", optional: true, description: "asset (default: the first)" },
    venue: { type: "string", optional: true, description: "perp venue (default: the first perp-linear)" },
    enterAbove: {
      type: "number",
      default: 0,
      description: "enter while the funding rate per interval is above this",
    },
    exitBelow: {
      type: "number",
      default: 0,
      description: "exit when the funding rate per interval falls below this",
    },
    every: { type: "duration", default: "1h", min: 1, description: "interval between checks" },
  },
  create: (p: Params, ctx) =>
    new FundingCarry(
      requireAsset(ctx, p["asset"], "asset") ?? (ctx.assets[0] as string),
      requireVenue(ctx, p["venue"], ["perp-linear"]),
      p["size"] as number,
      p["enterAbove"] as number,
      p["exitBelow"] as number,
      p["every"] as number,
    ),
};
