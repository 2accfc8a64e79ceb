/**
 * Compound v3 (Comet) liquidation rules, pure functions. Source: REFERENCE "Lending: Compound v3";
 * compound-finance/comet `contracts/Comet.sol` (isLiquidatable, absorbInternal, quoteCollateral).
 * Amounts in token units, prices in USD per unit.
 */
import type { Issue } from "../errors.js";

/**
 * `isLiquidatable`: `debt·P_base > Σ collᵢ·Pᵢ·liquidateCFᵢ`.
 * @example 10 WETH at 1 890, liquidateCF 0.895 (16 915.5) vs debt 17 000 ⇒ true (REFERENCE)
 */
export function compoundLiquidatable(debtValue: number, collValueTimesLiquidateCf: number): boolean {
  return debtValue > collValueTimesLiquidateCf;
}

/** Result of `absorb` on one account's base balance (base units). Caller-owned. */
export interface Absorption {
  /** Base credited for the seized collateral: `Σ collᵢ·Pᵢ·liquidationFactorᵢ / P_base`. */
  credit: number;
  /** The account's base balance after absorb (≥ 0: left with the user as supply). */
  newBalance: number;
  /** Debt not covered by the credit, absorbed by the protocol's reserves (bad debt). */
  shortfall: number;
}

export function newAbsorption(): Absorption {
  return { credit: 0, newBalance: 0, shortfall: 0 };
}

/**
 * `absorb`: all collateral is seized (no close factor, no bonus to the caller); the account's base
 * balance `−debt + credit` is floored at 0, the reserves absorbing any shortfall.
 * @example debt 17 000, 10 WETH at 1 890, LF 0.95 ⇒ credit 17 955, newBalance 955 (REFERENCE)
 */
export function absorb(
  debt: number,
  collValueTimesLf: number,
  basePrice: number,
  out: Absorption,
): Absorption {
  out.credit = collValueTimesLf / basePrice;
  const bal = out.credit - debt;
  out.newBalance = Math.max(bal, 0);
  out.shortfall = bal < 0 ? -bal : 0;
  return out;
}

/**
 * `quoteCollateral` storefront price: `P·(1 − storeFront·(1 − liquidationFactor))`.
 * @example P 1 890, LF 0.95, storeFront 0.5 ⇒ 1 842.75 (REFERENCE)
 */
export function storefrontPrice(price: number, storeFront: number, liquidationFactor: number): number {
  return price * (1 - storeFront * (1 - liquidationFactor));
}

/** `buyCollateral` is open only while reserves are below the target (`reserves < targetReserves`). */
export function canBuyCollateral(reserves: number, targetReserves: number): boolean {
  return reserves < targetReserves;
}

/** Comet's collateral invariants: borrowCF < liquidateCF ≤ 1 and 0 < liquidationFactor ≤ 1. */
export function checkCompoundCollateral(
  borrowCf: number,
  liquidateCf: number,
  liquidationFactor: number,
  path: string,
  issues: Issue[],
): void {
  if (!(borrowCf < liquidateCf) || liquidateCf > 1) {
    issues.push({
      code: "invariant",
      path: `${path}.liquidateCF`,
      message: `found borrowCF ${borrowCf}, liquidateCF ${liquidateCf}; allowed: borrowCF < liquidateCF ≤ 1`,
    });
  }
  if (!(liquidationFactor > 0) || liquidationFactor > 1) {
    issues.push({
      code: "invariant",
      path: `${path}.liquidationFactor`,
      message: `found ${liquidationFactor}; allowed: 0 < liquidationFactor ≤ 1`,
    });
  }
}
