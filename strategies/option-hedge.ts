/**
 * The option-Greek hedgers `delta-gamma-hedge` and `vega-hedge`: every `every`, a second option
 * (the hedge option, bought or written on an options venue) neutralises the book's gamma — or its
 * vega — then the perp (or spot) neutralises the delta that is left, the hedge option's included (Hull, *Options, Futures, and Other Derivatives*, 10th ed.,
 * ch. 19.7 "Gamma": a position's gamma is made zero with a traded option, whose own delta is then
 * hedged with the underlying, which has no gamma). With w_h hedge options of gamma Γ_h:
 *   w_h = −Γ_book / Γ_h,   underlying trade = −(Δ_book + w_h·Δ_h),
 * Γ_book and Δ_book being the rest of the book's (every other option at its own iv, or at `vol`),
 * all Black–Scholes Greeks at the oracle price (for vega: w_h = −𝒱_book / 𝒱_h, the same algebra
 * with the vega the book would lose on a move of its implied vols). Between re-hedges the P&L of a
 * delta- and gamma-neutral book moves with ΔS³ and with vega, not with ½Γ·ΔS², so at the same
 * interval its hedge error is far below a delta hedge's; a delta- and vega-neutral book is immune
 * to a parallel move of implied vols but keeps the gamma of the tenors' difference (Hull ch. 19.8
 * "Vega": a position is made vega neutral with a traded option, then delta neutral).
 *
 * The hedge option is chosen when first needed and whenever the one held is within `every` of
 * expiry (then closed and replaced): a `right` expiring `tenor` later, `otm` away from the oracle
 * price or at a target `delta`. On an asset with an implied-vol model (market.assets.<X>.iv) the
 * hedge option's Greeks and listing use the surface's vol at its strike; otherwise `iv`. |w_h| is capped at `maxRatio` times the
 * rest of the book's contracts: near the book's expiry an at-the-money gamma explodes (Γ ∝ 1/√τ)
 * and a full gamma hedge with a longer option would too, at a premium the account cannot carry.
 */
import type { ParamSpecs, Params } from "../engine/params.js";
import { newGreeks, priceBlack } from "../engine/pricing/black.js";
import type { KindDef } from "../engine/registry.js";
import { strikeForDelta } from "../engine/sim/option-intents.js";
import type { Instrument, IntentSink, OptionView, Strategy, StrategyView } from "../engine/strategy.js";
import { yearFraction } from "../engine/units.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta, optionUnits } from "./hedge-core.js";
import { requireVenue, type StrategyContext } from "./types.js";

interface HedgeOption {
  readonly strike: number;
  readonly expiryMs: number;
}

interface Spec {
  /** The Greek the hedge option neutralises. */
  readonly greek: "gamma" | "vega";
  readonly venue: string;
  readonly asset: string;
  readonly everyMs: number;
  readonly instrument: Instrument;
  readonly vol: number | undefined;
  readonly isCall: boolean;
  readonly tenorMs: number;
  readonly otm: number;
  readonly delta: number | undefined;
  readonly iv: number;
  readonly maxRatio: number;
  readonly margin: number;
}

const g = newGreeks();

class OptionGreekHedge implements Strategy {
  private v = -1;
  private a = -1;
  private hedge: HedgeOption | undefined;
  /** Hedge contracts ordered (held and in flight through the execution latency). */
  private ordered = 0;
  /** Whether the asset's options are marked on an implied-vol surface. */
  private surface = false;

