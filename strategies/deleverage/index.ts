/**
 * `deleverage`: when risk crosses `trigger` — a loan's health factor falls under it, or a perp
 * account's margin ratio (maintenance / equity, Binance) rises over it — cut the position back to
 * `target`, reacting to the oracle as the venue sees it.
 *
 * Loan: repay debt (the quote currency) from the wallet first; without cash, unwind in rounds as a
 * deleveraging bot does: withdraw the collateral the LTV gate still allows (Aave ValidationLogic:
 * Σ value·LTV ≥ debt after), sell it for the quote, repay, until HF ≥ target. Each step is an
 * intent through the execution model (latency, impact, fees, gas), one step per `step`.
 * Repaying y at price 1 moves HF = L/D to L/(D − y), so y = D − L/target (L = Σ value·LT).
 * Perp: margin ratio is ∝ notional at fixed equity, so cutting the position by the fraction
 * 1 − target/ratio restores it (fees aside).
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import { Instrument, type IntentSink, type Strategy, type StrategyView } from "../../engine/strategy.js";
import { LENDING_KINDS, requireVenue, type StrategyContext } from "../types.js";

const PERP_KINDS = ["perp-linear"];

class Deleverage implements Strategy {
  private v = -1;
  private q = -1;
  private phase = 0;

  constructor(
    private readonly venueName: string,
    private readonly perp: boolean,
    private readonly trigger: number,
    private readonly target: number,
    private readonly stepMs: number,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.venueName);
    this.q = view.assetNames.length - 1;
    this.phase = 0;
    out.watchHealth(this.v, this.trigger);
  }

  onTrigger(view: StrategyView, out: IntentSink): void {
    if (this.phase === 0) this.act(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    this.act(view, out);
  }

  private act(view: StrategyView, out: IntentSink): void {
    if (this.perp) this.cutPerp(view, out);
    else this.unwindLoan(view, out);
  }

  private cutPerp(view: StrategyView, out: IntentSink): void {
    const ratio = view.marginRatio(this.v);
    if (!(ratio > this.target)) return;
    const f = Math.min(1, 1 - this.target / ratio);
    for (let a = 0; a < this.q; a++) {
      const qty = view.perpQty(a) + view.pendingQty(Instrument.perp, a);
      if (qty !== 0) out.trade(Instrument.perp, a, -f * qty);
    }
  }

  /** One round: repay from cash, else sell wallet collateral, else withdraw what LTV allows. */
  private unwindLoan(view: StrategyView, out: IntentSink): void {
    const v = this.v;
    const hf = view.healthFactor(v);
    const d = view.debtValue(v);
    if (!(hf < this.target) || !(d > 0)) {
      this.phase = 0;
      return;
    }
    const need = d - (hf * d) / this.target;
    const cash = view.cash(this.q);
    const collateral = this.firstCollateral(view);
    if (cash > 0) {
      out.repay(v, this.q, Math.min(cash, need, view.debt(v, this.q)));
    } else if (collateral >= 0 && view.spotQty(collateral) > 0) {
      out.trade(Instrument.spot, collateral, -view.spotQty(collateral));
    } else if (collateral >= 0) {
      const p = view.oraclePrice(collateral);
      const room = (view.freeCollateral(v) / p) * 0.99; // what the LTV gate still allows
      const units = Math.min(room, (need * 1.01) / p, view.supplied(v, collateral));
      if (units > 0) out.withdraw(v, collateral, units);
      else return; // nothing the venue would allow: the liquidation will come
    } else return;
    this.phase = 1;
    out.setTimer(this.stepMs);
  }

  private firstCollateral(view: StrategyView): number {
    for (let a = 0; a < this.q; a++) if (view.supplied(this.v, a) > 0 || view.spotQty(a) > 0) return a;
    return -1;
  }
}

export const deleverage: KindDef<Strategy, StrategyContext> = {
  kind: "deleverage",
  summary: "Repay debt or cut perp size when the health factor or margin ratio crosses a trigger.",
  source: "Aave v3 HF and LTV gate (REFERENCE: Lending); Binance margin ratio (REFERENCE: Perpetual futures)",
  params: {
    venue: {
      type: "string",
      optional: true,
      description: "lending or perp venue (default: the first lending venue, else the first perp venue)",
    },
    trigger: {
      type: "number",
      default: 1.2,
      min: 0,
      exclusiveMin: true,
      description: "loan: act when HF falls below; perp: when the margin ratio rises above",
    },
    target: {
      type: "number",
      default: 1.5,
      min: 0,
      exclusiveMin: true,
      description: "loan: HF to restore; perp: margin ratio to restore (below trigger)",
    },
    step: { type: "duration", default: "1m", min: 1, description: "time between unwinding steps" },
  },
  create: (p: Params, ctx) => {
    const lending = ctx.venues?.some(
      (v) => LENDING_KINDS.includes(v.kind) && (p["venue"] ?? v.name) === v.name,
    );
    const venue = requireVenue(ctx, p["venue"], lending ? LENDING_KINDS : PERP_KINDS);
    return new Deleverage(
      venue,
      !lending,
      p["trigger"] as number,
      p["target"] as number,
      p["step"] as number,
    );
  },
};
