/**
 * The implied-vol model registry (STYLE 4): `market.assets.<X>.iv: { kind, … }`. A model writes the
 * asset's ATM implied vol at each grid point of a path (its level, quoted at the reference tenor
 * `tenor`, like a 30-day vol index) and owns the surface the engine reads strikes and tenors from
 * (engine/iv/surface.ts). `constant`, `column` and `stochastic` share the SSVI smile and term
 * parameters (flat by default); `heston` marks at Heston prices and has its own smile.
 */
import type { Issue } from "../../engine/errors.js";
import { HestonSurface, type ImpliedVolSurface, SsviSurface } from "../../engine/iv/surface.js";
import type { TimeGrid } from "../../engine/market.js";
import type { ParamSpecs, Params } from "../../engine/params.js";
import { ssviIssues } from "../../engine/pricing/ssvi.js";
import { type KindDef, Registry } from "../../engine/registry.js";
import type { Rng } from "../../engine/rng.js";
import { yearFraction } from "../../engine/units.js";
import { fillStochasticIv } from "./stochastic.js";

/** An asset's implied-vol model: the ATM level per grid point, and the surface around it. */
export interface ImpliedVolModel {
  readonly surface: ImpliedVolSurface;
  /** Whether `fill` reads the market's vol column (a replay's `data.vol`, a model's own vol). */
  readonly readsVol: boolean;
  /** Whether the level differs between paths of the same prices (it draws from its own stream). */
  readonly random: boolean;
  fill(grid: TimeGrid, price: Float64Array, vol: Float64Array | undefined, rng: Rng, out: Float64Array): void;
}

/** What building a model needs besides its parameters: the asset's price model, if any. */
export interface IvContext {
  readonly priceModel?: { readonly kind: string; readonly params: Params };
}

const SMILE: ParamSpecs = {
  skew: {
    type: "number",
    default: 0,
    min: -0.999,
    max: 0.999,
    description: "SSVI ρ: < 0 lifts puts over calls",
  },
  curvature: { type: "number", default: 0, min: 0, description: "SSVI η (0: a flat smile)" },
  power: { type: "number", default: 0.5, min: 0, max: 1, description: "SSVI γ of φ(θ) = η·θ^−γ·(1+θ)^(γ−1)" },
  termSlope: {
    type: "number",
    default: 0,
    min: -1,
    max: 1,
    description: "β: ATM vol at tenor τ = level·(τ/tenor)^β",
  },
  tenor: { type: "duration", default: "30d", min: 1, description: "tenor the ATM level is quoted at" },
  minTenor: { type: "duration", default: "1d", min: 1, description: "ATM vol held flat below this tenor" },
  sticky: {
    type: "enum",
    values: ["delta", "strike"],
    default: "delta",
    description: "smile moves with the spot (delta) or stays on strikes (strike)",
  },
};

function ssvi(p: Params): SsviSurface {
  const sm = {
    rho: p["skew"] as number,
    eta: p["curvature"] as number,
    gamma: p["power"] as number,
    slope: p["termSlope"] as number,
    tenor: yearFraction(p["tenor"] as number),
    minTenor: yearFraction(p["minTenor"] as number),
  };
  return new SsviSurface(sm, p["sticky"] as "delta" | "strike");
}

/** Gatheral & Jacquier's sufficient conditions (engine/pricing/ssvi.ts): a surface that breaks them is refused. */
function checkSmile(p: Params, path: string, issues: Issue[]): void {
  const names: Record<string, string> = { eta: "curvature", gamma: "power", slope: "termSlope" };
  for (const i of ssviIssues(ssvi(p).p))
    issues.push({ code: "arbitrage", path: `${path}.${names[i.field] ?? i.field}`, message: i.message });
}

