/**
 * Pricing one fill against an impact model and a fee schedule, into a caller-owned result (no
 * allocation on the hot path). Pure: it does not move a stateful model; after executing, the caller
 * calls `impact.onFill(result.filledQty, mid, t)`.
 *
 * - The order fills up to the model's capacity on its side: filledQty = sign(qty)·min(|qty|, cap);
 *   a partial fill has reason "partial", and none at all (cap ≤ 0) is rejected, "no_liquidity".
 * - avgPrice = mid·(1 + sign·impact); for sells the concession is capped at 1 (price ≥ 0).
 * - slippageQuote = |filledQty|·|avgPrice − mid| ≥ 0; feeQuote = |filledQty|·avgPrice·fee, with the
 *   maker or taker fee (fees charged on filled notional, as on the venues in REFERENCE: Fees).
 * - qty = 0 fills nothing and costs nothing; a non-positive or non-finite mid is rejected, "bad_price".
 */
import type { FeeSchedule, ImpactModel } from "./types.js";

export type FillReason = "ok" | "partial" | "no_liquidity" | "bad_price";

export class FillQuote {
  /** Signed, same sign as the order; |filledQty| ≤ |qty|. */
  filledQty = 0;
  avgPrice = 0;
  /** Cost of the price concession against mid, in quote (≥ 0). */
  slippageQuote = 0;
  /** Fee in quote (≥ 0). */
  feeQuote = 0;
  rejected = false;
  reason: FillReason = "ok";
}

export function quoteFill(
  qty: number,
  mid: number,
  t: number,
  impact: ImpactModel,
  fees: FeeSchedule,
  isMaker = false,
  out: FillQuote = new FillQuote(),
): FillQuote {
  out.filledQty = 0;
  out.avgPrice = mid;
  out.slippageQuote = 0;
  out.feeQuote = 0;
  out.rejected = false;
  out.reason = "ok";
  if (!(mid > 0) || !Number.isFinite(mid)) {
    out.rejected = true;
    out.reason = "bad_price";
    return out;
  }
  if (qty === 0) return out;
  const cap = impact.capacity(qty, mid, t);
  if (!(cap > 0)) {
    out.rejected = true;
    out.reason = "no_liquidity";
    return out;
  }
  const size = Math.abs(qty);
  const filled = Math.min(size, cap);
  if (filled < size) out.reason = "partial";
  const sign = qty > 0 ? 1 : -1;
  let imp = impact.impact(sign * filled, mid, t);
  if (sign < 0 && imp > 1) imp = 1;
  out.filledQty = sign * filled;
  out.avgPrice = mid * (1 + sign * imp);
  out.slippageQuote = filled * mid * imp;
  out.feeQuote = filled * out.avgPrice * (isMaker ? fees.maker : fees.taker);
  return out;
}
