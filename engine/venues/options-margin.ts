/**
 * Option margin, marks and settlement, pure functions (REFERENCE "Options margin and conventions").
 *
 * Deribit-style standard margin for short options, inverse contracts, per 1 coin (third-party copy,
 * UNVERIFIED against today's rules — documented choice to follow REFERENCE):
 *   short call IM = max(0.15 − OTM/F, 0.10) + mark,            MM = 0.075 + mark;
 *   short put  IM = max(max(0.15 − OTM/F, 0.10) + mark, MM),   MM = max(0.075, 0.075·mark) + mark;
 * linear (USDC) variant (Aevo docs, api-docs.aevo.xyz/docs/standard-margin): short call
 *   IM = max(0.15 − OTM/S, 0.10)·S + mark, MM = 0.10·S + mark; short put
 *   IM = max(max(0.15 − OTM/S, 0.10)·S + mark, MM), MM = max(0.10·S, 0.10·mark) + mark.
 * Long options: premium only (no margin requirement).
 * OTM amount: call max(K − F, 0), put max(F − K, 0). Marks: Black-76 on the forward F = S·e^{rT};
 * inverse marks in coin = USD value / F; inverse call payoff in coin = max(S_T − K, 0)/S_T.
 */
import { type Greeks, priceBlack76 } from "../pricing/black.js";

/** The margin constants (REFERENCE defaults: 0.15, 0.10, MM 0.075 inverse / 0.10 linear). */
export interface OptionMarginParams {
  readonly imBase: number;
  readonly imFloor: number;
  readonly mm: number;
}

/** Initial and maintenance margin of one short unit. Caller-owned, reused. */
export interface UnitMargin {
  im: number;
  mm: number;
}

export function newUnitMargin(): UnitMargin {
  return { im: 0, mm: 0 };
}

function otmAmount(isCall: boolean, underlying: number, strike: number): number {
  const d = isCall ? strike - underlying : underlying - strike;
  return Math.max(d, 0);
}

/**
 * Inverse (coin-margined) short option, per coin; `mark` in coin, `fwd` the forward.
 * @example inverseShortMargin(true, 60000, 70000, 0.01, p, out) ⇒ IM 0.11, MM 0.085 (REFERENCE)
 */
export function inverseShortMargin(
  isCall: boolean,
  fwd: number,
  strike: number,
  mark: number,
  p: OptionMarginParams,
  out: UnitMargin,
): UnitMargin {
  return shortMargin(isCall, coreRate(isCall, fwd, strike, p), p.mm, mark, p.mm, out);
}

/** Linear (USDC-margined) short option, per unit of underlying; `mark` in USD. */
export function linearShortMargin(
  isCall: boolean,
  spot: number,
  strike: number,
  mark: number,
  p: OptionMarginParams,
  out: UnitMargin,
): UnitMargin {
  return shortMargin(isCall, coreRate(isCall, spot, strike, p) * spot, p.mm * spot, mark, p.mm, out);
}

/** max(imBase − OTM/underlying, imFloor): the IM rate on the underlying before the mark. */
function coreRate(isCall: boolean, underlying: number, strike: number, p: OptionMarginParams): number {
  return Math.max(p.imBase - otmAmount(isCall, underlying, strike) / underlying, p.imFloor);
}

/**
 * The standard rules in the margin unit (coin for inverse, USD for linear): short call
 * IM = core + mark, MM = base + mark; short put MM = max(base, mm·mark) + mark, IM = max(core + mark, MM).
 */
function shortMargin(
  isCall: boolean,
  core: number,
  base: number,
  mark: number,
  mm: number,
  out: UnitMargin,
): UnitMargin {
  if (isCall) {
    out.im = core + mark;
    out.mm = base + mark;
  } else {
    out.mm = Math.max(base, mm * mark) + mark;
    out.im = Math.max(core + mark, out.mm);
  }
  return out;
}

/**
 * Mark of one option unit: Black-76 on F = S·e^{rT}, in USD (linear) or coin = USD/F (inverse).
 * Writes price and Greeks of the USD value into `g`.
 */
export function optionMark(
  g: Greeks,
  isCall: boolean,
  spot: number,
  strike: number,
  years: number,
  rate: number,
  vol: number,
  inverse: boolean,
): number {
  const fwd = years > 0 ? spot * Math.exp(rate * years) : spot;
  const usd = priceBlack76(g, isCall, fwd, strike, years, rate, vol).price;
  return inverse ? usd / fwd : usd;
}

/** Payoff at expiry per unit: linear `max(±(S − K), 0)` USD; inverse the same divided by S (coin). */
export function optionPayoff(isCall: boolean, strike: number, settle: number, inverse: boolean): number {
  const d = isCall ? settle - strike : strike - settle;
  if (!(d > 0)) return 0;
  return inverse ? d / settle : d;
}
