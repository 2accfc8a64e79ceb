/**
 * Many paths of a cascade: path i's exogenous prices come from the market source (seeded by
 * (seed, i) only), so a path's result does not depend on how paths are split. Each path's outcome
 * is copied into row-per-path results before the next path reuses the state. A market that is
 * not random (a replay without a model) gives every path the same prices, hence the same outcome:
 * the first path of the block runs and the others are copies of it.
 */
import { allocMarket, type PathMarket, type TimeGrid } from "../market.js";
import type { MarketSource } from "../sim/config.js";
import { Cascade, type ExoPath } from "./cascade.js";
import type { SystemicConfig } from "./config.js";
import type { PathOutcome } from "./outcome.js";
import type { Population } from "./population.js";

/** Copies of each path's outcome, in path order. */
export interface CascadeRuns {
  readonly from: number;
  readonly outcomes: PathOutcome[];
  /** Per path, per profile bucket: the exogenous and the market price of each asset at the bucket's end. */
  readonly grid: TimeGrid;
}

/**
 * @param marketAsset for each population asset, its index in the market source (−1: the quote, priced 1).
 */
export function runCascadePaths(
  cfg: SystemicConfig,
  population: Population,
  market: MarketSource,
  grid: TimeGrid,
  marketAsset: readonly number[],
  from: number,
  to: number,
  onPath?: (done: number) => void,
): CascadeRuns {
  const cascade = new Cascade(cfg, population, grid);
  const pm: PathMarket = allocMarket(grid, market.assets);
  const exo: ExoPath = {
    grid,
    price: marketAsset.map((m) => (m >= 0 ? (pm.price[m] as Float64Array) : null)),
  };
  const outcomes: PathOutcome[] = [];
  for (let path = from; path < to; path++) {
    const first = outcomes[0];
    if (first !== undefined && !market.random) outcomes.push(copyOutcome(first));
    else {
      market.fill(path, pm);
      outcomes.push(copyOutcome(cascade.run(exo)));
    }
    onPath?.(path - from + 1);
  }
  return { from, outcomes, grid };
}

function copyOutcome(o: PathOutcome): PathOutcome {
  const out = { ...o };
  for (const [k, v] of Object.entries(o)) {
    if (v instanceof Float64Array) (out as Record<string, unknown>)[k] = v.slice();
  }
  return out;
}
