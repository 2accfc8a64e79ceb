/**
 * Heston stochastic volatility, full-truncation Euler (Lord, Koekkoek & van Dijk 2010, which
 * compares the Euler fixes and finds full truncation the least biased):
 *
 *   v⁺ = max(v, 0)
 *   log S_i = log S_{i−1} + (μ − v⁺/2)Δt + √(v⁺Δt)·z_i
 *   v_i     = v_{i−1} + κ(θ − v⁺)Δt + ξ√(v⁺Δt)·(ρ z_i + √(1−ρ²) w_i),   w_i from the asset's stream.
 *
 * v may go negative in the scheme but only v⁺ enters, so prices stay positive; v, θ are annual
 * variances (vol² — 0.64 means 80 % vol). Source: Heston, 'A closed-form solution for options with
 * stochastic volatility', Rev. Financial Studies 6 (1993). `volOut` receives √v⁺.
 * The Feller condition 2κθ ≥ ξ² is not required (the scheme handles v hitting 0).
 */
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export interface HestonParams {
  readonly spot: number;
  readonly drift: number;
  /** Initial variance v₀ (annual, vol²). */
  readonly v0: number;
  /** Mean-reversion speed κ, per year. */
  readonly kappa: number;
  /** Long-run variance θ (annual, vol²). */
  readonly theta: number;
  /** Vol of variance ξ. */
  readonly xi: number;
  /** Correlation ρ between price and variance shocks. */
  readonly rho: number;
}

export class HestonModel implements PriceModel {
  readonly usesDrivers = true;
  readonly spot: number;

  constructor(private readonly p: HestonParams) {
    this.spot = p.spot;
  }

  generate(grid: TimeGrid, z: Float64Array, rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const { drift, kappa, theta, xi, rho } = this.p;
    const dt = grid.stepMs / MS_PER_YEAR;
    const sqrtDt = Math.sqrt(dt);
    const rhoBar = Math.sqrt(1 - rho * rho);
    let v = this.p.v0;
    let x = Math.log(this.p.spot);
    out[0] = this.p.spot;
    if (volOut) volOut[0] = Math.sqrt(v);
    for (let i = 1; i <= grid.steps; i++) {
      const vp = Math.max(v, 0);
      const sv = Math.sqrt(vp) * sqrtDt;
      const z1 = z[i] as number;
      x += (drift - 0.5 * vp) * dt + sv * z1;
      v += kappa * (theta - vp) * dt + xi * sv * (rho * z1 + rhoBar * rng.normal());
      out[i] = Math.exp(x);
      if (volOut) volOut[i] = v > 0 ? Math.sqrt(v) : 0;
    }
  }
}

export const hestonKind: KindDef<PriceModel, ModelContext> = {
  kind: "heston",
  summary: "Heston stochastic volatility (full-truncation Euler); vol output is √v",
  source:
    "Heston, Rev. Financial Studies 6 (1993); scheme: Lord, Koekkoek & van Dijk, Quantitative Finance 10 (2010)",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    drift: { type: "number", description: "annual drift μ", default: 0 },
    v0: { type: "number", description: "initial variance (annual vol², e.g. 0.64 for 80 %)", min: 0 },
    kappa: { type: "number", description: "mean-reversion speed κ, per year", min: 0, exclusiveMin: true },
    theta: { type: "number", description: "long-run variance θ (annual vol²)", min: 0 },
    xi: { type: "number", description: "volatility of variance ξ", min: 0 },
    rho: {
      type: "number",
      description: "correlation of price and variance shocks",
      min: -1,
      max: 1,
      default: 0,
    },
  },
  create: (p) =>
    new HestonModel({
      spot: num(p, "spot"),
      drift: num(p, "drift"),
      v0: num(p, "v0"),
      kappa: num(p, "kappa"),
      theta: num(p, "theta"),
      xi: num(p, "xi"),
      rho: num(p, "rho"),
    }),
};
