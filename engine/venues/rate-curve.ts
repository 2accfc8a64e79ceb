/**
 * Interest-rate curves and index growth of lending markets (pure functions).
 *
 * Aave v3 (REFERENCE "Lending: Aave v3" → Interest; aave-dao/aave-v3-origin
 * `DefaultReserveInterestRateStrategyV2.sol`, `MathUtils.sol`, `ReserveLogic.sol`):
 *   U = debt / (available + debt);
 *   U ≤ U_opt: r_b = base + slope1·U/U_opt;  U > U_opt: r_b = base + slope1 + slope2·(U − U_opt)/(1 − U_opt);
 *   r_s = r_b · U · (1 − reserveFactor).  Annual rates, year = 365 days.
 *   Borrow index compounds per update by 1 + x + x²/2 + x³/6, x = r_b·Δt/year; supply index grows
 *   linearly by 1 + r_s·Δt/year.
 * Compound v3 (REFERENCE "Lending: Compound v3"; compound-finance/comet `Comet.sol`
 * getSupplyRate/getBorrowRate): separate supply and borrow curves
 *   r = base + low·U (U ≤ kink), else base + low·kink + high·(U − kink); no reserve factor.
 */
import { MS_PER_YEAR } from "../units.js";

/** Borrow and supply rates, annual fractions. Caller-owned, reused (no allocation per update). */
export interface Rates {
  borrow: number;
  supply: number;
}

/** A rate model of one reserve: fills `out` with the rates at utilisation `u`. */
export interface RateModel {
  rates(u: number, out: Rates): Rates;
}

/** Utilisation `debt / supply` (0 for an empty pool, capped at 1). */
export function utilization(debt: number, supply: number): number {
  if (!(supply > 0) || !(debt > 0)) return 0;
  return debt >= supply ? 1 : debt / supply;
}

/**
 * Aave v3 kinked borrow rate.
 * @example aaveBorrowRate(0.95, 0, 0.035, 0.6, 0.9) ≈ 0.335 (REFERENCE worked example, USDC)
 */
export function aaveBorrowRate(
  u: number,
  base: number,
  slope1: number,
  slope2: number,
  uOpt: number,
): number {
  if (u <= uOpt) return base + (slope1 * u) / uOpt;
  return base + slope1 + (slope2 * (u - uOpt)) / (1 - uOpt);
}

/** Aave v3 supply rate `r_b · U · (1 − reserveFactor)`. */
export function aaveSupplyRate(borrowRate: number, u: number, reserveFactor: number): number {
  return borrowRate * u * (1 - reserveFactor);
}

/** Compound v3 kinked curve `base + low·U` below the kink, `base + low·kink + high·(U − kink)` above. */
export function compoundRate(u: number, base: number, low: number, kink: number, high: number): number {
  if (u <= kink) return base + low * u;
  return base + low * kink + high * (u - kink);
}

/** Aave v3 index growth of a borrow index over `dtMs` at annual rate `r`: 1 + x + x²/2 + x³/6. */
export function compoundedGrowth(rate: number, dtMs: number): number {
  const x = (rate * dtMs) / MS_PER_YEAR;
  return 1 + x + (x * x) / 2 + (x * x * x) / 6;
}

/** Aave v3 supply (liquidity) index growth over `dtMs`: 1 + r·Δt/year. */
export function linearGrowth(rate: number, dtMs: number): number {
  return 1 + (rate * dtMs) / MS_PER_YEAR;
}

/** An Aave v3 reserve's curve with its reserve factor. */
export class AaveCurve implements RateModel {
  constructor(
    readonly base: number,
    readonly slope1: number,
    readonly slope2: number,
    readonly uOpt: number,
    readonly reserveFactor: number,
  ) {}

  rates(u: number, out: Rates): Rates {
    out.borrow = aaveBorrowRate(u, this.base, this.slope1, this.slope2, this.uOpt);
    out.supply = aaveSupplyRate(out.borrow, u, this.reserveFactor);
    return out;
  }
}

/** Compound v3's two independent curves (supply and borrow) of the base asset. */
export class CompoundCurves implements RateModel {
  constructor(
    readonly supply: {
      readonly base: number;
      readonly low: number;
      readonly kink: number;
      readonly high: number;
    },
    readonly borrow: {
      readonly base: number;
      readonly low: number;
      readonly kink: number;
      readonly high: number;
    },
  ) {}

  rates(u: number, out: Rates): Rates {
    const s = this.supply;
    const b = this.borrow;
    out.supply = compoundRate(u, s.base, s.low, s.kink, s.high);
    out.borrow = compoundRate(u, b.base, b.low, b.kink, b.high);
    return out;
  }
}

/** A reserve that pays and charges nothing (Compound collateral, assets with no curve). */
export const ZERO_RATES: RateModel = {
  rates(_u: number, out: Rates): Rates {
    out.borrow = 0;
    out.supply = 0;
    return out;
  },
};
