/**
 * Implied volatility of a European option under generalised Black–Scholes (see black.ts).
 *
 * Method: Newton–Raphson on σ safeguarded by a bracket [lo, hi] that always contains the root
 * (price is strictly increasing in σ); a step that leaves the bracket or makes no progress is
 * replaced by bisection. Converges to |price error| < 1e-12·max(1, price) or a bracket width of 1e-12.
 *
 * No-arbitrage bounds (strict): call ∈ (max(0, S·e^{(b−r)T} − K·e^{−rT}), S·e^{(b−r)T}),
 * put ∈ (max(0, K·e^{−rT} − S·e^{(b−r)T}), K·e^{−rT}). Outside them no volatility reproduces the
 * price and the solver throws, naming the bound.
 */
import { BallastError } from "../errors.js";
import { newGreeks, priceBlack } from "./black.js";

export class ImpliedVolError extends BallastError {
  constructor(message: string) {
    super(message, 2);
  }
}

const MAX_VOL = 20;

/**
 * @throws ImpliedVolError when the price is outside the no-arbitrage bounds or inputs are invalid.
 * @example impliedVol(true, 21, 20, 0.25, 0.1, 0.1, 1.875) ≈ 0.235 (Hull)
 */
export function impliedVol(
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
  price: number,
): number {
  if (!(s > 0 && k > 0 && t > 0) || !Number.isFinite(price) || !Number.isFinite(r) || !Number.isFinite(b)) {
    throw new ImpliedVolError(
      `implied vol: need S > 0, K > 0, T > 0 and finite price/rates; got S=${s}, K=${k}, T=${t}, price=${price}`,
    );
  }
  const sc = s * Math.exp((b - r) * t);
  const kd = k * Math.exp(-r * t);
  const lower = Math.max(0, isCall ? sc - kd : kd - sc);
  const upper = isCall ? sc : kd;
  if (!(price > lower && price < upper)) {
    throw new ImpliedVolError(
      `implied vol: ${isCall ? "call" : "put"} price ${price} is outside the no-arbitrage bounds (${lower}, ${upper}); no volatility reproduces it`,
    );
  }
  // Below 1e-12 of its upper bound a price is lost in double-precision rounding of the formula.
  if (price < 1e-12 * upper) {
    throw new ImpliedVolError(
      `implied vol: ${isCall ? "call" : "put"} price ${price} is below 1e-12 of its upper bound ${upper}; too small to invert at double precision`,
    );
  }
  const g = newGreeks();
  let lo = 0;
  let hi = MAX_VOL;
  if (priceBlack(g, isCall, s, k, t, r, b, hi).price < price) {
    throw new ImpliedVolError(`implied vol: price ${price} needs a volatility above ${MAX_VOL * 100} %`);
  }
  // Brenner–Subrahmanyam start: σ ≈ √(2π/T)·price/S, clamped into the bracket.
  let sigma = Math.min(Math.max(Math.sqrt((2 * Math.PI) / t) * (price / sc), 0.01), 5);
  for (let iter = 0; iter < 200; iter++) {
    priceBlack(g, isCall, s, k, t, r, b, sigma);
    const diff = g.price - price;
    if (Math.abs(diff) <= 1e-12 * price) return sigma; // relative: prices of any scale
    if (diff > 0) hi = sigma;
    else lo = sigma;
    if (hi - lo < 1e-12) return 0.5 * (lo + hi);
    let next = g.vega > 0 ? sigma - diff / g.vega : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    sigma = next;
  }
  return sigma;
}
