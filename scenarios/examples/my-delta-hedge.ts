// A delta hedge written as a user strategy file: every `every`, trade the perp so that the
// option book's net delta at the oracle price is zero, skipping trades under `minTrade`.
import { Instrument, type IntentSink, type Params, type Strategy, type StrategyView } from "ballast";

export const summary = "Hourly delta hedge with the perp (user strategy file example).";

export const params = {
  every: { type: "duration", default: "1h", min: 1, description: "interval between re-hedges" },
  minTrade: { type: "number", default: 0, min: 0, description: "skip re-hedges smaller than this (units)" },
} as const;

class MyDeltaHedge implements Strategy {
  private eth = -1;

  constructor(
    private readonly everyMs: number,
    private readonly minTrade: number,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.eth = view.assetIndex("ETH");
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    const a = this.eth;
    const net = view.optionDelta(a) + view.perpQty(a) + view.pendingQty(Instrument.perp, a);
    if (Math.abs(net) > this.minTrade) out.trade(Instrument.perp, a, -net);
    out.setTimer(this.everyMs);
  }
}

export function create(p: Params): Strategy {
  return new MyDeltaHedge(p["every"] as number, p["minTrade"] as number);
}
