/**
 * Price-model parameters that only hold on one grid step. GARCH's α and β are per step of the data
 * they were fitted on: on another `clock.step` the same numbers are other dynamics (persistence per
 * hour is not persistence per day), so a garch model that names its fitted `step` (ballast calibrate
 * writes it) must run on that clock step, or the scenario is refused — rescaling α and β across
 * steps has no exact form (GARCH is not closed under temporal aggregation: Drost & Nijman,
 * Econometrica 61, 1993). Heston paths use full-truncation Euler, whose discretisation bias grows
 * with the step: about 0.3 % of an at-the-money call's price at weekly steps and 2.9 % at monthly
 * ones against the closed-form price (Heston 1993); coarse steps draw a warning.
 */
import type { Issue } from "../../engine/errors.js";
import { formatDuration, MS_PER_WEEK } from "../../engine/units.js";
import type { ClockSpec, Scenario } from "./types.js";

/** Steps from which Heston's Euler bias is worth a warning (≈ 0.3 % of an ATM call at 1w). */
export const HESTON_COARSE_STEP_MS = MS_PER_WEEK;

export function hestonStepWarning(stepMs: number): string {
  return `Heston paths use full-truncation Euler, whose bias grows with the step: on ${formatDuration(stepMs)} steps expect it near 0.3 % of an at-the-money call's price at 1w and 2.9 % at 4w; use a clock.step of 1d or finer`;
}

/** Refuses a garch model whose fitted `step` differs from `clock.step`. */
export function checkModelSteps(
  market: Scenario["market"],
  clock: ClockSpec | undefined,
  issues: Issue[],
): void {
  if (clock === undefined) return;
  for (const name of market.assetNames) {
    const model = market.assets[name]?.model;
    const step = model?.params["step"];
    if (model?.kind !== "garch" || typeof step !== "number" || step === clock.stepMs) continue;
    issues.push({
      code: "step_mismatch",
      path: `market.assets.${name}.model.step`,
      message: `alpha and beta were fitted on ${formatDuration(step)} steps but clock.step is ${formatDuration(clock.stepMs)}; they are per step, so the dynamics would change; allowed: clock.step: ${formatDuration(step)}, or a fit on ${formatDuration(clock.stepMs)} data`,
    });
  }
}

/** Warnings a run of this scenario deserves (printed by validate and run, never fatal). */
export function modelStepWarnings(s: Pick<Scenario, "market" | "clock">): string[] {
  if (s.clock === undefined || s.clock.stepMs < HESTON_COARSE_STEP_MS) return [];
  return s.market.assetNames
    .filter((n) => s.market.assets[n]?.model?.kind === "heston")
    .map((n) => `market.assets.${n}: ${hestonStepWarning(s.clock?.stepMs ?? 0)}`);
}
