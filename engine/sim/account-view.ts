/**
 * What a strategy reads of its accounts at lending and perp venues, at oracle prices (ledger-indexed,
 * quote = 1 first). Pure reads: nothing here opens an account or changes a balance; a venue where the
 * trader has no account reads as an empty one.
 *
 * Rules: Aave v3 `HF = Σ supplyᵢ·Pᵢ·LTᵢ / Σ debtⱼ·Pⱼ`, borrow gate Σ supplyᵢ·Pᵢ·LTVᵢ ≥ debt
 * (REFERENCE "Lending"); Binance margin ratio `MM / equity`, liquidation price in a cross account
 * with the other positions at their marks (REFERENCE "Perpetual futures", perp-liquidation.ts).
 */
import { LendingMarket } from "../venues/lending-market.js";
import { PerpVenue } from "../venues/perp-venue.js";
import type { VenueSet } from "./venues.js";

type Venue = VenueSet["venues"][number];

/** The trader's account at venue v, or −1 when it has none (never opens one). */
export function traderAccount(vs: VenueSet, v: Venue | undefined): number {
  if (v instanceof LendingMarket) {
    for (const [m, a] of vs.lendAccts) if (m === v) return a;
  } else if (v instanceof PerpVenue) {
    for (const [p, a] of vs.perpAccts) if (p === v) return a;
  } else if (v) {
    for (const [o, a] of vs.optAccts) if (o === v) return a;
  }
  return -1;
}

/** HF (lending) or equity / maintenance (perp); ∞ with nothing at risk. */
export function healthOf(v: Venue | undefined, a: number, px: Float64Array): number {
  if (a < 0) return Number.POSITIVE_INFINITY;
  if (v instanceof LendingMarket) return v.healthFactor(a, px);
  if (v instanceof PerpVenue) {
    const mm = v.requirement(a, px, 0);
    return mm > 0 ? v.equity(a, px) / mm : Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** Binance margin ratio MM / equity (perp), 1 / HF (lending); 0 with nothing at risk. */
export function marginRatioOf(v: Venue | undefined, a: number, px: Float64Array): number {
  if (a < 0) return 0;
  if (v instanceof PerpVenue) return v.marginRatio(a, px);
  return 1 / healthOf(v, a, px);
}

/** Debt / collateral value (lending) or Σ |notional| / equity (perp). */
export function ltvOf(v: Venue | undefined, a: number, px: Float64Array): number {
  if (a < 0) return 0;
  if (v instanceof LendingMarket) {
    const c = v.collateralValue(a, px, 0);
    const d = v.debtValue(a, px);
    return d === 0 ? 0 : c > 0 ? d / c : Number.POSITIVE_INFINITY;
  }
  if (v instanceof PerpVenue) {
    const q = v.qty[a] as number[];
    let n = 0;
    for (let m = 0; m < q.length; m++) n += Math.abs(q[m] as number) * v.mark(m, px);
    const eq = v.equity(a, px);
    return n === 0 ? 0 : eq > 0 ? n / eq : Number.POSITIVE_INFINITY;
  }
  return 0;
}

/**
 * Oracle price of ledger asset `k` at which the account becomes liquidatable, all else held.
 * Lending: HF is (A + s·LT·P)/(B + d·P) in P, so HF = 1 at P = (B − A)/(s·LT − d) (A, B: the other
 * reserves' weighted collateral and debt); a root ≤ 0 or none means no price of k liquidates.
 */
export function liquidationPriceOf(v: Venue | undefined, a: number, k: number, px: Float64Array): number {
  if (a < 0) return Number.NaN;
  if (v instanceof PerpVenue) {
    const m = v.market(k);
    return m < 0 ? Number.NaN : v.liquidationPriceIn(a, m, px);
  }
  if (!(v instanceof LendingMarket)) return Number.NaN;
  const r = v.slot(k);
  if (r < 0 || v.debtValue(a, px) === 0) return Number.NaN;
  const p = px[k] as number;
  const s = v.supplyAt(a, r) * (v.cfg.reserves[r]?.lt ?? 0);
  const d = v.debtAt(a, r);
  const others = v.collateralValue(a, px, 2) - s * p;
  const otherDebt = v.debtValue(a, px) - d * p;
  const lp = (otherDebt - others) / (s - d);
  return lp > 0 && Number.isFinite(lp) ? lp : Number.NaN;
}

/** Σ value·LTV − debt (lending, quote) or equity − initial margin (perp). */
export function freeCollateralOf(v: Venue | undefined, a: number, px: Float64Array): number {
  if (a < 0) return 0;
  if (v instanceof LendingMarket) return v.collateralValue(a, px, 1) - v.debtValue(a, px);
  if (v instanceof PerpVenue) return v.equity(a, px) - v.requirement(a, px, 1);
  return 0;
}

/** Units of ledger asset k supplied (lending), or the margin cash (perp, quote only). */
export function suppliedOf(v: Venue | undefined, a: number, k: number): number {
  if (a < 0) return 0;
  if (v instanceof LendingMarket) return v.supplyOf(a, k);
  if (v instanceof PerpVenue) return k === v.quote ? v.cash(a) : 0;
  return 0;
}

export function debtOf(v: Venue | undefined, a: number, k: number): number {
  return a >= 0 && v instanceof LendingMarket ? v.debtOf(a, k) : 0;
}

/** Current borrow (or supply) APR of ledger asset k's reserve; NaN when not listed. */
export function rateOf(v: Venue | undefined, k: number, borrow: boolean): number {
  if (!(v instanceof LendingMarket)) return Number.NaN;
  const r = v.slot(k);
  const rates = v.rate[r];
  return r < 0 || !rates ? Number.NaN : borrow ? rates.borrow : rates.supply;
}

/** Liquidation threshold of ledger asset k at a lending market (0: not collateral or not listed). */
export function thresholdOf(v: Venue | undefined, k: number): number {
  if (!(v instanceof LendingMarket)) return 0;
  return v.cfg.reserves[v.slot(k)]?.lt ?? 0;
}

export function debtValueOf(v: Venue | undefined, a: number, px: Float64Array): number {
  return a >= 0 && v instanceof LendingMarket ? v.debtValue(a, px) : 0;
}
