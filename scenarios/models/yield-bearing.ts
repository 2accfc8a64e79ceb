/**
 * A yield-bearing asset (stETH, wstETH, sDAI, rETH…): a claim on `underlying` whose exchange rate
 * grows at a fixed annual yield, so its price is the underlying's times that rate:
 *
 *   P(t) = P_underlying(t) · rate · (1 + yield)^(t / 1 year),   t from the start of the path,
 *
 * `yield` being the annual percentage yield (compounded: MakerDAO's Pot accrues the sDAI rate
 * per second, chi ← chi · dsr^Δt, whose annual growth dsr^(seconds a year) = 1 + APY, so the rate
 * after t is exactly (1 + APY)^(t/yr); Lido's stETH rebases daily, the same curve sampled daily).
 * It draws nothing of its own: the underlying's path (after its model) drives it, and shocks —
 * a `depeg` of the yield-bearing asset against its underlying — apply after, on its own column.
 * `generate` writes the exchange rate; the market (scenarios/model-market.ts) multiplies it by
 * the underlying's price.
 */
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num, str } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export class YieldBearingModel implements PriceModel {
  readonly usesDrivers = false;

  constructor(
    readonly underlying: string,
    /** The exchange rate at the start (what the model alone generates from). */
    readonly spot: number,
    private readonly apy: number,
  ) {}

  /**
   * The exchange rate at each grid point (the market multiplies it by the underlying's price); its
   * vol, 0 (the market gives the asset its underlying's).
   */
  generate(grid: TimeGrid, _z: Float64Array, _rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const growth = Math.log1p(this.apy);
    for (let i = 0; i <= grid.steps; i++) {
      out[i] = this.spot * Math.exp((growth * i * grid.stepMs) / MS_PER_YEAR);
    }
    volOut?.fill(0, 0, grid.steps + 1);
  }
}

export const yieldBearingKind: KindDef<PriceModel, ModelContext> = {
  kind: "yield-bearing",
  summary: "A claim on another asset whose exchange rate grows at a fixed annual yield (stETH, sDAI)",
  source: "rate(t) = rate₀·(1 + APY)^(t/yr): MakerDAO Pot (chi ← chi·dsr^Δt); Lido stETH rebases",
  params: {
    underlying: { type: "string", description: "the asset it is a claim on (another asset of the market)" },
    yield: {
      type: "number",
      default: 0,
      min: -0.99,
      max: 10,
      description: "annual percentage yield of the exchange rate (0.03 = 3 % a year, compounded)",
    },
    rate: {
      type: "number",
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: "exchange rate at the start: units of the underlying one unit is worth",
    },
  },
  create: (p) => new YieldBearingModel(str(p, "underlying"), num(p, "rate"), num(p, "yield")),
};
