/**
 * `gamma-scalp`: hold a long option book (bought in the book, or through `buy` at the start) and
 * scalp its gamma: re-hedge the delta to zero whenever the oracle price has moved `move` (relative)
 * since the last re-hedge, and at least every `every`. Each re-hedge locks in ≈ ½Γ·ΔS²; against
 * the theta paid, the hedged long option earns ½ΓS²(σ²_realised − σ²_implied)dt (the
 * Black–Scholes P&L of a delta-hedged option: Wilmott, *Paul Wilmott on Quantitative Finance*,
 * ch. 10; Carr & Madan 1998). It gains when realised volatility exceeds the implied it paid, and
 * loses when it is below.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Instrument, IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta } from "../hedge-core.js";
import type { StrategyContext } from "../types.js";

class GammaScalp implements Strategy {
  private a = -1;

  constructor(
    private readonly assetName: string,
    private readonly everyMs: number,
    private readonly move: number,
    private readonly instrument: Instrument,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.a = view.assetIndex(this.assetName);
    out.watchOracle(this.a, this.move);
    this.hedge(view, out);
    out.setTimer(this.everyMs);
  }

  onOracle(view: StrategyView, out: IntentSink): void {
    this.hedge(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    this.hedge(view, out);
    out.setTimer(this.everyMs);
  }

  private hedge(view: StrategyView, out: IntentSink): void {
    const a = this.a;
    if (!view.oracleUsable(a)) return;
    const net = netDelta(view, a, undefined);
    if (net !== 0) out.trade(this.instrument, a, -net);
  }
}

export const gammaScalp: KindDef<Strategy, StrategyContext> = {
  kind: "gamma-scalp",
  summary:
    "Delta-hedge a long option on every price move of a given size: earns realised minus implied variance.",
  source: "delta-hedged option P&L ½ΓS²(σ²_r − σ²_i)dt (Wilmott, PWOQF ch. 10)",
  params: {
    move: {
      type: "number",
      default: 0.01,
      min: 0,
      description: "re-hedge after this relative oracle move (0.01 = 1 %)",
    },
    every: { type: "duration", default: "1d", min: 1, description: "re-hedge at least this often" },
    with: HEDGE_PARAMS.with,
    asset: HEDGE_PARAMS.asset,
  },
  create: (p: Params, ctx) =>
    new GammaScalp(hedgeAsset(p, ctx), p["every"] as number, p["move"] as number, hedgeInstrument(p)),
};
