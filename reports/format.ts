/**
 * Locale-independent number formatting for reports (never `toLocaleString`, whose output depends
 * on the machine's ICU data and locale): `,` thousands separators and `.` decimals.
 */

/** Shown where a figure is undefined (null, NaN, missing). */
export const NO_VALUE = "–";

/**
 * Fixed decimals with thousands separators. Magnitudes too small to show at `decimals` (but not 0)
 * use 3 significant digits; magnitudes ≥ 1e15 use exponent notation.
 * @example formatNumber(-1234567.891) // "-1,234,567.89"
 * @example formatNumber(0.000123) // "0.000123"
 */
export function formatNumber(x: number | null | undefined, decimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  const abs = Math.abs(x);
  if (abs >= 1e15) return x.toExponential(3);
  if (abs === 0) return (0).toFixed(decimals);
  if (abs < 0.5 * 10 ** -decimals) return abs < 1e-6 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
  return group(x.toFixed(decimals));
}

/** An integer with thousands separators. @example formatInteger(1000000) // "1,000,000" */
export function formatInteger(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  return group(Math.round(x).toFixed(0));
}

/** A probability as a percentage. @example formatPercent(0.05) // "5 %" */
export function formatPercent(p: number): string {
  return `${Number((p * 100).toPrecision(12))} %`;
}

function group(fixed: string): string {
  const [int = "", frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign === "" ? int : int.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const out = `${sign}${grouped}${frac === undefined ? "" : `.${frac}`}`;
  return /^-[0.,]*$/.test(out) ? out.slice(1) : out;
}
