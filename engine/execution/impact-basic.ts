/**
 * Stateless impact kinds: `none`, `fixed`, `linear`, `sqrt`. Each returns the fractional price
 * concession (≥ 0) of a fill; the average fill price is mid·(1 + sign(qty)·impact). Notional Q is
 * |qty|·mid in the quote currency, compared with `dailyVolume`, also in quote.
 */
import { MS_PER_DAY, MS_PER_YEAR } from "../units.js";
import type { ImpactModel } from "./types.js";

/** Trading is free of impact, at any size. */
export class NoImpact implements ImpactModel {
  impact(): number {
    return 0;
  }
  capacity(): number {
    return Infinity;
  }
  onFill(): void {}
  reset(): void {}
}

/** A constant half-spread-like concession of `bps` on any non-zero size. */
export class FixedImpact implements ImpactModel {
  private readonly fraction: number;
  constructor(readonly bps: number) {
    this.fraction = bps / 10_000;
  }
  impact(qty: number): number {
    return qty === 0 ? 0 : this.fraction;
  }
  capacity(): number {
    return Infinity;
  }
  onFill(): void {}
  reset(): void {}
}

/**
 * Linear impact: I = coefficient · Q / V, with Q = |qty·mid| and V = dailyVolume (both quote).
 * `coefficient` is the fractional concession per unit of participation Q/V: 1.0 means trading 1 %
 * of daily volume costs 1 % of the price. Linear is the small-order limit of the square-root law
 * (REFERENCE: Execution costs — linear below Q/V ≈ 10⁻³).
 */
export class LinearImpact implements ImpactModel {
  constructor(
    readonly coefficient: number,
    readonly dailyVolume: number,
  ) {}
  impact(qty: number, mid: number): number {
    return (this.coefficient * Math.abs(qty * mid)) / this.dailyVolume;
  }
  capacity(): number {
    return Infinity;
  }
  onFill(): void {}
  reset(): void {}
}

/**
 * Square-root impact: I = Y · σ_daily · √(Q / V), Q = |qty·mid| and V = dailyVolume in quote,
 * σ_daily the daily volatility (a fraction). Tóth et al., "Anomalous price impact and the critical
 * nature of liquidity", PRX 1, 021006 (2011); Bouchaud et al., *Trades, Quotes and Prices* (2018),
 * ch. 12 (REFERENCE: Execution costs). Y of order one (0.5–1 typical).
 */
export class SqrtImpact implements ImpactModel {
  private readonly scale: number;
  constructor(
    readonly coefficient: number,
    readonly dailyVol: number,
    readonly dailyVolume: number,
  ) {
    this.scale = (coefficient * dailyVol) / Math.sqrt(dailyVolume);
  }
  impact(qty: number, mid: number): number {
    return this.scale * Math.sqrt(Math.abs(qty * mid));
  }
  capacity(): number {
    return Infinity;
  }
  onFill(): void {}
  reset(): void {}
}

/** σ_daily from an annualised volatility: crypto trades every day, so √(1 day / 365 days). */
export function dailyVolFromAnnual(annualVol: number): number {
  return annualVol * Math.sqrt(MS_PER_DAY / MS_PER_YEAR);
}
