/**
 * What the engine consumes as "the market" of one path: prices of each asset on one time grid.
 * Monte-Carlo models (scenarios/models) and historical replay (data/) both produce this shape, so
 * the same event loop runs over either (DESIGN: data flow).
 */

/** A regular grid: point i is at `startMs + i·stepMs`, i = 0 … steps. */
export interface TimeGrid {
  readonly startMs: number;
  readonly stepMs: number;
  readonly steps: number;
}

/** One path's market, column-oriented. Every array has `grid.steps + 1` entries. */
export interface PathMarket {
  readonly grid: TimeGrid;
  readonly assets: readonly string[];
  /** Market (mid) price of each asset in the quote currency, per grid point. */
  readonly price: Float64Array[];
  /** Optional per-asset annualised volatility (e.g. Heston's √v, or a replayed implied vol). */
  readonly vol?: readonly (Float64Array | undefined)[];
  /**
   * Optional per-asset ATM implied vol at the reference tenor (written by the scenario's implied-vol
   * model, scenarios/iv); undefined for an asset whose options keep their own fixed vol.
   */
  readonly iv?: readonly (Float64Array | undefined)[];
  /** Optional per-asset perp funding rate per funding interval (replayed or shocked). */
  readonly funding?: readonly (Float64Array | undefined)[];
}

export function gridTime(grid: TimeGrid, i: number): number {
  return grid.startMs + i * grid.stepMs;
}

export function gridEndMs(grid: TimeGrid): number {
  return grid.startMs + grid.steps * grid.stepMs;
}

/** Index of the last grid point at or before `t` (clamped to the grid). */
export function gridIndexAtOrBefore(grid: TimeGrid, t: number): number {
  const i = Math.floor((t - grid.startMs) / grid.stepMs);
  return i < 0 ? 0 : Math.min(i, grid.steps);
}

/** Allocates price (and optionally vol and implied-vol) columns for `assets` on `grid`. */
export function allocMarket(
  grid: TimeGrid,
  assets: readonly string[],
  withVol = false,
  withIv = false,
): PathMarket {
  const n = grid.steps + 1;
  return {
    grid,
    assets,
    price: assets.map(() => new Float64Array(n)),
    ...(withVol ? { vol: assets.map(() => new Float64Array(n)) } : {}),
    ...(withIv ? { iv: assets.map(() => new Float64Array(n)) } : {}),
  };
}
