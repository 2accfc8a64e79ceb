/**
 * An asset's implied-vol surface as the engine reads it: σ for a strike and tenor, given the spot,
 * the path's start price and the asset's ATM level now (its implied-vol column at the current grid
 * point, written by the scenario's implied-vol model: scenarios/iv). Two kinds:
 * - `SsviSurface`: the SSVI smile and power-law term structure of engine/pricing/ssvi.ts around the
 *   ATM level. Sticky-delta measures moneyness from the current forward (the smile moves with the
 *   spot); sticky-strike from the forward of the path's start price (a strike keeps its vol while
 *   the spot moves; only the ATM level moves it).
 * - `HestonSurface`: the vol implied by the Heston price (engine/pricing/heston.ts) at the current
 *   variance v = level², so options are marked consistently with a Heston path (REFERENCE "Option
 *   pricing"; Heston 1993).
 */
import { hestonMeanVariance, hestonPrice } from "../pricing/heston.js";
import { impliedVol } from "../pricing/implied-vol.js";
import { type SsviParams, ssviVol } from "../pricing/ssvi.js";

export interface ImpliedVolSurface {
  /**
   * Implied vol of strike `k` with `tau` years left, at spot `s` (start price `s0`), rate `r`, when
   * the asset's ATM level is `atm`.
   */
  vol(k: number, tau: number, s: number, s0: number, r: number, atm: number): number;
}

export class SsviSurface implements ImpliedVolSurface {
  constructor(
    readonly p: SsviParams,
    readonly sticky: "strike" | "delta",
  ) {}

  vol(k: number, tau: number, s: number, s0: number, r: number, atm: number): number {
    if (this.p.eta === 0 && this.p.slope === 0) return atm;
    const t = Math.max(tau, 1e-9);
    const fwd = (this.sticky === "delta" ? s : s0) * (r === 0 ? 1 : Math.exp(r * t));
    return ssviVol(this.p, atm, Math.log(k / fwd), t);
  }
}

export interface HestonDynamics {
  readonly kappa: number;
  readonly theta: number;
  readonly xi: number;
  readonly rho: number;
}

export class HestonSurface implements ImpliedVolSurface {
  constructor(readonly p: HestonDynamics) {}

  /** The out-of-the-money side is inverted (its price carries no intrinsic value to swamp it). */
  vol(k: number, tau: number, s: number, _s0: number, r: number, atm: number): number {
    const h = { ...this.p, v0: atm * atm };
    const fallback = Math.sqrt(Math.max(hestonMeanVariance(h, Math.max(tau, 0)), 1e-8));
    if (!(tau > 1e-6)) return fallback;
    const call = k >= s * Math.exp(r * tau);
    try {
      return impliedVol(call, s, k, tau, r, r, hestonPrice(call, s, k, tau, r, h));
    } catch {
      // Deep in a wing the price can sit below what double precision resolves: the mean-variance vol.
      return fallback;
    }
  }
}
