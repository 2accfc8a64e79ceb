/**
 * Monte-Carlo price models (DESIGN: scenarios/models). A model fills one asset's price column on
 * the path's grid. Its main Brownian driver arrives as pre-drawn standard normals `z` (so the
 * caller can correlate several assets with a Cholesky factor); everything else a model needs
 * (jumps, a second Heston driver, regime switches, bootstrap picks) comes from `rng`, the asset's
 * own stream.
 */

import type { TimeGrid } from "../../engine/market.js";
import type { Rng } from "../../engine/rng.js";

export interface PriceModel {
  /** Price at grid point 0. */
  readonly spot: number;
  /** False when the model ignores `z` (e.g. bootstrap), so correlation cannot apply to it. */
  readonly usesDrivers: boolean;
  /**
   * Fills `out[0..grid.steps]`; `z[i]` (i ≥ 1) drives the step from point i−1 to i.
   * `volOut`, when given, receives the model's annualised instantaneous volatility per point.
   */
  generate(grid: TimeGrid, z: Float64Array, rng: Rng, out: Float64Array, volOut?: Float64Array): void;
}

/** What a model may need from outside the scenario file (supplied by the CLI, which does the I/O). */
export interface ModelContext {
  /** Historical log returns for bootstrap models, keyed by the data reference in the scenario. */
  readonly historicalReturns?: (ref: string) => Float64Array | undefined;
}
