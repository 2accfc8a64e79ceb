/**
 * GARCH(1,1) on per-step log returns (Bollerslev 1986):
 *
 *   r_i = μΔt − h_i/2 + √h_i·z_i,     h_{i+1} = ω + α·h_i·z_i² + β·h_i,
 *
 * with h the conditional variance *per grid step*. Stationary when α + β < 1, with unconditional
 * per-step variance ω/(1 − α − β). Either give `omega` directly (per-step units, as estimated on
 * data of the same frequency), or `vol`, the long-run *annual* volatility σ_L, from which
 * ω = σ_L²·Δt·(1 − α − β). α and β are per grid step: estimate them on data sampled at the
 * scenario's clock step (`ballast calibrate` does, on the file's own step).
 * The −h/2 term makes E[S_{i}/S_{i−1} | h_i] = e^{μΔt}. `volOut[i]` is the annualised conditional
 * volatility √(h_{i+1}/Δt) of the step leaving point i.
 */
import type { Issue } from "../../engine/errors.js";
import type { TimeGrid } from "../../engine/market.js";
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export interface GarchParams {
  readonly spot: number;
  readonly drift: number;
  /** Long-run annual vol σ_L, or undefined when `omega` is given. */
  readonly vol?: number;
  /** Per-step variance intercept ω, or undefined when `vol` is given. */
  readonly omega?: number;
  readonly alpha: number;
  readonly beta: number;
  /** Initial annual vol; defaults to the long-run vol. */
  readonly vol0?: number;
}

export class GarchModel implements PriceModel {
  readonly usesDrivers = true;
  readonly spot: number;

  constructor(private readonly p: GarchParams) {
    this.spot = p.spot;
  }

  /** ω per step of `dt` years. */
  omegaFor(dt: number): number {
    const { vol, omega, alpha, beta } = this.p;
    return omega ?? (vol as number) ** 2 * dt * (1 - alpha - beta);
  }

  generate(grid: TimeGrid, z: Float64Array, _rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const { alpha, beta, drift, vol0 } = this.p;
    const dt = grid.stepMs / MS_PER_YEAR;
    const omega = this.omegaFor(dt);
    let h = vol0 === undefined ? omega / (1 - alpha - beta) : vol0 * vol0 * dt;
    let x = Math.log(this.p.spot);
    out[0] = this.p.spot;
    if (volOut) volOut[0] = Math.sqrt(h / dt);
    for (let i = 1; i <= grid.steps; i++) {
      const zi = z[i] as number;
      x += drift * dt - 0.5 * h + Math.sqrt(h) * zi;
      h = omega + alpha * h * zi * zi + beta * h;
      out[i] = Math.exp(x);
      if (volOut) volOut[i] = Math.sqrt(h / dt);
    }
  }
}

function checkGarch(p: Params, path: string, issues: Issue[]): void {
  const a = num(p, "alpha");
  const b = num(p, "beta");
  if (a + b >= 1) {
    issues.push({
      code: "out_of_range",
      path: `${path}.beta`,
      message: `alpha + beta is ${a + b}; allowed: < 1 (otherwise the variance is not stationary)`,
    });
  }
  if ((p["vol"] === undefined) === (p["omega"] === undefined)) {
    issues.push({
      code: "missing",
      path: `${path}.vol`,
      message: "give exactly one of vol (long-run annual volatility) or omega (per-step variance intercept)",
    });
  }
}

export const garchKind: KindDef<PriceModel, ModelContext> = {
  kind: "garch",
  summary: "GARCH(1,1) conditional variance on per-step log returns",
  source:
    "Bollerslev, 'Generalized autoregressive conditional heteroskedasticity', J. Econometrics 31 (1986)",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    drift: { type: "number", description: "annual drift μ", default: 0 },
    vol: {
      type: "number",
      description: "long-run annual volatility σ_L (or give omega)",
      min: 0,
      optional: true,
    },
    omega: {
      type: "number",
      description: "per-step variance intercept ω (or give vol)",
      min: 0,
      exclusiveMin: true,
      optional: true,
    },
    alpha: { type: "number", description: "ARCH weight α of the last squared shock, per step", min: 0 },
    beta: { type: "number", description: "GARCH weight β of the last variance, per step", min: 0 },
    vol0: {
      type: "number",
      description: "initial annual volatility (default: long-run)",
      min: 0,
      optional: true,
    },
    step: {
      type: "duration",
      description:
        "the data step α and β were fitted on (ballast calibrate writes it); the scenario is refused unless clock.step equals it",
      min: 1,
      optional: true,
    },
  },
  check: checkGarch,
  create: (p) =>
    new GarchModel({
      spot: num(p, "spot"),
      drift: num(p, "drift"),
      alpha: num(p, "alpha"),
      beta: num(p, "beta"),
      ...(p["vol"] === undefined ? {} : { vol: num(p, "vol") }),
      ...(p["omega"] === undefined ? {} : { omega: num(p, "omega") }),
      ...(p["vol0"] === undefined ? {} : { vol0: num(p, "vol0") }),
    }),
};
