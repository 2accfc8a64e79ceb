/**
 * Realised-variance estimators over the latest n bars of a BarRing, each giving the variance of
 * one bar's log return (annualise with `annualisedVol`). Notation of bar-ring.ts: u = ln(H/O),
 * d = ln(L/O), c = ln(C/O), o = ln(O/C₋₁), r = o + c. All assume a driftless (or, Yang–Zhang and
 * close-to-close, any-drift) Brownian log price within the bar; the range estimators are biased
 * low when the high and low are sampled discretely (few readings a bar) rather than continuously.
 */
import { MS_PER_YEAR } from "../units.js";
import type { BarRing } from "./bar-ring.js";

export const ESTIMATORS = ["close-to-close", "parkinson", "garman-klass", "yang-zhang"] as const;
export type Estimator = (typeof ESTIMATORS)[number];

const LN2 = Math.LN2;

/**
 * Close-to-close, mean-adjusted with Bessel's n − 1 (the sample variance of the n bar returns):
 *   σ̂² = Σ (rᵢ − r̄)² / (n − 1).
 * Unbiased for i.i.d. returns whatever their drift; efficiency 1 by definition.
 */
export function closeToClose(bars: BarRing, n: number): number {
  let mean = 0;
  for (let j = 0; j < n; j++) mean += bars.ret(bars.at(n, j));
  mean /= n;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const e = bars.ret(bars.at(n, j)) - mean;
    ss += e * e;
  }
  return ss / (n - 1);
}

/**
 * Parkinson (1980), "The extreme value method for estimating the variance of the rate of return",
 * J. Business 53(1):61–65: σ̂² = (1 / (4 n ln 2)) Σ (uᵢ − dᵢ)², since E[(ln H/L)²] =
 * 4 ln 2 · σ²T for a driftless Brownian motion. Ignores the opening gap o.
 */
export function parkinson(bars: BarRing, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) {
    const i = bars.at(n, j);
    const r = (bars.u[i] as number) - (bars.d[i] as number);
    s += r * r;
  }
  return s / (4 * n * LN2);
}

/**
 * Garman & Klass (1980), "On the estimation of security price volatilities from historical data",
 * J. Business 53(1):67–78, their practical estimator (σ̂₅ with the cross term dropped):
 *   σ̂² = (1/n) Σ [ ½ (uᵢ − dᵢ)² − (2 ln 2 − 1) cᵢ² ].
 * Driftless Brownian motion, no opening gap (o is ignored).
 */
export function garmanKlass(bars: BarRing, n: number): number {
  const k = 2 * LN2 - 1;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const i = bars.at(n, j);
    const r = (bars.u[i] as number) - (bars.d[i] as number);
    const c = bars.c[i] as number;
    s += 0.5 * r * r - k * c * c;
  }
  return s / n;
}

/**
 * Yang & Zhang (2000), "Drift independent volatility estimation based on high, low, open, and
 * close prices", J. Business 73(3):477–491:
 *   σ̂² = σ̂ₒ² + k σ̂꜀² + (1 − k) σ̂²_RS,  k = 0.34 / (1.34 + (n + 1)/(n − 1)),
 * σ̂ₒ², σ̂꜀²: sample variances (n − 1) of the opening gaps oᵢ and the open-to-close returns cᵢ;
 * σ̂²_RS = (1/n) Σ [uᵢ(uᵢ − cᵢ) + dᵢ(dᵢ − cᵢ)] (Rogers & Satchell 1991). The k, (α − 1)/(α + (n+1)/(n−1))
 * with α = 1.34, minimises the estimator's variance. Unbiased for any drift and any opening gap.
 */
export function yangZhang(bars: BarRing, n: number): number {
  let mo = 0;
  let mc = 0;
  let rs = 0;
  for (let j = 0; j < n; j++) {
    const i = bars.at(n, j);
    const u = bars.u[i] as number;
    const d = bars.d[i] as number;
    const c = bars.c[i] as number;
    mo += bars.o[i] as number;
    mc += c;
    rs += u * (u - c) + d * (d - c);
  }
  mo /= n;
  mc /= n;
  let so = 0;
  let sc = 0;
  for (let j = 0; j < n; j++) {
    const i = bars.at(n, j);
    const eo = (bars.o[i] as number) - mo;
    const ec = (bars.c[i] as number) - mc;
    so += eo * eo;
    sc += ec * ec;
  }
  const k = 0.34 / (1.34 + (n + 1) / (n - 1));
  return so / (n - 1) + k * (sc / (n - 1)) + (1 - k) * (rs / n);
}

/** Per-bar variance of the latest n bars by the named estimator (n ≥ 2 and ≤ bars.size). */
export function barVariance(bars: BarRing, estimator: Estimator, n: number): number {
  switch (estimator) {
    case "close-to-close":
      return closeToClose(bars, n);
    case "parkinson":
      return parkinson(bars, n);
    case "garman-klass":
      return garmanKlass(bars, n);
    case "yang-zhang":
      return yangZhang(bars, n);
  }
}

/**
 * Annualised volatility from a per-bar variance: √(v · year / bar), with a 365-day year
 * (engine/units.ts MS_PER_YEAR: crypto trades every day). A negative estimate (Garman–Klass can
 * give one on a window of tiny ranges) is floored at 0.
 */
export function annualisedVol(perBarVariance: number, barMs: number): number {
  return Math.sqrt(Math.max(0, perBarVariance) * (MS_PER_YEAR / barMs));
}
