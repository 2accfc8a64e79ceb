/**
 * The result of one lending liquidation call (LendingMarket.liquidate / preview), shared by the
 * Aave and Compound rule paths and read by liquidator agents.
 */

/** Why a liquidation did or did not happen. */
export const LiqCode = {
  done: 0,
  /** HF ≥ 1: nothing to do. */
  healthy: 1,
  /** Aave v3.3 MUST_NOT_LEAVE_DUST: repay all of the reserve's debt instead. */
  dust: 2,
  /** No debt in that reserve, or no collateral in that reserve. */
  empty: 3,
  /** Aave v3.4+: a user may not liquidate themselves. */
  self: 4,
} as const;
export type LiqCode = (typeof LiqCode)[keyof typeof LiqCode];

/** What one liquidation did (token units unless named …Quote). Reused; overwritten by the next call. */
export interface LiquidationOutcome {
  code: LiqCode;
  /** Debt extinguished (Aave: repaid by the liquidator; Compound: absorbed by the protocol). */
  debtRepaid: number;
  /** Debt-asset units the liquidator paid (Aave: = debtRepaid; Compound: buyCollateral cost). */
  paid: number;
  /** Collateral taken from the user in `collAsset` (fee included). */
  seized: number;
  /** Collateral the liquidator received. */
  toLiquidator: number;
  /** Aave protocol fee (collateral units). */
  fee: number;
  /** Price the liquidator effectively bought at: oracle price (Aave) or storefront (Compound). */
  price: number;
  /** The borrower's penalty at oracle prices: collateral value seized − debt value repaid (USD). */
  bonusQuote: number;
  /** Bad debt booked by this call (USD). */
  badDebtQuote: number;
  hfBefore: number;
  hfAfter: number;
}

export function newOutcome(): LiquidationOutcome {
  return {
    code: LiqCode.healthy,
    debtRepaid: 0,
    paid: 0,
    seized: 0,
    toLiquidator: 0,
    fee: 0,
    price: 0,
    bonusQuote: 0,
    badDebtQuote: 0,
    hfBefore: 0,
    hfAfter: 0,
  };
}

export function resetOutcome(o: LiquidationOutcome, hf: number): LiquidationOutcome {
  o.code = LiqCode.healthy;
  o.debtRepaid = o.paid = o.seized = o.toLiquidator = o.fee = o.price = o.bonusQuote = o.badDebtQuote = 0;
  o.hfBefore = o.hfAfter = hf;
  return o;
}
