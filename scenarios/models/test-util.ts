/** Helpers shared by the model tests (not used by the engine). */
import type { Issue } from "../../engine/errors.js";
import type { TimeGrid } from "../../engine/market.js";
import { Rng } from "../../engine/rng.js";
import { priceModelKinds } from "./registry.js";
import type { ModelContext, PriceModel } from "./types.js";

export function buildModel(raw: Record<string, unknown>, ctx: ModelContext = {}): PriceModel {
  const issues: Issue[] = [];
  const c = priceModelKinds.read(raw, "model", issues);
  if (!c || issues.length > 0) throw new Error(JSON.stringify(issues));
  return c.def.create(c.params, ctx);
}

export interface Simulated {
  readonly price: Float64Array;
  readonly vol: Float64Array;
}

/** One path of `model` on `grid`, drivers and model draws from streams seeded by `seed`. */
export function simulate(model: PriceModel, grid: TimeGrid, seed: string, withVol = true): Simulated {
  const driver = new Rng(`${seed}/z`);
  const z = new Float64Array(grid.steps + 1);
  for (let i = 1; i <= grid.steps; i++) z[i] = driver.normal();
  const price = new Float64Array(grid.steps + 1);
  const vol = new Float64Array(grid.steps + 1);
  if (withVol) model.generate(grid, z, new Rng(`${seed}/model`), price, vol);
  else model.generate(grid, z, new Rng(`${seed}/model`), price);
  return { price, vol };
}

export function logReturns(price: Float64Array): Float64Array {
  const r = new Float64Array(price.length - 1);
  for (let i = 1; i < price.length; i++) r[i - 1] = Math.log((price[i] as number) / (price[i - 1] as number));
  return r;
}

/** Sample mean and its standard error (for i.i.d. samples, e.g. one value per independent path). */
export function meanSe(xs: ArrayLike<number>): { mean: number; se: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i] as number;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((xs[i] as number) - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (n - 1) / n) };
}
