/**
 * `vol-arb`: trade implied against forecast volatility with a delta-hedged straddle or strangle.
 *
 * Every `every` the strategy compares the implied vol the market marks its structure's strikes at
 * (the surface of market.assets.<X>.iv, mean of the legs, at the expiry `tenor` ahead) with a
 * forecast of the realised vol over that tenor (EWMA, GARCH(1,1) or a realised-vol estimator over
 * the oracle's bars: StrategyView.volForecast / realisedVol). When implied − forecast > `threshold`
 * it writes the structure (short vol), when forecast − implied > `threshold` it buys it (long vol),
 * as `side` allows. Size: `vegaBudget` / (the structure's vega per unit), so the book's vega is the
 * budget at entry. The position is closed when the spread comes back through `exit` (its sign
 * turned against it), and rolled — closed, then re-entered on the next signal — once its expiry is
 * within `roll`. Between signals the delta of the options (and of legs still in flight) is hedged
 * with the perp or spot.
 *
 * Delta-hedged, the structure earns ½·Γ·S²·(σ²_implied − σ²_realised) per unit time when short
 * (the variance risk premium: Carr & Wu, Rev. Financial Studies 22 (2009); the hedged-option PnL:
 * Carr & Madan, "Towards a theory of volatility trading" (1998)), and pays the tail when realised
 * vol jumps above implied — the short-vol risk a report's expected shortfall shows.
 */
import { StrategyError } from "../../engine/errors.js";
import type { Params } from "../../engine/params.js";
import { newGreeks, priceBlack } from "../../engine/pricing/black.js";
import type { KindDef } from "../../engine/registry.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { yearFraction } from "../../engine/units.js";
import { netDelta } from "../hedge-core.js";
import { requireVenue, type StrategyContext } from "../types.js";
import { checkVolArb, type ForecastRead, readSpec, type Spec, VOL_ARB_PARAMS } from "./spec.js";

interface Leg {
  readonly isCall: boolean;
  readonly strike: number;
  readonly expiryMs: number;
}

const g = newGreeks();

class VolArb implements Strategy {
  private v = -1;
  private a = -1;
  private legs: readonly Leg[] = [];
  /** Contracts per leg ordered (negative: written). */
  private qty = 0;

  constructor(
    private readonly s: Spec,
    private readonly forecast: ForecastRead,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.s.venue);
    this.a = view.assetIndex(this.s.asset);
    this.legs = [];
    this.qty = 0;
    if (!(view.atmVol(this.a) >= 0)) {
      throw new StrategyError(
        "vol-arb",
        view.timeMs,
        `${this.s.asset} has no implied-vol model; allowed: market.assets.${this.s.asset}.iv: { kind: constant | column | stochastic | heston, … }`,
      );
    }
    if (this.s.margin > 0) out.addMargin(this.v, this.s.margin);
    this.onTimer(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    if (view.oracleUsable(this.a)) this.step(view, out);
    out.setTimer(this.s.everyMs);
  }

  private step(view: StrategyView, out: IntentSink): void {
    const held = this.legs[0];
    if (held && held.expiryMs - view.timeMs <= this.s.rollMs) this.trade(out, -this.qty);
    const legs = this.qty === 0 ? this.choose(view) : this.legs;
    const spread = this.impliedOf(view, legs) - this.forecast(view, this.a);
    if (this.qty === 0 && spread > this.s.threshold && this.s.side !== "long") this.open(view, out, legs, -1);
    else if (this.qty === 0 && spread < -this.s.threshold && this.s.side !== "short")
      this.open(view, out, legs, 1);
    else if ((this.qty < 0 && spread < this.s.exit) || (this.qty > 0 && spread > -this.s.exit))
      this.trade(out, -this.qty);
    this.hedge(view, out);
  }

  /** The legs a new position would have: a straddle at the oracle price, or a strangle `width` apart. */
  private choose(view: StrategyView): Leg[] {
    const sp = view.oraclePrice(this.a);
    const expiryMs = view.timeMs + this.s.tenorMs;
    const w = this.s.structure === "strangle" ? this.s.width : 0;
    return [
      { isCall: true, strike: sp * (1 + w), expiryMs },
      { isCall: false, strike: sp * (1 - w), expiryMs },
    ];
  }

  /** Mean of the legs' implied vols on the surface now. */
  private impliedOf(view: StrategyView, legs: readonly Leg[]): number {
    let sum = 0;
    for (const l of legs) sum += view.impliedVol(this.a, l.strike, l.expiryMs);
    return sum / legs.length;
  }

  /** Opens `sign` × (vegaBudget / vega per structure) contracts per leg. */
  private open(view: StrategyView, out: IntentSink, legs: readonly Leg[], sign: number): void {
    let vega = 0;
    for (const l of legs) vega += this.greeks(view, l).vega;
    if (!(vega > 0)) return;
    this.legs = legs;
    this.trade(out, (sign * this.s.vegaBudget) / vega);
  }

  /** Buys (q > 0) or writes q contracts of every leg; the position is flat when it comes back to 0. */
  private trade(out: IntentSink, q: number): void {
    if (q === 0) return;
    for (const l of this.legs) out.tradeOption(this.v, { asset: this.a, ...l }, q);
    this.qty += q;
    if (Math.abs(this.qty) < 1e-12) {
      this.qty = 0;
      this.legs = [];
    }
  }

  /**
   * Neutralises the delta of the book plus that of the legs ordered but not yet in the book (the
   * view lists an option once its order has landed at the venue).
   */
  private hedge(view: StrategyView, out: IntentSink): void {
    let pending = 0;
    for (const l of this.legs) pending += (this.qty - this.heldOf(view, l)) * this.greeks(view, l).delta;
    const net = netDelta(view, this.a, undefined) + pending;
    if (net !== 0) out.trade(this.s.instrument, this.a, -net);
  }

  private heldOf(view: StrategyView, l: Leg): number {
    let q = 0;
    for (const o of view.options()) {
      if (
        o.venue === this.s.venue &&
        o.isCall === l.isCall &&
        o.strike === l.strike &&
        o.expiryMs === l.expiryMs
      )
        q += o.qty;
    }
    return q;
  }

  /** Black–Scholes Greeks of one unit of a leg at the oracle price and its surface vol. */
  private greeks(view: StrategyView, l: Leg) {
    const tau = yearFraction(Math.max(0, l.expiryMs - view.timeMs));
    const vol = view.impliedVol(this.a, l.strike, l.expiryMs);
    return priceBlack(g, l.isCall, view.oraclePrice(this.a), l.strike, tau, view.rate, view.rate, vol);
  }
}

export const volArb: KindDef<Strategy, StrategyContext> = {
  kind: "vol-arb",
  summary:
    "Write (or buy) a delta-hedged straddle or strangle when implied vol exceeds (or falls short of) a realised-vol forecast by a threshold; sized by a vega budget, rolled before expiry.",
  source: "Carr & Wu (2009) variance risk premiums; Carr & Madan (1998) volatility trading",
  params: VOL_ARB_PARAMS,
  check: checkVolArb,
  create: (p: Params, ctx) => {
    const s = readSpec(p, ctx, requireVenue(ctx, p["venue"], ["options-standard"]));
    return new VolArb(s, s.forecast);
  },
};
