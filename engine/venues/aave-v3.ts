/**
 * Aave v3 liquidation rules, as pure functions of plain numbers (amounts in token units, prices in
 * USD per unit). Source: REFERENCE "Lending: Aave v3"; aave-dao/aave-v3-origin
 * `GenericLogic.sol` (health factor), `LiquidationLogic.sol` (close factor, seizure, protocol fee,
 * dust, deficit), `ValidationLogic.sol` (LTV gating); v3.0 close factor from aave/aave-v3-core.
 *
 * Conventions: `bonus` is the fraction above principal (Aave's 10 500 bps ⇒ 0.05); `protocolFee` is
 * the share of the bonus part that goes to the treasury. Floating point replaces Aave's
 * round-up-debt / round-down-collateral integer arithmetic (differences ≤ 1e-12 relative).
 */
import type { Issue } from "../errors.js";
import { covers } from "./tolerance.js";

/** Aave v3 `CLOSE_FACTOR_HF_THRESHOLD = 0.95e18`. */
export const CLOSE_FACTOR_HF_THRESHOLD = 0.95;
/** Aave v3 `DEFAULT_LIQUIDATION_CLOSE_FACTOR = 50 %`. */
export const DEFAULT_CLOSE_FACTOR = 0.5;

/** Which close-factor rule: v3.0–3.2 (50 %/100 % of the reserve's debt) or v3.3+ (thresholds). */
export type CloseFactorRule = "v3.0" | "v3.3";

/**
 * Health factor `HF = Σ collateralValueᵢ·LTᵢ / totalDebtValue` (GenericLogic.calculateUserAccountData).
 * @returns Infinity without debt; liquidatable iff HF < 1.
 * @example healthFactor(10 * 2000 * 0.825, 14000) ≈ 1.178571 (REFERENCE worked example)
 */
export function healthFactor(collateralValueTimesLt: number, debtValue: number): number {
  if (!(debtValue > 0)) return Number.POSITIVE_INFINITY;
  return collateralValueTimesLt / debtValue;
}

/**
 * Collateral-to-debt price ratio at which a one-collateral one-debt position has HF = 1:
 * `P_c / P_d = debt / (collateral · LT)`. Below it the position is liquidatable.
 * @example hfOneTriggerRatio(10, 0.825, 14000) ≈ 1696.97 (REFERENCE: HF = 1 at ETH 1 696.97)
 */
export function hfOneTriggerRatio(collateral: number, lt: number, debt: number): number {
  if (!(debt > 0)) return 0;
  if (!(collateral > 0) || !(lt > 0)) return Number.POSITIVE_INFINITY;
  return debt / (collateral * lt);
}

/**
 * Largest debt of one reserve a liquidator may repay (in debt units).
 * - v3.0–3.2: 50 % of the reserve's debt when HF > 0.95, else 100 %.
 * - v3.3+: 100 %, except 50 % of the user's *total* debt (capped at the reserve's debt) when
 *   HF > 0.95 and both the reserve's collateral and debt are ≥ `thresholdUsd` (2 000 USD,
 *   `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`).
 */
export function maxLiquidatableDebt(
  rule: CloseFactorRule,
  hf: number,
  reserveDebt: number,
  debtPrice: number,
  totalDebtValue: number,
  reserveCollateralValue: number,
  thresholdUsd: number,
): number {
  if (rule === "v3.0")
    return hf > CLOSE_FACTOR_HF_THRESHOLD ? reserveDebt * DEFAULT_CLOSE_FACTOR : reserveDebt;
  const reserveDebtValue = reserveDebt * debtPrice;
  if (
    reserveCollateralValue >= thresholdUsd &&
    reserveDebtValue >= thresholdUsd &&
    hf > CLOSE_FACTOR_HF_THRESHOLD
  ) {
    const cap = totalDebtValue * DEFAULT_CLOSE_FACTOR;
    if (reserveDebtValue > cap) return cap / debtPrice;
  }
  return reserveDebt;
}

/** Amounts of one liquidation call (token units). Caller-owned, reused. */
export interface Seizure {
  /** Debt repaid by the liquidator. */
  debtRepaid: number;
  /** Collateral taken from the user, protocol fee included. */
  seized: number;
  /** Protocol fee (collateral units) to the treasury. */
  fee: number;
  /** Collateral the liquidator receives: `seized − fee`. */
  toLiquidator: number;
}

export function newSeizure(): Seizure {
  return { debtRepaid: 0, seized: 0, fee: 0, toLiquidator: 0 };
}

