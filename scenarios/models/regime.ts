/**
 * Two-state Markov regime-switching lognormal model (Hamilton 1989; Hardy 2001 "RSLN-2"):
 * state 0 = calm, 1 = stressed, each with its own drift and vol. The state is a continuous-time
 * Markov chain with intensities q₀₁ (calm→stressed) and q₁₀ (stressed→calm) per year; on the grid
 * it switches at the start of a step with probability 1 − e^{−qΔt} (at most one switch per step,
 * exact for the embedded chain when qΔt ≪ 1). Within a step the price is GBM in that state:
 *
 *   log(S_i/S_{i−1}) = (μ_s − σ_s²/2)Δt + σ_s√Δt·z_i.
 *
 * The long-run share of time in the stressed state is q₀₁/(q₀₁ + q₁₀). `volOut` receives σ_s of the
 * state in force for the step leaving each point.
 */
import type { TimeGrid } from "../../engine/market.js";
import type { KindDef } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { num, str } from "./param-values.js";
import type { ModelContext, PriceModel } from "./types.js";

export interface RegimeParams {
  readonly spot: number;
  readonly calmDrift: number;
  readonly calmVol: number;
  readonly stressDrift: number;
  readonly stressVol: number;
  /** Intensity of calm → stressed, per year. */
  readonly toStress: number;
  /** Intensity of stressed → calm, per year. */
  readonly toCalm: number;
  readonly start: "calm" | "stressed";
}

export class RegimeModel implements PriceModel {
  readonly usesDrivers = true;
  readonly spot: number;

  constructor(private readonly p: RegimeParams) {
    this.spot = p.spot;
  }

  generate(grid: TimeGrid, z: Float64Array, rng: Rng, out: Float64Array, volOut?: Float64Array): void {
    const p = this.p;
    const dt = grid.stepMs / MS_PER_YEAR;
    const sqrtDt = Math.sqrt(dt);
    const leave0 = 1 - Math.exp(-p.toStress * dt);
    const leave1 = 1 - Math.exp(-p.toCalm * dt);
    const mu0 = (p.calmDrift - 0.5 * p.calmVol * p.calmVol) * dt;
    const mu1 = (p.stressDrift - 0.5 * p.stressVol * p.stressVol) * dt;
    let stressed = p.start === "stressed";
    let x = Math.log(p.spot);
    out[0] = p.spot;
    for (let i = 1; i <= grid.steps; i++) {
      if (rng.uniform() < (stressed ? leave1 : leave0)) stressed = !stressed;
      const vol = stressed ? p.stressVol : p.calmVol;
      if (volOut) volOut[i - 1] = vol;
      x += (stressed ? mu1 : mu0) + vol * sqrtDt * (z[i] as number);
      out[i] = Math.exp(x);
    }
    if (volOut) volOut[grid.steps] = stressed ? p.stressVol : p.calmVol;
  }
}

const positive = { type: "number", min: 0 } as const;

export const regimeKind: KindDef<PriceModel, ModelContext> = {
  kind: "regime",
  summary: "Two-state (calm/stressed) Markov regime-switching lognormal",
  source:
    "Hamilton, Econometrica 57 (1989); Hardy, 'A regime-switching model of long-term stock returns', NAAJ 5 (2001)",
  params: {
    spot: { type: "number", description: "price at the start", min: 0, exclusiveMin: true },
    calmDrift: { type: "number", description: "annual drift in the calm state", default: 0 },
    calmVol: { ...positive, description: "annual volatility in the calm state" },
    stressDrift: { type: "number", description: "annual drift in the stressed state", default: 0 },
    stressVol: { ...positive, description: "annual volatility in the stressed state" },
    toStress: {
      ...positive,
      description: "calm → stressed switching intensity, per year (e.g. 2 = twice a year)",
    },
    toCalm: {
      ...positive,
      description: "stressed → calm switching intensity, per year (e.g. 26 = two weeks on average)",
    },
    start: { type: "enum", values: ["calm", "stressed"], default: "calm", description: "state at the start" },
  },
  create: (p) =>
    new RegimeModel({
      spot: num(p, "spot"),
      calmDrift: num(p, "calmDrift"),
      calmVol: num(p, "calmVol"),
      stressDrift: num(p, "stressDrift"),
      stressVol: num(p, "stressVol"),
      toStress: num(p, "toStress"),
      toCalm: num(p, "toCalm"),
      start: str(p, "start") as "calm" | "stressed",
    }),
};
