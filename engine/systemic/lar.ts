/**
 * The liquidations-at-risk curve: for each price drop d, every risky asset falls by d in one step
 * from its start price and stays there for `holdSteps` steps (so delayed liquidations land), and
 * the cascade runs twice — through the configured markets (with feedback) and through markets of
 * infinite depth (without feedback: the sales move no price). Each run reports the collateral
 * seized (quote, at the oracle price when seized), the loss, and the lowest market price. Gas stays
 * at its base price plus the pending-queue term (the jump is not read as volatility).
 */
import { Cascade, type ExoPath } from "./cascade.js";
import type { SystemicConfig } from "./config.js";
import type { Population } from "./population.js";

export interface LarPoint {
  readonly drop: number;
  readonly seizedFeedback: number;
  readonly seizedNoFeedback: number;
  readonly badDebtFeedback: number;
  readonly badDebtNoFeedback: number;
  /** Lowest market price / start of the main asset, with feedback. */
  readonly marketDropFeedback: number;
  readonly liquidationsFeedback: number;
  readonly liquidationsNoFeedback: number;
}

export function larCurve(
  cfg: SystemicConfig,
  population: Population,
  startPrices: Float64Array,
  mainAsset: number,
  drops: readonly number[],
  stepMs: number,
  holdSteps: number,
): LarPoint[] {
  const grid = { startMs: 0, stepMs, steps: holdSteps };
  // A one-step jump would read as a huge "move" to the congestion rule: gas stays at its base here.
  const calm: SystemicConfig = { ...cfg, chain: { ...cfg.chain, gasPerMove: 0 } };
  const deep: SystemicConfig = {
    ...calm,
    pools: cfg.pools.map((p) => (p ? { ...p, depthQuote: Number.POSITIVE_INFINITY } : null)),
  };
  const withFeedback = new Cascade(calm, population, grid);
  const without = new Cascade(deep, population, grid);
  return drops.map((drop) => {
    const exo = shockPath(cfg, startPrices, drop, grid);
    const f = withFeedback.run(exo);
    const point = {
      drop,
      seizedFeedback: f.collateralSeized,
      badDebtFeedback: f.badDebt + f.shortfall,
      marketDropFeedback: 1 - (f.marketLow[mainAsset] as number),
      liquidationsFeedback: f.liquidations,
    };
    const n = without.run(exo);
    return {
      ...point,
      seizedNoFeedback: n.collateralSeized,
      badDebtNoFeedback: n.badDebt + n.shortfall,
      liquidationsNoFeedback: n.liquidations,
    };
  });
}

function shockPath(cfg: SystemicConfig, start: Float64Array, drop: number, grid: ExoPath["grid"]): ExoPath {
  return {
    grid,
    price: cfg.assets.map((_, k) => {
      if (k === cfg.quote || cfg.pools[k] === null) return null;
      const col = new Float64Array(grid.steps + 1).fill((start[k] as number) * (1 - drop));
      col[0] = start[k] as number;
      return col;
    }),
  };
}
