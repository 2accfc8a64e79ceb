/**
 * `forecast-deleverage`: cut a loan's leverage when the collateral's forecast vol rises, before the
 * move it forecasts reaches the liquidation threshold, and restore it when the forecast falls.
 *
 * Every `every` it reads σ_f, the EWMA or GARCH(1,1) forecast (StrategyView.volForecast, annualised)
 * of the collateral's vol over `horizon`, on `bar` bars of its oracle readings. Hysteresis: it turns
 * risk-off when σ_f ≥ `enterVol` and back risk-on when σ_f ≤ `exitVol` (< enterVol), so a forecast
 * hovering at one level does not churn the loan. With `baseline` (bars) the band is a ratio
 * instead: σ_f over the close-to-close realised vol of the latest `baseline` bars (the longer-run
 * level), so it reacts to a rise relative to what the asset usually does.
 *
 * Risk-off, the loan must survive a fall of z standard deviations over `survive` without help:
 * with the debt in a stable asset, HF moves with the collateral price (HF = Σ c·P·LT / D), so a
 * fall of the collateral's log price by z·σ_f·√τ is survived when HF ≥ HF* = exp(z·σ_f·√τ)
 * (τ = survive in years). Below HF* it repays y = (D − HF·D/HF*) / P_debt of the debt (Aave v3 health
 * factor: REFERENCE "Lending"), from the wallet — a loan's borrowed cash sits there — capped by the
 * wallet and the debt. Risk-on with `restore`, it borrows back towards the starting debt while
 * HF stays ≥ HF* at the current forecast and the LTV gate allows (Σ value·LTV ≥ debt).
 * Orders under 1 % of the starting debt are skipped (no dust churn).
 *
 * On a perp venue (perp.ts) the same band sizes the position instead: risk-off, it is cut to the
 * size whose liquidation is a z·σ_f·√τ log move away; risk-on with `restore`, grown back towards
 * its starting size within that bound.
 *
 * Fails when the spike is faster than the forecast (a jump; an EWMA needs a few bars to react),
 * when the wallet holds too little to repay, and when the oracle lags the market.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type {
  IntentSink,
  RealisedVolSpec,
  Strategy,
  StrategyView,
  VolForecastSpec,
} from "../../engine/strategy.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { LENDING_KINDS, requireAsset, requireVenue, type StrategyContext } from "../types.js";
import { checkForecastDeleverage, FORECAST_DELEVERAGE_PARAMS, forecastSpec } from "./params.js";
import { perpStep } from "./perp.js";

const PERP_KINDS = ["perp-linear"];

interface Band {
  readonly enterVol: number;
  readonly exitVol: number;
  readonly z: number;
  readonly surviveYears: number;
  readonly restore: boolean;
  readonly everyMs: number;
}

class ForecastDeleverage implements Strategy {
  private v = -1;
  private asset = -1;
  private debtAsset = -1;
  private startDebt = 0;
  private startQty = 0;
  private riskOff = false;

  constructor(
    private readonly venueName: string,
    private readonly perp: boolean,
    private readonly assetName: string | undefined,
    private readonly spec: VolForecastSpec,
    private readonly band: Band,
    /** The longer-run level the band is a ratio to (null: the band is in vol). */
    private readonly baseline: RealisedVolSpec | null,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.venueName);
    this.asset = this.assetName === undefined ? this.first(view, false) : view.assetIndex(this.assetName);
    this.debtAsset = this.perp ? -1 : this.first(view, true);
    this.startDebt = this.debtAsset >= 0 ? view.debt(this.v, this.debtAsset) : 0;
    this.startQty = this.asset >= 0 && this.perp ? view.perpQty(this.asset) : 0;
    this.riskOff = false;
    out.setTimer(this.band.everyMs);
  }

  /** The loan's first collateral (or debt) asset, or the first asset held on the perp; −1 when none. */
  private first(view: StrategyView, debt: boolean): number {
    const n = view.assetNames.length - (this.perp ? 1 : 0); // a perp's quote is not a position
    for (let a = 0; a < n; a++) {
      if (
        this.perp ? view.perpQty(a) !== 0 : debt ? view.debt(this.v, a) > 0 : view.supplied(this.v, a) > 0
      ) {
        return a;
      }
    }
    return -1;
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    out.setTimer(this.band.everyMs);
    if (this.asset < 0 || (!this.perp && this.debtAsset < 0)) return;
    const vol = view.volForecast(this.asset, this.spec);
    const level = this.baseline === null ? vol : vol / view.realisedVol(this.asset, this.baseline);
    if (Number.isNaN(level)) return;
    if (!this.riskOff && level >= this.band.enterVol) this.riskOff = true;
    else if (this.riskOff && level <= this.band.exitVol) this.riskOff = false;
    const move = this.band.z * vol * Math.sqrt(this.band.surviveYears);
    if (this.perp) {
      const at = { v: this.v, a: this.asset, startQty: this.startQty };
      perpStep(view, out, at, move, this.riskOff, this.band.restore);
      return;
    }
    const hfStar = Math.exp(move);
    if (this.riskOff) this.repayTo(view, out, hfStar);
    else if (this.band.restore) this.borrowBack(view, out, hfStar);
  }

  private repayTo(view: StrategyView, out: IntentSink, hfStar: number): void {
    const hf = view.healthFactor(this.v);
    const d = view.debtValue(this.v);
    if (!(hf < hfStar) || !(d > 0)) return;
    const units = (d - (hf * d) / hfStar) / view.oraclePrice(this.debtAsset);
    const y = Math.min(units, view.cash(this.debtAsset), view.debt(this.v, this.debtAsset));
    if (y > 0.01 * this.startDebt) out.repay(this.v, this.debtAsset, y);
  }

  private borrowBack(view: StrategyView, out: IntentSink, hfStar: number): void {
    const a = this.debtAsset;
    const hf = view.healthFactor(this.v);
    const d = view.debtValue(this.v);
    const p = view.oraclePrice(a);
    const room = Number.isFinite(hf) ? (hf * d) / hfStar - d : Number.POSITIVE_INFINITY;
    const units = Math.min(
      this.startDebt - view.debt(this.v, a),
      room / p,
      (0.99 * view.freeCollateral(this.v)) / p,
    );
    if (units > 0.01 * this.startDebt) out.borrow(this.v, a, units);
  }
}

