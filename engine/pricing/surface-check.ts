/**
 * Numerical static-arbitrage checks of an implied-vol surface given as total variance w(k, τ)
 * (k = ln(K/F), τ in years), on a grid of log-moneyness and tenors:
 * - butterfly: Durrleman's condition g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2 ≥ 0
 *   (Gatheral & Jacquier 2014, Lemma 2.2: g ≥ 0 ⇔ the risk-neutral density is non-negative), with
 *   w′ and w″ by central differences;
 * - calendar: w(k, τ) non-decreasing in τ at every k (their Lemma 2.1: no calendar spread arbitrage).
 * It checks whatever function it is given, so it is independent of how the surface is built.
 */

export interface SurfaceViolation {
  readonly kind: "butterfly" | "calendar";
  /** Log-moneyness and tenor (years) where it was found (for calendar: the longer tenor). */
  readonly k: number;
  readonly tau: number;
  /** g(k) for a butterfly; w(k, τ) − w(k, τ_prev) for a calendar spread (negative). */
  readonly value: number;
}

const H = 1e-4;

/** Durrleman's g at k for the slice w(·). */
export function durrleman(w: (k: number) => number, k: number): number {
  const w0 = w(k);
  const wp = (w(k + H) - w(k - H)) / (2 * H);
  const wpp = (w(k + H) - 2 * w0 + w(k - H)) / (H * H);
  const a = 1 - (k * wp) / (2 * w0);
  return a * a - ((wp * wp) / 4) * (1 / w0 + 0.25) + wpp / 2;
}

/**
 * Violations on the grid `ks` × `taus` (taus ascending). `tol` absorbs finite-difference noise
 * (default 1e-6 on g, 1e-12 on w).
 */
export function surfaceArbitrage(
  w: (k: number, tau: number) => number,
  ks: readonly number[],
  taus: readonly number[],
  tol = 1e-6,
): SurfaceViolation[] {
  const out: SurfaceViolation[] = [];
  taus.forEach((tau, j) => {
    for (const k of ks) {
      const g = durrleman((x) => w(x, tau), k);
      if (g < -tol) out.push({ kind: "butterfly", k, tau, value: g });
      if (j === 0) continue;
      const dw = w(k, tau) - w(k, taus[j - 1] as number);
      if (dw < -1e-12) out.push({ kind: "calendar", k, tau, value: dw });
    }
  });
  return out;
}

/** `n` evenly spaced values from a to b inclusive. */
export function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}
