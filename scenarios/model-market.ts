/**
 * The Monte-Carlo market of a scenario: every asset's model, correlated through one driver stream,
 * then the shocks overlaid. Path i draws from streams derived from (seed, i) only: the drivers
 * from "prices", asset k's own extras (jumps, second Heston driver…) from "prices/<asset>".
 */
import { InputError, type Issue } from "../engine/errors.js";
import type { PathMarket, TimeGrid } from "../engine/market.js";
import { type Rng, streamFor } from "../engine/rng.js";
import type { MarketSource } from "../engine/sim/config.js";
import { type CorrelationScratch, correlationScratch, generateCorrelated } from "./models/correlated.js";
import type { PriceModel } from "./models/types.js";
import { YieldBearingModel } from "./models/yield-bearing.js";
import type { Shock } from "./shocks/types.js";

export class ModelMarket implements MarketSource {
  readonly random = true;
  private readonly scratch: CorrelationScratch;
  /** [yield-bearing asset, its underlying] column pairs. */
  private readonly derived: readonly [number, number][];

  constructor(
    readonly assets: readonly string[],
    private readonly models: readonly PriceModel[],
    correlation: readonly (readonly number[])[] | undefined,
    private readonly grid: TimeGrid,
    private readonly seed: number,
    private readonly shocks: readonly Shock[],
  ) {
    this.scratch = correlationScratch(models, correlation, grid.steps, "market.correlation");
    this.derived = derivedColumns(assets, models);
  }

  fill(path: number, out: PathMarket): void {
    const rngs: Rng[] = this.assets.map((a) => streamFor(this.seed, path, `prices/${a}`));
    generateCorrelated(
      this.models,
      this.grid,
      rngs,
      streamFor(this.seed, path, "prices"),
      out.price,
      this.scratch,
      out.vol,
    );
    for (const [k, u] of this.derived) {
      const p = out.price[k] as Float64Array;
      const under = out.price[u] as Float64Array;
      for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) * (under[i] as number);
      const [vol, uv] = [out.vol?.[k], out.vol?.[u]];
      if (vol && uv) vol.set(uv);
      else vol?.fill(Number.NaN);
    }
    for (const col of out.funding ?? []) col?.fill(Number.NaN);
    const index = (name: string) => this.assets.indexOf(name);
    for (const s of this.shocks) s.apply(out, index);
  }
}

/**
 * The yield-bearing assets and their underlyings' columns.
 * @throws InputError naming `market.assets.<X>.model.underlying` when the underlying is not another
 *   asset of the market with a model of its own (not itself yield-bearing).
 */
function derivedColumns(assets: readonly string[], models: readonly PriceModel[]): [number, number][] {
  const out: [number, number][] = [];
  const issues: Issue[] = [];
  for (const [k, m] of models.entries()) {
    if (!(m instanceof YieldBearingModel)) continue;
    const u = assets.indexOf(m.underlying);
    if (u >= 0 && u !== k && !(models[u] instanceof YieldBearingModel)) {
      out.push([k, u]);
      continue;
    }
    const allowed = assets.filter((_a, i) => i !== k && !(models[i] instanceof YieldBearingModel));
    issues.push({
      code: "bad_underlying",
      path: `market.assets.${assets[k]}.model.underlying`,
      message: `"${m.underlying}" is not another asset with a price model of its own; allowed: ${allowed.join(", ") || "declare one under market.assets"}`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}
