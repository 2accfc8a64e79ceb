/**
 * Geometric Brownian motion, simulated exactly on the grid (log-Euler is exact for GBM):
 *
 *   S_i = S_{i−1} · exp((μ − σ²/2)·Δt + σ·√Δt·z_i),   Δt = stepMs / MS_PER_YEAR,
 *
 * so E[S_T] = S_0·e^{μT} and log returns are i.i.d. N((μ − σ²/2)Δt, σ²Δt).
 * Source: Black & Scholes (1973); Glasserman, "Monte Carlo Methods in Financial Engineering"
 * (2003), §3.2.1.
 */
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export interface GbmParams {
  /** Price at grid point 0. */
  readonly spot: number;
  /** Annual drift μ (continuously compounded). */
  readonly drift: number;
  /** Annual volatility σ. */
  readonly vol: number;
}

export class GbmModel implements PriceModel {
  readonly usesDrivers = true;
  readonly spot: number;

  constructor(private readonly p: GbmParams) {
    this.spot = p.spot;
  }

  generate(grid: TimeGrid, z: Float64Array, _rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const dt = grid.stepMs / MS_PER_YEAR;
    const mu = (this.p.drift - 0.5 * this.p.vol * this.p.vol) * dt;
    const sd = this.p.vol * Math.sqrt(dt);
    let s = this.p.spot;
    out[0] = s;
    for (let i = 1; i <= grid.steps; i++) {
      s *= Math.exp(mu + sd * (z[i] as number));
      out[i] = s;
    }
    volOut?.fill(this.p.vol, 0, grid.steps + 1);
  }
}

export const gbmKind: KindDef<PriceModel, ModelContext> = {
  kind: "gbm",
  summary: "Geometric Brownian motion (exact log-Euler on the grid)",
  source: "Black & Scholes (1973); Glasserman, Monte Carlo Methods in Financial Engineering (2003) §3.2.1",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    drift: { type: "number", description: "annual drift μ, continuously compounded", default: 0 },
    vol: { type: "number", description: "annual volatility σ", min: 0 },
  },
  create: (p) => new GbmModel({ spot: num(p, "spot"), drift: num(p, "drift"), vol: num(p, "vol") }),
};