/**
 * Collateral seized for `debtToCover` (LiquidationLogic._calculateAvailableCollateralToLiquidate):
 * `base = debtToCover·P_d/P_c`, `seized = base·(1 + bonus)`; when that exceeds the balance C, seize C
 * and back-solve `debtRepaid = C·P_c/P_d/(1 + bonus)`. Protocol fee on the bonus part only:
 * `fee = (seized − seized/(1 + bonus))·protocolFee`; the liquidator gets `seized − fee`.
 * @example repay 7 000 USDC at ETH 1 650, bonus 5 %, fee 10 % ⇒ seized 4.454545, fee 0.021212,
 * liquidator 4.433333 WETH (REFERENCE worked example)
 */
export function seizure(
  debtToCover: number,
  debtPrice: number,
  collPrice: number,
  collBalance: number,
  bonus: number,
  protocolFee: number,
  out: Seizure,
): Seizure {
  const mult = 1 + bonus;
  const wanted = ((debtToCover * debtPrice) / collPrice) * mult;
  if (wanted > collBalance) {
    out.seized = collBalance;
    out.debtRepaid = (collBalance * collPrice) / debtPrice / mult;
  } else {
    out.seized = wanted;
    out.debtRepaid = debtToCover;
  }
  out.fee = (out.seized - out.seized / mult) * protocolFee;
  out.toLiquidator = out.seized - out.fee;
  return out;
}

/**
 * v3.3+ dust rule (`MUST_NOT_LEAVE_DUST`): a liquidation that repays part of the reserve's debt and
 * leaves part of the collateral must leave ≥ `minLeftoverUsd` (1 000 USD, `MIN_LEFTOVER_BASE =
 * MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2 = 1000e8` in 8-decimal base currency) of both. The
 * collateral left is the balance less the liquidator's part *and* the protocol fee, i.e. less the
 * whole `seized` (aave-dao/aave-v3-origin LiquidationLogic.sol, commit e4cc47e:
 * `(borrowerCollateralBalance − actualCollateralToLiquidate − liquidationProtocolFeeAmount)·price /
 * unit ≥ MIN_LEFTOVER_BASE`, fixed there as "not considering fee when validating min_leftover").
 * The rule applies only when `actualDebtToLiquidate < borrowerReserveDebt` and
 * `actualCollateralToLiquidate + liquidationProtocolFeeAmount < borrowerCollateralBalance`.
 * @example 2 000 USDX collateral, repay 956 USDX at bonus 5 %, fee 10 %: seized 1 003.8 leaves 996.2
 * < 1 000 ⇒ dust (the protocol's test_shouldRevertIfCloseFactorIs100ButCollateralIsBelowThreshold)
 * @returns true when the liquidation would revert for leaving dust.
 */
export function leavesDust(
  s: Seizure,
  reserveDebt: number,
  debtPrice: number,
  collBalance: number,
  collPrice: number,
  minLeftoverUsd: number,
): boolean {
  if (!(s.debtRepaid < reserveDebt) || !(s.seized < collBalance)) return false;
  const debtLeft = (reserveDebt - s.debtRepaid) * debtPrice;
  const collLeft = (collBalance - s.seized) * collPrice;
  return debtLeft < minLeftoverUsd || collLeft < minLeftoverUsd;
}

/**
 * LTV gating of new borrows and withdrawals (ValidationLogic): allowed iff after the action
 * `debtValue ≤ Σ valueᵢ·LTVᵢ` (`available = Σ valueᵢ·LTVᵢ − debt ≥ 0`), up to the requirement
 * tolerance of ./tolerance.ts. LT gates liquidation only.
 */
export function withinLtv(collateralValueTimesLtv: number, debtValueAfter: number): boolean {
  return covers(collateralValueTimesLtv, debtValueAfter);
}

/**
 * Invariants of one reserve's risk parameters (Aave v3 `ReserveConfiguration`, PoolConfigurator):
 * LTV ≤ LT, bonus > 0 (i.e. > 100 % in Aave's bps), LT·(1 + bonus) ≤ 1 (a liquidation can never seize
 * more collateral than the debt it clears is covered by).
 */
export function checkRiskParams(ltv: number, lt: number, bonus: number, path: string, issues: Issue[]): void {
  if (ltv > lt) {
    issues.push({
      code: "invariant",
      path: `${path}.ltv`,
      message: `found LTV ${ltv} > LT ${lt}; allowed: LTV ≤ LT`,
    });
  }
  if (!(bonus > 0)) {
    issues.push({
      code: "invariant",
      path: `${path}.bonus`,
      message: `found bonus ${bonus}; allowed: bonus > 0`,
    });
  }
  if (lt * (1 + bonus) > 1 + 1e-12) {
    issues.push({
      code: "invariant",
      path: `${path}.lt`,
      message: `found LT·(1 + bonus) = ${lt * (1 + bonus)}; allowed: LT·(1 + bonus) ≤ 1`,
    });
  }
}
