/**
 * The Monte-Carlo market of a scenario: every asset's model, correlated through one driver stream,
 * then the shocks overlaid. Path i draws from streams derived from (seed, i) only: the drivers
 * from "prices", asset k's own extras (jumps, second Heston driver…) from "prices/<asset>".
 */
import type { PathMarket, TimeGrid } from "../engine/market.js";
import { type Rng, streamFor } from "../engine/rng.js";
import type { MarketSource } from "../engine/sim/config.js";
import { type CorrelationScratch, correlationScratch, generateCorrelated } from "./models/correlated.js";
import type { PriceModel } from "./models/types.js";
import type { Shock } from "./shocks/types.js";

export class ModelMarket implements MarketSource {
  readonly random = true;
  private readonly scratch: CorrelationScratch;

  constructor(
    readonly assets: readonly string[],
    private readonly models: readonly PriceModel[],
    correlation: readonly (readonly number[])[] | undefined,
    private readonly grid: TimeGrid,
    private readonly seed: number,
    private readonly shocks: readonly Shock[],
  ) {
    this.scratch = correlationScratch(models, correlation, grid.steps, "market.correlation");
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
    for (const col of out.funding ?? []) col?.fill(Number.NaN);
    const index = (name: string) => this.assets.indexOf(name);
    for (const s of this.shocks) s.apply(out, index);
  }
}
