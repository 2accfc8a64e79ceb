/**
 * Stationary block bootstrap of historical log returns (Politis & Romano 1994): blocks of
 * consecutive returns with geometrically distributed lengths (mean `block` steps), each starting at
 * a uniformly drawn index, wrapping around the end of the series. Concretely, at each step the next
 * return is, with probability p = 1/block, a fresh uniform pick, else the successor (mod n) of the
 * last one. This keeps short-range dependence (volatility clustering) within blocks and, unlike a
 * fixed-block bootstrap, gives a stationary resampled series.
 *
 * The returns come from `ModelContext.historicalReturns(data)` (the CLI loads the file); they should
 * be sampled at the scenario's clock step. `usesDrivers` is false: the path ignores `z`, so it
 * cannot be correlated with other assets by Cholesky mixing. `volOut` receives the series' sample
 * standard deviation annualised with the grid step (√(var/Δt)), constant in time.
 */
import { InputError } from "../../engine/errors.js";
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num, str } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export class BootstrapModel implements PriceModel {
  readonly usesDrivers = false;
  private readonly returns: Float64Array;
  private readonly variance: number;

  constructor(
    readonly spot: number,
    history: Float64Array,
    private readonly block: number,
    demean: boolean,
  ) {
    const n = history.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += history[i] as number;
    mean /= n;
    this.returns = demean ? history.map((r) => r - mean) : history;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ((history[i] as number) - mean) ** 2;
    this.variance = ss / (n - 1);
  }

  generate(grid: TimeGrid, _z: Float64Array, rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const r = this.returns;
    const n = r.length;
    const pNew = 1 / this.block;
    let j = rng.int(n);
    let x = Math.log(this.spot);
    out[0] = this.spot;
    for (let i = 1; i <= grid.steps; i++) {
      if (i > 1) j = rng.uniform() < pNew ? rng.int(n) : j + 1 === n ? 0 : j + 1;
      x += r[j] as number;
      out[i] = Math.exp(x);
    }
    volOut?.fill(Math.sqrt((this.variance * MS_PER_YEAR) / grid.stepMs), 0, grid.steps + 1);
  }
}

function historyFor(ref: string, ctx: ModelContext): Float64Array {
  const h = ctx.historicalReturns?.(ref);
  const problem =
    h === undefined
      ? "no historical returns were supplied for it"
      : h.length < 2
        ? `it has ${h.length} return(s); at least 2 are needed`
        : h.some((r) => !Number.isFinite(r))
          ? "it contains a non-finite return"
          : "";
  if (problem !== "") {
    throw new InputError([{ code: "bad_data", path: "model.data", message: `data "${ref}": ${problem}` }]);
  }
  return h as Float64Array;
}

export const bootstrapKind: KindDef<PriceModel, ModelContext> = {
  kind: "bootstrap",
  summary: "Stationary block bootstrap of historical log returns (ignores drivers: no correlation)",
  source: "Politis & Romano, 'The stationary bootstrap', J. American Statistical Association 89 (1994)",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    data: { type: "string", description: "historical data reference (file) whose log returns are resampled" },
    block: { type: "number", description: "mean block length, in steps", min: 1, default: 24 },
    demean: {
      type: "boolean",
      description: "subtract the sample mean return (no historical drift)",
      default: false,
    },
  },
  create: (p, ctx) =>
    new BootstrapModel(
      num(p, "spot"),
      historyFor(str(p, "data"), ctx),
      num(p, "block"),
      p["demean"] as boolean,
    ),
};
