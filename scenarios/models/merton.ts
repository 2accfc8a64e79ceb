/**
 * Merton jump-diffusion: between grid points the log price moves by a Brownian part plus
 * N ~ Poisson(λΔt) jumps, each log-jump Y ~ N(m, s²):
 *
 *   log(S_i/S_{i−1}) = (μ − σ²/2 − λκ)Δt + σ√Δt·z_i + Σ_{j≤N} Y_j,   κ = E[e^Y − 1] = e^{m + s²/2} − 1.
 *
 * The −λκ compensator makes e^{−μt}S_t a martingale, so E[S_T] = S_0·e^{μT} whatever the jumps
 * (Merton 1976, eq. 5; Glasserman 2003, §3.5.1). The sum of N normal jumps is drawn in one go as
 * N·m + √N·s·w. `volOut` receives the annualised standard deviation of log returns,
 * √(σ² + λ(m² + s²)), constant in time.
 */
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export interface MertonParams {
  readonly spot: number;
  /** Annual drift μ of the price (after compensation). */
  readonly drift: number;
  /** Annual diffusive volatility σ. */
  readonly vol: number;
  /** Jump intensity λ, jumps per year. */
  readonly lambda: number;
  /** Mean m of a log-jump. */
  readonly jumpMean: number;
  /** Standard deviation s of a log-jump. */
  readonly jumpStd: number;
}

export class MertonModel implements PriceModel {
  readonly usesDrivers = true;
  readonly spot: number;

  constructor(private readonly p: MertonParams) {
    this.spot = p.spot;
  }

  /** κ = E[e^Y − 1] for Y ~ N(m, s²). */
  get kappa(): number {
    return Math.exp(this.p.jumpMean + 0.5 * this.p.jumpStd * this.p.jumpStd) - 1;
  }

  generate(grid: TimeGrid, z: Float64Array, rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const { drift, vol, lambda, jumpMean, jumpStd } = this.p;
    const dt = grid.stepMs / MS_PER_YEAR;
    const mu = (drift - 0.5 * vol * vol - lambda * this.kappa) * dt;
    const sd = vol * Math.sqrt(dt);
    const lambdaDt = lambda * dt;
    let x = Math.log(this.p.spot);
    out[0] = this.p.spot;
    for (let i = 1; i <= grid.steps; i++) {
      x += mu + sd * (z[i] as number);
      const n = rng.poisson(lambdaDt);
      if (n > 0) x += n * jumpMean + Math.sqrt(n) * jumpStd * rng.normal();
      out[i] = Math.exp(x);
    }
    volOut?.fill(
      Math.sqrt(vol * vol + lambda * (jumpMean * jumpMean + jumpStd * jumpStd)),
      0,
      grid.steps + 1,
    );
  }
}

export const mertonKind: KindDef<PriceModel, ModelContext> = {
  kind: "merton",
  summary: "Merton jump-diffusion: GBM plus Poisson jumps with normal log sizes, drift-compensated",
  source:
    "Merton, 'Option pricing when underlying stock returns are discontinuous', J. Financial Economics 3 (1976)",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    drift: {
      type: "number",
      description: "annual drift μ; E[S_T] = S_0·e^{μT} (jumps compensated)",
      default: 0,
    },
    vol: { type: "number", description: "annual diffusive volatility σ", min: 0 },
    lambda: { type: "number", description: "jump intensity λ, jumps per year", min: 0 },
    jumpMean: { type: "number", description: "mean m of a log-jump (e.g. -0.05)" },
    jumpStd: { type: "number", description: "standard deviation s of a log-jump", min: 0 },
  },
  create: (p) =>
    new MertonModel({
      spot: num(p, "spot"),
      drift: num(p, "drift"),
      vol: num(p, "vol"),
      lambda: num(p, "lambda"),
      jumpMean: num(p, "jumpMean"),
      jumpStd: num(p, "jumpStd"),
    }),
};
