/** Grid/time helpers shared by the shocks. */
import { InputError } from "../../engine/errors.js";
import type { PathMarket, TimeGrid } from "../../engine/market.js";
import type { ParamSpec } from "../../engine/params.js";
import type { Shock } from "./types.js";

/** Index of the first grid point at or after `offsetMs` from the start (may be > steps). */
export function firstIndexFrom(grid: TimeGrid, offsetMs: number): number {
  return Math.max(0, Math.ceil(offsetMs / grid.stepMs - 1e-9));
}

/** Column of `asset`; throws an InputError naming the asset when the path has none. */
export function assetColumn(market: PathMarket, assetIndex: (name: string) => number, asset: string): number {
  const k = assetIndex(asset);
  if (k < 0 || k >= market.price.length) {
    throw new InputError([
      {
        code: "unknown_asset",
        path: "market.shocks",
        message: `shock on asset "${asset}", which the market does not have; allowed: ${market.assets.join(", ")}`,
      },
    ]);
  }
  return k;
}

/**
 * Multiplies prices from `from` on by e^{L(t)}, L = `logShift(offsetMs)`. Log returns outside the
 * profile's ramps are unchanged, so the path continues from the shifted level.
 */
export function applyLogProfile(
  price: Float64Array,
  grid: TimeGrid,
  from: number,
  logShift: (offsetMs: number) => number,
): void {
  for (let i = from; i <= grid.steps; i++) {
    const l = logShift(i * grid.stepMs);
    if (l !== 0) price[i] = (price[i] as number) * Math.exp(l);
  }
}

/** Parameter specs used by several shocks. */
/**
 * A shock that adds the log-price profile `shift` (a function of time since `atMs`) to one asset
 * from `atMs` on: what crash and depeg share, differing only in their profile.
 */
export function logProfileShock(
  asset: string,
  atMs: number,
  shift: Parameters<typeof applyLogProfile>[3],
): Shock {
  return {
    apply(market, assetIndex) {
      const k = assetColumn(market, assetIndex, asset);
      applyLogProfile(market.price[k] as Float64Array, market.grid, firstIndexFrom(market.grid, atMs), shift);
    },
  };
}

export const common = {
  asset: { type: "string", description: "asset name as in market.assets" },
  at: {
    type: "duration",
    description: "when the shock starts, as an offset from the start (e.g. 10d)",
    min: 0,
  },
} as const satisfies Record<string, ParamSpec>;
