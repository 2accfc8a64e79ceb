/**
 * Shocks (DESIGN: scenarios/shocks) overlay stress on an already generated or replayed path, in
 * place, after the price model ran and before the event loop starts. They are plain data with a
 * `kind` (crash, depeg, vol-spike, funding-spike), deterministic (no randomness at all) and keep
 * prices positive. Times are offsets from the grid start (`at: 10d`).
 */
import type { PathMarket } from "../../engine/market.js";

export interface Shock {
  /**
   * Transforms `market` in place. `assetIndex(name)` gives the column of an asset, or a negative
   * number when the path has no such asset (the shock then throws an InputError naming it).
   */
  apply(market: PathMarket, assetIndex: (name: string) => number): void;
}