const constantKind: KindDef<ImpliedVolModel, IvContext> = {
  kind: "constant",
  summary: "ATM implied vol fixed for the whole run (with an optional SSVI smile and term structure)",
  params: {
    vol: { type: "number", min: 0.001, max: 20, description: "ATM implied vol (0.8 = 80 %)" },
    ...SMILE,
  },
  check: checkSmile,
  create: (p) => ({
    surface: ssvi(p),
    readsVol: false,
    random: false,
    fill: (_g, _p, _v, _r, out) => out.fill(p["vol"] as number),
  }),
};

const columnKind: KindDef<ImpliedVolModel, IvContext> = {
  kind: "column",
  summary: "ATM implied vol replayed from the data file's vol column (e.g. a DVOL-like index)",
  params: {
    scale: {
      type: "number",
      default: 1,
      min: 1e-6,
      description: "factor on the column (0.01 for an index in percent)",
    },
    ...SMILE,
  },
  check: checkSmile,
  create: (p) => ({
    surface: ssvi(p),
    readsVol: true,
    random: false,
    fill: (_g, _p, vol, _r, out) => {
      const s = p["scale"] as number;
      for (let i = 0; i < out.length; i++) out[i] = (vol?.[i] ?? Number.NaN) * s;
    },
  }),
};

const stochasticKind: KindDef<ImpliedVolModel, IvContext> = {
  kind: "stochastic",
  summary: "mean-reverting log ATM implied vol, correlated with returns, with a variance risk premium",
  source: "log-OU stochastic vol: Scott (1987), Wiggins (1987); variance risk premium: Carr & Wu (2009)",
  params: {
    level: {
      type: "number",
      optional: true,
      min: 0.001,
      max: 20,
      description: "long-run ATM IV (absent: the price model's own vol)",
    },
    premium: {
      type: "number",
      default: 0,
      min: -1,
      max: 5,
      description: "implied minus realised vol, vol points (0.05 = 5)",
    },
    kappa: {
      type: "number",
      default: 12,
      min: 0.001,
      max: 10_000,
      description: "mean-reversion speed of log IV, per year",
    },
    volOfVol: { type: "number", default: 1, min: 0, max: 50, description: "η: annual vol of log IV" },
    rho: {
      type: "number",
      default: 0,
      min: -1,
      max: 1,
      description: "correlation of log-IV shocks with returns",
    },
    start: {
      type: "number",
      optional: true,
      min: 0.001,
      max: 20,
      description: "ATM IV at the start (absent: the long-run level)",
    },
    ...SMILE,
  },
  check: checkSmile,
  create: (p) => {
    const sp = {
      level: p["level"] as number | undefined,
      premium: p["premium"] as number,
      kappa: p["kappa"] as number,
      volOfVol: p["volOfVol"] as number,
      rho: p["rho"] as number,
      start: p["start"] as number | undefined,
    };
    return {
      surface: ssvi(p),
      readsVol: sp.level === undefined,
      random: true,
      fill: (g, price, vol, rng, out) => fillStochasticIv(sp, g, price, vol, rng, out),
    };
  },
};

const hestonIvKind: KindDef<ImpliedVolModel, IvContext> = {
  kind: "heston",
  summary: "marks options at Heston prices (semi-closed form) at the path's current variance",
  source: "Heston (1993); characteristic function: Albrecher et al. (2007); integral: Lewis (2000)",
  params: {},
  create: (_p, ctx) => {
    const m = ctx.priceModel;
    if (m?.kind !== "heston")
      throw new Error("iv kind heston needs a heston price model (checked when compiled)");
    const q = m.params;
    return {
      surface: new HestonSurface({
        kappa: q["kappa"] as number,
        theta: q["theta"] as number,
        xi: q["xi"] as number,
        rho: q["rho"] as number,
      }),
      readsVol: true,
      random: false,
      fill: (_g, _p, vol, _r, out) => {
        for (let i = 0; i < out.length; i++) out[i] = vol?.[i] ?? Number.NaN;
      },
    };
  },
};

export const impliedVolKinds: Registry<ImpliedVolModel, IvContext> = new Registry<ImpliedVolModel, IvContext>(
  "implied-vol model",
  [constantKind, columnKind, stochasticKind, hestonIvKind],
);
