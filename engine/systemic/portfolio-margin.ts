/**
 * Siloed versus unified (portfolio) margin of a population whose accounts hold a loan on the
 * lending venue and a perpetual position on the perp venue (REFERENCE "Portfolio (unified)
 * margin: scenario-grid rules").
 *
 * - **Siloed**: each venue applies its own rule to its own positions, with no offsets: the loan
 *   is liquidatable when its health factor `Σ collᵢ·Pᵢ·LTᵢ / Σ debtⱼ·Pⱼ < 1` (REFERENCE "Lending:
 *   Aave v3"); the perp leg when its equity `cash + size·P` falls below its maintenance margin
 *   `notional·MMR − cum` of the notional's tier (REFERENCE "Perpetual futures", Binance tiers /
 *   dYdX flat MMF).
 * - **Unified**: one requirement per account, the worst loss of the whole account over the
 *   scenario grid (margin-grid.ts), asset by asset on the account's net units (collateral − debt
 *   + perp) and summed over assets with no inter-commodity credit, times `mmFactor` (Deribit's
 *   `mm_factor` 0.8; SPAN's scanning risk: 1), plus `contingency` × the perp notional (Deribit's
 *   earlier PM: 1 % of underlying value for offsetting futures). The account is liquidatable when
 *   its equity across venues `Σ (collₖ − debtₖ)·Pₖ + cash + size·P` is below the requirement.
 *   The quote asset is cash and is not scanned; every other asset is.
 */
import { type MarginTiers, maintenanceMargin } from "../venues/perp-rules.js";
import { type ScenarioGrid, worstLoss } from "./margin-grid.js";
import type { Population } from "./population.js";

export type MarginRule = "siloed" | "unified";

/** The perp venue's own rule (a `perp-linear` venue of the scenario). */
export interface PerpLegSpec {
  /** Maintenance tiers by population asset (null: the venue lists no market for it). */
  readonly tiers: readonly (MarginTiers | null)[];
  /** Fee on liquidated notional to the perp insurance fund, capped at the equity left. */
  readonly liquidationFee: number;
  /** Perp insurance fund at the start (quote); absorbs perp bad debt first. */
  readonly insuranceFund: number;
}

export interface MarginSpec {
  readonly rule: MarginRule;
  readonly grid: ScenarioGrid;
  readonly mmFactor: number;
  readonly contingency: number;
  /** Null: the scenario has no perp venue (then no account may hold a perp). */
  readonly perp: PerpLegSpec | null;
}

/** Equity of account a's perp account at prices `price`: cash + size·P. */
export function perpEquity(p: Population, a: number, price: Float64Array): number {
  const k = p.perpAsset[a] as number;
  const cash = p.perpCash[a] as number;
  return k < 0 ? cash : cash + (p.perpSize[a] as number) * (price[k] as number);
}

/** The perp venue's maintenance margin of account a's position (0 without one). */
export function perpMaintenance(spec: PerpLegSpec, p: Population, a: number, price: Float64Array): number {
  const k = p.perpAsset[a] as number;
  const size = p.perpSize[a] as number;
  if (k < 0 || size === 0) return 0;
  const tiers = spec.tiers[k] as MarginTiers;
  return maintenanceMargin(tiers, Math.abs(size) * (price[k] as number));
}

/** Net units of asset k held by account a across venues: collateral − debt + perp size. */
export function netUnits(p: Population, a: number, k: number): number {
  const A = p.assets.length;
  const perp = (p.perpAsset[a] as number) === k ? (p.perpSize[a] as number) : 0;
  return (p.coll[a * A + k] as number) - (p.debt[a * A + k] as number) + perp;
}

/** Equity across venues: Σ (collₖ − debtₖ)·Pₖ + perp cash + size·P. */
export function unifiedEquity(p: Population, a: number, price: Float64Array): number {
  const A = p.assets.length;
  let e = perpEquity(p, a, price);
  for (let k = 0; k < A; k++) {
    const x = (p.coll[a * A + k] as number) - (p.debt[a * A + k] as number);
    if (x !== 0) e += x * (price[k] as number);
  }
  return e;
}

/**
 * The part of account a's unified requirement that asset k carries at price P:
 * `mmFactor · worstLoss(net unitsₖ·P)` plus the contingency on a perp in k.
 */
export function requirementOf(m: MarginSpec, p: Population, a: number, k: number, price: number): number {
  let r = m.mmFactor * worstLoss(m.grid, netUnits(p, a, k) * price);
  if ((p.perpAsset[a] as number) === k) r += m.contingency * Math.abs(p.perpSize[a] as number) * price;
  return r;
}

/** The unified requirement of account a: Σ over the assets but the quote of `requirementOf`. */
export function unifiedRequirement(
  m: MarginSpec,
  p: Population,
  a: number,
  price: Float64Array,
  quote: number,
): number {
  let r = 0;
  for (let k = 0; k < p.assets.length; k++) {
    if (k !== quote) r += requirementOf(m, p, a, k, price[k] as number);
  }
  return r;
}

/**
 * Unified health: equity / requirement, liquidatable below 1 (as a health factor). Without a
 * requirement (a fully offset account): 0 when the equity is negative, else Infinity.
 */
export function unifiedHealth(
  m: MarginSpec,
  p: Population,
  a: number,
  price: Float64Array,
  quote: number,
): number {
  const e = unifiedEquity(p, a, price);
  const r = unifiedRequirement(m, p, a, price, quote);
  if (r > 0) return e / r;
  return e < 0 ? 0 : Number.POSITIVE_INFINITY;
}

/** Whether the account holds a loan (both collateral and debt). */
export function hasLoan(p: Population, a: number): boolean {
  const A = p.assets.length;
  let c = false;
  let d = false;
  for (let k = 0; k < A; k++) {
    if ((p.coll[a * A + k] as number) > 0) c = true;
    if ((p.debt[a * A + k] as number) > 0) d = true;
  }
  return c && d;
}
