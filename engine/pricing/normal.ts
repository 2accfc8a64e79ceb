/**
 * Standard normal density and distribution function.
 *
 * `normCdf` is Hart's (1968) double-precision algorithm as given by G. West, "Better approximations
 * to cumulative normal functions", Wilmott Magazine (2005), fig. 2: absolute error below 1e-14,
 * enough for implied-volatility inversion deep in the wings.
 */
export const INV_SQRT_2PI = 0.3989422804014327;

/** φ(x) = e^{−x²/2}/√(2π). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Φ(x), the standard normal CDF.
 * @example normCdf(0) === 0.5; normCdf(1.96) ≈ 0.9750021048517795
 */
export function normCdf(x: number): number {
  return normCdfGivenExp(x, Math.exp(-0.5 * x * x));
}

/**
 * Φ(x) when e = e^{−x²/2} is already known (e.g. from φ(x) = e/√(2π)), saving the exponential.
 * Callers with x beyond ±37 may pass any e: the result is then exactly 0 or 1.
 */
export function normCdfGivenExp(x: number, e: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) {
    c = 0;
  } else if (a < 7.07106781186547) {
    let n = 3.52624965998911e-2 * a + 0.700383064443688;
    n = n * a + 6.37396220353165;
    n = n * a + 33.912866078383;
    n = n * a + 112.079291497871;
    n = n * a + 221.213596169931;
    n = n * a + 220.206867912376;
    let d = 8.83883476483184e-2 * a + 1.75566716318264;
    d = d * a + 16.064177579207;
    d = d * a + 86.7807322029461;
    d = d * a + 296.564248779674;
    d = d * a + 637.333633378831;
    d = d * a + 793.826512519948;
    d = d * a + 440.413735824752;
    c = (e * n) / d;
  } else {
    let b = a + 0.65;
    b = a + 4 / b;
    b = a + 3 / b;
    b = a + 2 / b;
    b = a + 1 / b;
    c = e / b / 2.506628274631;
  }
  return x > 0 ? 1 - c : c;
}