export const forecastDeleverage: KindDef<Strategy, StrategyContext> = {
  kind: "forecast-deleverage",
  summary: "Repay a loan's debt (or cut a perp) when the vol forecast rises; restore it when it falls.",
  source: "EWMA (RiskMetrics 1996), GARCH(1,1) (Bollerslev 1986); Aave v3 health factor (REFERENCE: Lending)",
  params: FORECAST_DELEVERAGE_PARAMS,
  check: checkForecastDeleverage,
  create: (p: Params, ctx) => {
    const lending = ctx.venues?.some(
      (v) => LENDING_KINDS.includes(v.kind) && (p["venue"] ?? v.name) === v.name,
    );
    return new ForecastDeleverage(
      requireVenue(ctx, p["venue"], lending ? LENDING_KINDS : PERP_KINDS),
      !lending,
      requireAsset(ctx, p["asset"], "asset"),
      forecastSpec(p),
      {
        enterVol: p["enterVol"] as number,
        exitVol: p["exitVol"] as number,
        z: p["z"] as number,
        surviveYears: (p["survive"] as number) / MS_PER_YEAR,
        restore: p["restore"] as boolean,
        everyMs: p["every"] as number,
      },
      p["baseline"] === undefined
        ? null
        : { estimator: "close-to-close", window: p["baseline"] as number, barMs: p["bar"] as number },
    );
  },
};
