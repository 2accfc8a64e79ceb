/**
 * `delta-gamma-hedge`: every `every`, a second option (the hedge option, bought or written on an
 * options venue) neutralises the book's gamma, then the perp (or spot) neutralises the delta that
 * is left, the hedge option's included (Hull, *Options, Futures, and Other Derivatives*, 10th ed.,
 * ch. 19.7 "Gamma": a position's gamma is made zero with a traded option, whose own delta is then
 * hedged with the underlying, which has no gamma). With w_h hedge options of gamma Γ_h:
 *   w_h = −Γ_book / Γ_h,   underlying trade = −(Δ_book + w_h·Δ_h),
 * Γ_book and Δ_book being the rest of the book's (every other option at its own iv, or at `vol`),
 * all Black–Scholes Greeks at the oracle price. Between re-hedges the P&L of a delta- and
 * gamma-neutral book moves with ΔS³ and with vega, not with ½Γ·ΔS², so at the same interval its
 * hedge error is far below a delta hedge's.
 *
 * The hedge option is chosen when first needed and whenever the one held is within `every` of
 * expiry (then closed and replaced): a `right` expiring `tenor` later, `otm` away from the oracle
 * price or at a target `delta`; it is listed at `iv`. |w_h| is capped at `maxRatio` times the
 * rest of the book's contracts: near the book's expiry an at-the-money gamma explodes (Γ ∝ 1/√τ)
 * and a full gamma hedge with a longer option would too, at a premium the account cannot carry.
 */
import type { Params } from "../../engine/params.js";
import { newGreeks, priceBlack } from "../../engine/pricing/black.js";
import type { KindDef } from "../../engine/registry.js";
import { strikeForDelta } from "../../engine/sim/option-intents.js";
import type { Instrument, IntentSink, OptionView, Strategy, StrategyView } from "../../engine/strategy.js";
import { yearFraction } from "../../engine/units.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument, netDelta, optionUnits } from "../hedge-core.js";
import { requireVenue, type StrategyContext } from "../types.js";

interface HedgeOption {
  readonly strike: number;
  readonly expiryMs: number;
}

interface Spec {
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

class DeltaGammaHedge implements Strategy {
  private v = -1;
  private a = -1;
  private hedge: HedgeOption | undefined;
  /** Hedge contracts ordered (held and in flight through the execution latency). */
  private ordered = 0;

  constructor(private readonly s: Spec) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.s.venue);
    this.a = view.assetIndex(this.s.asset);
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
    const iv = this.s.vol ?? this.s.iv;
    priceBlack(g, this.s.isCall, sp, h.strike, tau, view.rate, view.rate, iv);
    const held = this.held(view);
    const restGamma = view.optionGamma(a, this.s.vol) - held * g.gamma;
    const restDelta = netDelta(view, a, this.s.vol) - held * g.delta;
    const cap = this.s.maxRatio * (optionUnits(view, a) - Math.abs(held));
    const want = g.gamma > 0 ? Math.max(-cap, Math.min(cap, -restGamma / g.gamma)) : this.ordered;
    const trade = want - this.ordered;
    if (trade !== 0) {
      this.hedge = h;
      out.tradeOption(this.v, this.order(h), trade);
      this.ordered = want;
    }
    const net = restDelta + want * g.delta;
    if (net !== 0) out.trade(this.s.instrument, a, -net);
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
            this.s.vol ?? this.s.iv,
          );
    return { strike, expiryMs };
  }

  private order(h: HedgeOption) {
    return { asset: this.a, isCall: this.s.isCall, expiryMs: h.expiryMs, strike: h.strike, iv: this.s.iv };
  }
}

export const deltaGammaHedge: KindDef<Strategy, StrategyContext> = {
  kind: "delta-gamma-hedge",
  summary:
    "Neutralise the book's gamma with a second option on an options venue, then its delta with the perp or spot.",
  source: "Hull, Options, Futures, and Other Derivatives, ch. 19 (gamma neutrality)",
  params: {
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
      description: "implied vol the hedge option is listed at",
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
  },
  create: (p: Params, ctx) =>
    new DeltaGammaHedge({
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
