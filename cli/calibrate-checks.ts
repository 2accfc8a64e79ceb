/**
 * What `ballast calibrate` adds to a fit before printing it: the drift fixed at zero on request,
 * a warning when the fitted drift is large, the step GARCH's α and β refer to, and a warning when
 * Heston's full-truncation Euler scheme would run on coarse steps.
 */

import { formatDuration, MS_PER_YEAR } from "../engine/units.js";
import type { Calibration } from "../scenarios/calibrate/index.js";
import { HESTON_COARSE_STEP_MS, hestonStepWarning } from "../scenarios/schema/model-steps.js";
import type { CalibrationOutput } from "./calibrate.js";

export interface FitChoices {
  readonly zeroDrift?: boolean;
}

/** |μ| above this (per year) is flagged: 100 %/yr is beyond any drift a quant would plan on. */
export const LARGE_DRIFT = 1;

export function adjustFit(fit: Calibration, stepMs: number, choices: FitChoices): CalibrationOutput {
  const drift = fit.params["drift"] ?? 0;
  const warnings: string[] = [];
  const notes = [...fit.notes];
  let params = fit.params;
  if (choices.zeroDrift) {
    params = { ...params, drift: 0 };
    notes.push(`drift fixed at 0 (--zero-drift); the fit gave ${pct(drift)}/yr`);
  } else if (Math.abs(drift) > LARGE_DRIFT) {
    const years = (fit.n * stepMs) / MS_PER_YEAR;
    warnings.push(
      `the fitted drift is ${pct(drift)}/yr over ${years.toFixed(1)} years of data (standard error ≈ ${pct(driftSe(fit, years))}/yr); a drift this large is mostly the sample's luck and compounds into every path: --zero-drift fixes it at 0`,
    );
  }
  if (fit.model === "heston" && stepMs >= HESTON_COARSE_STEP_MS) warnings.push(hestonStepWarning(stepMs));
  const text: Record<string, string> = fit.model === "garch" ? { step: formatDuration(stepMs) } : {};
  return { fit: { ...fit, params, notes }, text, warnings };
}

/** se(μ̂) ≈ σ/√T (T in years): the drift's standard error for a diffusion observed over T. */
function driftSe(fit: Calibration, years: number): number {
  const vol = fit.params["vol"] ?? Math.sqrt(fit.params["theta"] ?? 0);
  return vol / Math.sqrt(years);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)} %`;
}