  constructor(private readonly s: Spec) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.s.venue);
    this.a = view.assetIndex(this.s.asset);
    this.surface = view.atmVol(this.a) >= 0;
    this.hedge = undefined;
    this.ordered = 0;
    if (this.s.margin > 0) out.addMargin(this.v, this.s.margin);
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    if (view.oracleUsable(this.a)) this.rebalance(view, out);
    out.setTimer(this.s.everyMs);
  }

  private rebalance(view: StrategyView, out: IntentSink): void {
    const a = this.a;
    if (view.refusals().some((r) => r.intent.startsWith("option order"))) this.ordered = this.held(view);
    if (this.hedge && this.hedge.expiryMs - view.timeMs <= this.s.everyMs) this.close(out);
    const h = this.hedge ?? this.choose(view);
    const sp = view.oraclePrice(a);
    const tau = yearFraction(Math.max(0, h.expiryMs - view.timeMs));
    priceBlack(
      g,
      this.s.isCall,
      sp,
      h.strike,
      tau,
      view.rate,
      view.rate,
      this.hedgeVol(view, h.strike, h.expiryMs),
    );
    const held = this.held(view);
    const unit = this.s.greek === "gamma" ? g.gamma : g.vega;
    const rest = view.optionGreek(a, this.s.greek, this.s.vol) - held * unit;
    const restDelta = netDelta(view, a, this.s.vol) - held * g.delta;
    const cap = this.s.maxRatio * (optionUnits(view, a) - Math.abs(held));
    const want = unit > 0 ? Math.max(-cap, Math.min(cap, -rest / unit)) : this.ordered;
    const trade = want - this.ordered;
    if (trade !== 0) {
      this.hedge = h;
      out.tradeOption(this.v, this.order(h), trade);
      this.ordered = want;
    }
    const net = restDelta + want * g.delta;
    if (net !== 0) out.trade(this.s.instrument, a, -net);
  }

  /** The vol of the hedge option's Greeks: `vol`, else the surface's at its strike, else `iv`. */
  private hedgeVol(view: StrategyView, strike: number, expiryMs: number): number {
    if (this.s.vol !== undefined) return this.s.vol;
    const surf = view.impliedVol(this.a, strike, expiryMs);
    return surf > 0 ? surf : this.s.iv;
  }

  /** Contracts of the hedge option the view shows held at the venue. */
  private held(view: StrategyView): number {
    const h = this.hedge;
    if (!h) return 0;
    let q = 0;
    for (const o of view.options()) if (this.isHedge(o, h)) q += o.qty;
    return q;
  }

  private isHedge(o: OptionView, h: HedgeOption): boolean {
    return (
      o.venue === this.s.venue &&
      o.asset === this.a &&
      o.isCall === this.s.isCall &&
      o.strike === h.strike &&
      o.expiryMs === h.expiryMs
    );
  }

  /** Closes the hedge option held, before its expiry; the next rebalance picks a new one. */
  private close(out: IntentSink): void {
    const h = this.hedge as HedgeOption;
    if (this.ordered !== 0) out.tradeOption(this.v, this.order(h), -this.ordered);
    this.hedge = undefined;
    this.ordered = 0;
  }

  private choose(view: StrategyView): HedgeOption {
    const expiryMs = view.timeMs + this.s.tenorMs;
    const sp = view.oraclePrice(this.a);
    const { isCall, delta, otm } = this.s;
    const strike =
      delta === undefined
        ? sp * (isCall ? 1 + otm : 1 - otm)
        : strikeForDelta(
            { asset: this.a, isCall, expiryMs, delta: isCall ? delta : -delta },
            sp,
            view.timeMs,
            view.rate,
            this.hedgeVol(view, sp, expiryMs),
          );
    return { strike, expiryMs };
  }

  /** The venue lists a new instrument at `iv`, unless the asset's surface marks it. */
  private order(h: HedgeOption) {
    const o = { asset: this.a, isCall: this.s.isCall, expiryMs: h.expiryMs, strike: h.strike };
    return this.surface ? o : { ...o, iv: this.s.iv };
  }
}

/** The kind of a hedger that neutralises `greek` with a hedge option (`delta-gamma-hedge`, `vega-hedge`). */
export function optionHedgeKind(
  kind: string,
  greek: "gamma" | "vega",
  summary: string,
  source: string,
): KindDef<Strategy, StrategyContext> {
  return {
    kind,
    summary,
    source,
    params: OPTION_HEDGE_PARAMS,
    create: (p: Params, ctx) =>
      new OptionGreekHedge({
        greek,
        venue: requireVenue(ctx, p["venue"], ["options-standard"]),
        asset: hedgeAsset(p, ctx),
        everyMs: p["every"] as number,
        instrument: hedgeInstrument(p),
        vol: p["vol"] as number | undefined,
        isCall: p["right"] !== "put",
        tenorMs: p["tenor"] as number,
        otm: p["otm"] as number,
        delta: p["delta"] as number | undefined,
        iv: p["iv"] as number,
        maxRatio: p["maxRatio"] as number,
        margin: p["margin"] as number,
      }),
  };
}

const OPTION_HEDGE_PARAMS: ParamSpecs = {
  every: { type: "duration", default: "1h", min: 1, description: "interval between re-hedges" },
  ...HEDGE_PARAMS,
  venue: {
    type: "string",
    optional: true,
    description: "options venue of the hedge option (default: the first options-standard)",
  },
  right: { type: "enum", values: ["call", "put"], default: "call", description: "hedge option's right" },
  tenor: {
    type: "duration",
    default: "60d",
    min: 1,
    description: "hedge option's time to expiry when chosen; replaced within `every` of expiry",
  },
  otm: {
    type: "number",
    default: 0,
    min: 0,
    description: "hedge option's strike distance from the oracle price (0 = at the money)",
  },
  delta: {
    type: "number",
    optional: true,
    min: 0,
    max: 1,
    exclusiveMin: true,
    description: "hedge option's target |delta| instead of otm",
  },
  iv: {
    type: "number",
    default: 0.8,
    min: 0,
    exclusiveMin: true,
    description: "implied vol the hedge option is listed at (ignored on an asset with an implied-vol model)",
  },
  maxRatio: {
    type: "number",
    default: 10,
    min: 0,
    description: "most hedge-option contracts held, per contract of the rest of the book",
  },
  margin: {
    type: "number",
    default: 0,
    min: 0,
    description: "quote moved from the wallet to the options venue account at the start",
  },
};
