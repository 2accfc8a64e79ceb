/**
 * Generalised Black–Scholes–Merton with cost of carry b (Haug, *The Complete Guide to Option
 * Pricing Formulas*, 2nd ed., §1.1.6):
 *   d₁ = (ln(S/K) + (b + σ²/2)T) / (σ√T),  d₂ = d₁ − σ√T
 *   call = S·e^{(b−r)T}·N(d₁) − K·e^{−rT}·N(d₂),  put = K·e^{−rT}·N(−d₂) − S·e^{(b−r)T}·N(−d₁)
 * b = r: Black–Scholes on a non-dividend asset; b = r − q: Merton; b = 0: Black-76 on a forward or
 * future F (pass F as S); b = r − r_f: Garman–Kohlhagen.
 *
 * One call computes price and all Greeks from a single d₁, N(d₁), φ(d₁) (DESIGN: compute each
 * quantity once per step) and writes them into a caller-owned object, so the hot loop allocates nothing.
 */
import { INV_SQRT_2PI, normCdfGivenExp } from "./normal.js";

export interface Greeks {
  price: number;
  /** ∂V/∂S. */
  delta: number;
  /** ∂²V/∂S². */
  gamma: number;
  /** ∂V/∂σ per unit of volatility (1.00 = 100 vol points). */
  vega: number;
  /** ∂V/∂t per year of calendar time (= −∂V/∂T). */
  theta: number;
  /** ∂V/∂r per unit rate: K·T·e^{−rT}·N(d₂) for calls when b ≠ 0, −T·V when b = 0 (Haug). */
  rho: number;
  /** ∂²V/∂S∂σ = −e^{(b−r)T}·φ(d₁)·d₂/σ, calls and puts alike (Haug §2.2.3 "DdeltaDvol"). */
  vanna: number;
  /** ∂²V/∂σ² = vega·d₁·d₂/σ, calls and puts alike (Haug §2.2.5 "DvegaDvol", vomma/volga). */
  volga: number;
}

export function newGreeks(): Greeks {
  return { price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, vanna: 0, volga: 0 };
}

/**
 * Prices a European option and its Greeks into `out`.
 * At or after expiry (T ≤ 0) or with zero volatility the option is worth its (discounted) intrinsic
 * value on the forward, with a step delta and zero gamma/vega.
 * @param isCall true for a call, false for a put
 * @param s spot (or forward, with b = 0); k strike; t years to expiry; r rate; b cost of carry; sigma vol
 */
export function priceBlack(
  out: Greeks,
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
  sigma: number,
): Greeks {
  // Skip the exponentials whose exponent is zero (b = r, r = 0: the common cases in the hot loop).
  const carry = t > 0 && b !== r ? Math.exp((b - r) * t) : 1;
  const disc = t > 0 && r !== 0 ? Math.exp(-r * t) : 1;
  const sqrtT = t > 0 ? Math.sqrt(t) : 0;
  const vsqrt = sigma * sqrtT;
  if (!(vsqrt > 0)) return intrinsic(out, isCall, s * (t > 0 ? Math.exp(b * t) : 1), k, disc, carry, t, r, b);
  const d1 = (Math.log(s / k) + (b + 0.5 * sigma * sigma) * t) / vsqrt;
  const d2 = d1 - vsqrt;
  const e1 = Math.exp(-0.5 * d1 * d1);
  const pdf = INV_SQRT_2PI * e1;
  const sc = s * carry;
  const kd = k * disc;
  // e^{−d₂²/2} = e^{−d₁²/2}·S·e^{(b−r)T}/(K·e^{−rT}) (the identity behind K·e^{−rT}·φ(d₂) = S·e^{(b−r)T}·φ(d₁)).
  const e2 = Math.min((e1 * sc) / kd, 1);
  const decay = -(sc * pdf * sigma) / (2 * sqrtT);
  out.gamma = (carry * pdf) / (s * vsqrt);
  out.vega = sc * pdf * sqrtT;
  out.vanna = (-carry * pdf * d2) / sigma;
  out.volga = (out.vega * d1 * d2) / sigma;
  if (isCall) {
    const nd1 = normCdfGivenExp(d1, e1);
    const nd2 = normCdfGivenExp(d2, e2);
    out.price = sc * nd1 - kd * nd2;
    out.delta = carry * nd1;
    out.theta = decay - (b - r) * sc * nd1 - r * kd * nd2;
    out.rho = b !== 0 ? t * kd * nd2 : -t * out.price;
  } else {
    // N(−d) directly (the same tail the CDF computes), not 1 − N(d): no cancellation deep OTM.
    const nm1 = normCdfGivenExp(-d1, e1);
    const nm2 = normCdfGivenExp(-d2, e2);
    out.price = kd * nm2 - sc * nm1;
    out.delta = -carry * nm1;
    out.theta = decay + (b - r) * sc * nm1 + r * kd * nm2;
    out.rho = b !== 0 ? -t * kd * nm2 : -t * out.price;
  }
  return out;
}

/**
 * At or after expiry, or with zero vol: discounted intrinsic value on the forward, step delta.
 * With time left (zero vol) the value e^{−rT}·max(±(F − K), 0) still moves with T and r: theta and
 * rho are the σ → 0 limits of the formulas above (N(±d) → 1 in the money, 0 out of it).
 */
function intrinsic(
  out: Greeks,
  isCall: boolean,
  fwd: number,
  k: number,
  disc: number,
  carry: number,
  t: number,
  r: number,
  b: number,
): Greeks {
  const itm = isCall ? fwd > k : fwd < k;
  const sc = fwd * disc; // S·e^{(b−r)T}
  const kd = k * disc;
  out.price = itm ? (isCall ? sc - kd : kd - sc) : 0;
  out.delta = itm ? (isCall ? carry : -carry) : 0;
  out.gamma = 0;
  out.vega = 0;
  out.vanna = 0;
  out.volga = 0;
  const live = itm && t > 0;
  out.theta = live ? (isCall ? -(b - r) * sc - r * kd : (b - r) * sc + r * kd) : 0;
  out.rho = live ? (b !== 0 ? (isCall ? t * kd : -t * kd) : -t * out.price) : 0;
  return out;
}

/** Black-76 on a forward F: `priceBlack` with b = 0 (REFERENCE: C = e^{−rT}[F·N(d₁) − K·N(d₂)]). */
export function priceBlack76(
  out: Greeks,
  isCall: boolean,
  f: number,
  k: number,
  t: number,
  r: number,
  sigma: number,
): Greeks {
  return priceBlack(out, isCall, f, k, t, r, 0, sigma);
}

/** Price only, for callers that need no Greeks (allocates a Greeks object: not for hot loops). */
export function blackPrice(
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
  sigma: number,
): number {
  return priceBlack(newGreeks(), isCall, s, k, t, r, b, sigma).price;
}
