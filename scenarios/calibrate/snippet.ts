/** Renders a calibration as a scenario fragment for `market.assets`. */
import type { CalibratedKind } from "./types.js";

/** Six significant digits, no trailing zeros, no exponent for ordinary magnitudes. */
export function formatNumber(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e15) return String(Number(x.toPrecision(6)));
  return x.toExponential(5).replace(/\.?0+e/, "e");
}

/**
 * YAML flow mapping for one asset, e.g. `ETH: { model: { kind: gbm, spot: 2650.5, drift: 0.1, vol: 0.8 } }`,
 * which pastes under `market.assets`; `text` adds fields written as is (e.g. garch's `step: 1d`).
 * @example toScenarioSnippet("ETH", "gbm", { spot: 3000, drift: 0, vol: 0.8 })
 *   === "ETH: { model: { kind: gbm, spot: 3000, drift: 0, vol: 0.8 } }"
 */
export function toScenarioSnippet(
  asset: string,
  model: CalibratedKind,
  params: Readonly<Record<string, number>>,
  text: Readonly<Record<string, string>> = {},
): string {
  const fields = [
    ...Object.entries(params).map(([k, v]) => `${k}: ${formatNumber(v)}`),
    ...Object.entries(text).map(([k, v]) => `${k}: ${v}`),
  ];
  const key = /^[A-Za-z_][\w.-]*$/.test(asset) ? asset : JSON.stringify(asset);
  return `${key}: { model: { kind: ${model}, ${fields.join(", ")} } }`;
}
