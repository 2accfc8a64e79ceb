/**
 * The market of a compiled scenario: a Monte-Carlo model per asset (correlated, shocks overlaid) or
 * a historical replay, wrapped with the assets' implied-vol models, checked on a dry first path.
 */
import { InputError, type Issue } from "../engine/errors.js";
import type { ImpliedVolSurface } from "../engine/iv/surface.js";
import { allocMarket, type PathMarket, type TimeGrid } from "../engine/market.js";
import type { MarketSource } from "../engine/sim/config.js";
import { checkIvColumns, checkIvSurfaces, ImpliedVolMarket } from "../scenarios/iv/market.js";
import { ModelMarket } from "../scenarios/model-market.js";
import type { ModelContext, PriceModel } from "../scenarios/models/types.js";
import type { Scenario } from "../scenarios/schema/types.js";
import { fundingColumn } from "../scenarios/shocks/funding-spike.js";
import type { Shock } from "../scenarios/shocks/types.js";
import { build } from "./compile.js";
import { KINDS } from "./kinds.js";

export interface CompiledMarket {
  readonly source: MarketSource;
  /** Per asset: the surface its options are marked on (null: each option's own vol). */
  readonly surfaces: readonly (ImpliedVolSurface | null)[];
}

/**
 * @throws InputError when the dry first path breaks a bound: prices not positive or above 1e15,
 *   implied vols not finite in [0, 20], a generated surface that admits static arbitrage.
 */
export function compileMarket(
  s: Scenario,
  grid: TimeGrid,
  seed: number,
  replay: PathMarket | undefined,
  ctx: ModelContext,
): CompiledMarket {
  const assets = s.market.assetNames;
  const ivModels = assets.map((name) => {
    const src = s.market.assets[name];
    return src?.iv ? build(KINDS.impliedVol, src.iv, src.model ? { priceModel: src.model } : {}) : undefined;
  });
  const withIv = ivModels.some((m) => m !== undefined);
  const base = replay ? replaySource(replay, shocksOf(s)) : modelSource(s, grid, seed, ctx);
  const source = withIv ? new ImpliedVolMarket(base, ivModels, grid, seed) : base;
  const dry = allocMarket(grid, assets, true, withIv); // a dry path: shocks and models check their inputs
  source.fill(0, dry);
  checkPrices(dry);
  checkIvColumns(dry, ivModels);
  checkIvSurfaces(dry, ivModels, s.market.rate);
  return { source, surfaces: ivModels.map((m) => m?.surface ?? null) };
}

function modelSource(s: Scenario, grid: TimeGrid, seed: number, ctx: ModelContext): MarketSource {
  const models = s.market.assetNames.map((name) => {
    const src = s.market.assets[name];
    if (!src?.model) {
      throw new InputError([
        {
          code: "mixed_market",
          path: `market.assets.${name}`,
          message:
            "a replayed asset cannot be mixed with Monte-Carlo models in one scenario; allowed: all assets `model`, or all `data`",
        },
      ]);
    }
    return build(KINDS.priceModels, src.model, ctx) as PriceModel;
  });
  return new ModelMarket(s.market.assetNames, models, s.market.correlation, grid, seed, shocksOf(s));
}

function shocksOf(s: Scenario): Shock[] {
  return s.market.shocks.map((c) => build(KINDS.shocks, c, undefined) as Shock);
}

/**
 * The dry path's prices must be positive and at most 1e15 (far above any quote, far below where
 * PnL sums overflow): parameters that break that (a spot of 1e308, a vol of 1e6) are bad input
 * named at the asset, not NaN in the results.
 */
const MAX_PRICE = 1e15;

function checkPrices(m: PathMarket): void {
  const issues: Issue[] = [];
  m.assets.forEach((name, a) => {
    const p = m.price[a] as Float64Array;
    const i = p.findIndex((x) => !(x > 0 && x <= MAX_PRICE));
    if (i < 0) return;
    issues.push({
      code: "out_of_range",
      path: `market.assets.${name}`,
      message: `the first path's price at step ${i} is ${p[i]}; allowed: parameters (and shocks) that keep prices positive and at most ${MAX_PRICE}`,
    });
  });
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * A historical replay: the same market on every path, its prices, vols and funding rates copied,
 * then the scenario's shocks (and presets) overlaid, as on a model's paths.
 */
function replaySource(m: PathMarket, shocks: readonly Shock[]): MarketSource {
  const index = (name: string) => m.assets.indexOf(name);
  return {
    assets: m.assets,
    random: false,
    fill(_path: number, out: PathMarket) {
      for (let a = 0; a < m.assets.length; a++) {
        (out.price[a] as Float64Array).set(m.price[a] as Float64Array);
        const vol = out.vol?.[a];
        if (vol) {
          const src = m.vol?.[a];
          if (src) vol.set(src);
          else vol.fill(Number.NaN);
        }
        const funding = m.funding?.[a];
        if (funding) fundingColumn(out, a).set(funding);
        else out.funding?.[a]?.fill(Number.NaN);
      }
      for (const s of shocks) s.apply(out, index);
    },
  };
}
