/**
 * The one tolerance used when a venue compares a requirement with a balance (initial-margin gates,
 * maintenance checks, LTV gates, withdrawals, pool liquidity, repayments from a wallet).
 *
 * Venues compute in binary floating point while the rules they model are stated in exact decimal
 * arithmetic: a 5× isolated long at IMF 0.2 on 46 224 USD of notional needs 46 224 × 0.2 = 9 244.8,
 * which floating point rounds to 9 244.800000000001, so margin of exactly 9 244.8 would be refused.
 * A requirement is therefore met when the balance falls short of it by at most
 * `REQUIREMENT_TOLERANCE` relative to the larger magnitude of the terms compared: 16 ulps of 1
 * (16 × 2⁻⁵² ≈ 3.6e-15), room for the rounding of the handful of products and sums behind either
 * side, and 10⁴ times below the smallest shortfall a venue quotes (a cent on 10¹¹ USD). Anything
 * further short is refused as before.
 */

/** Relative tolerance of a requirement check: 16 × Number.EPSILON ≈ 3.55e-15. */
export const REQUIREMENT_TOLERANCE = 16 * Number.EPSILON;

/**
 * True when `excess` (balance − requirement) is ≥ 0 up to the tolerance of a comparison whose
 * terms have magnitude `scale` (e.g. |balance| + |requirement|, or the gross of the sums behind it).
 */
export function meets(excess: number, scale: number): boolean {
  return excess >= -REQUIREMENT_TOLERANCE * Math.abs(scale);
}

/**
 * True when `balance` covers `requirement` up to the tolerance.
 * @example covers(9244.8, 46224 * 0.2) === true; covers(9244.8 - 1e-9, 46224 * 0.2) === false
 */
export function covers(balance: number, requirement: number): boolean {
  return meets(balance - requirement, Math.max(Math.abs(balance), Math.abs(requirement)));
}
