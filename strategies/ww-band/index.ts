/**
 * `ww-band`: the Whalley–Wilmott (1997) utility-based no-trade band around the Black-76 delta,
 * half-width `H = ((3/2)·e^{−r(T−t)}·k·S·Γ²/γ)^{1/3}` (REFERENCE "Transaction costs"): k the
 * round-trip proportional cost, S the oracle price, Γ the book's net gamma, γ the hedger's
 * absolute risk aversion (per unit of the quote currency), T − t the nearest live expiry. The band
 * widens with cost and gamma and narrows as risk aversion grows; every `every` the hedge is moved
 * back to the band's nearest edge when the net delta is outside it.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Instrument, IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { yearFraction } from "../../engine/units.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta } from "../hedge-core.js";
import type { StrategyContext } from "../types.js";

/** Whalley–Wilmott half-width in units of the asset. */
export function wwHalfWidth(
  rate: number,
  tau: number,
  k: number,
  s: number,
  gamma: number,
  aversion: number,
): number {
  return Math.cbrt((1.5 * Math.exp(-rate * tau) * k * s * gamma * gamma) / aversion);
}

class WwBand implements Strategy {
  private a = -1;
  private expiryMs = Number.POSITIVE_INFINITY;

  constructor(
    private readonly assetName: string,
    private readonly everyMs: number,
    private readonly instrument: Instrument,
    private readonly cost: number,
    private readonly aversion: number,
    private readonly vol: number | undefined,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.a = view.assetIndex(this.assetName);
    this.expiryMs = Number.POSITIVE_INFINITY;
    for (const o of view.options())
      if (o.asset === this.a && o.expiryMs < this.expiryMs) this.expiryMs = o.expiryMs;
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    const a = this.a;
    if (view.oracleUsable(a)) {
      const net = netDelta(view, a, this.vol);
      const tau = yearFraction(Math.max(0, this.expiryMs - view.timeMs));
      const h = wwHalfWidth(
        view.rate,
        tau,
        this.cost,
        view.oraclePrice(a),
        view.optionGamma(a, this.vol),
        this.aversion,
      );
      if (net > h) out.trade(this.instrument, a, h - net);
      else if (net < -h) out.trade(this.instrument, a, -h - net);
    }
    out.setTimer(this.everyMs);
  }
}

export const wwBand: KindDef<Strategy, StrategyContext> = {
  kind: "ww-band",
  summary: "Hedge to the edge of the Whalley–Wilmott band, which widens with cost and gamma.",
  source: "Whalley & Wilmott (1997), H = ((3/2)e^{−r(T−t)} k S Γ² / γ)^{1/3}",
  params: {
    cost: {
      type: "number",
      default: 0.001,
      min: 0,
      description: "round-trip proportional cost k (0.001 = 10 bp)",
    },
    riskAversion: {
      type: "number",
      default: 0.0001,
      min: 0,
      exclusiveMin: true,
      description: "absolute risk aversion γ per unit of the quote currency",
    },
    every: { type: "duration", default: "1h", min: 1, description: "interval between checks" },
    ...HEDGE_PARAMS,
  },
  create: (p: Params, ctx) =>
    new WwBand(
      hedgeAsset(p, ctx),
      p["every"] as number,
      hedgeInstrument(p),
      p["cost"] as number,
      p["riskAversion"] as number,
      p["vol"] as number | undefined,
    ),
};
