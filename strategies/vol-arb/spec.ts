/** `vol-arb`'s parameters, read once into a spec, and the forecast it compares implied vol with. */
import type { Issue } from "../../engine/errors.js";
import type { ParamSpecs, Params } from "../../engine/params.js";
import type { Instrument, StrategyView, VolForecastSpec } from "../../engine/strategy.js";
import { ESTIMATORS, type Estimator } from "../../engine/vol/estimators.js";
import { HEDGE_PARAMS, hedgeAsset, hedgeInstrument } from "../hedge-core.js";
import type { StrategyContext } from "../types.js";

/** The forecast vol of an asset now (NaN while its bars are too few). */
export type ForecastRead = (view: StrategyView, asset: number) => number;

export interface Spec {
  readonly venue: string;
  readonly asset: string;
  readonly instrument: Instrument;
  readonly everyMs: number;
  readonly structure: "straddle" | "strangle";
  readonly width: number;
  readonly tenorMs: number;
  readonly rollMs: number;
  readonly threshold: number;
  readonly exit: number;
  readonly side: "short" | "long" | "both";
  readonly vegaBudget: number;
  readonly margin: number;
  readonly forecast: ForecastRead;
}

const FORECASTS = ["ewma", "garch", ...ESTIMATORS];

export const VOL_ARB_PARAMS: ParamSpecs = {
  venue: {
    type: "string",
    optional: true,
    description: "options venue (default: the first options-standard)",
  },
  with: HEDGE_PARAMS.with,
  asset: HEDGE_PARAMS.asset,
  every: {
    type: "duration",
    default: "1h",
    min: 1,
    description: "interval between signal checks and delta hedges",
  },
  structure: {
    type: "enum",
    values: ["straddle", "strangle"],
    default: "straddle",
    description: "the two legs traded",
  },
  width: {
    type: "number",
    default: 0.1,
    min: 0,
    max: 0.9,
    description: "strangle: strikes at the oracle price × (1 ± width)",
  },
  tenor: { type: "duration", default: "30d", min: 1, description: "time to expiry of a new position" },
  roll: {
    type: "duration",
    default: "3d",
    min: 0,
    description: "close (then re-enter) once expiry is this close",
  },
  threshold: {
    type: "number",
    default: 0.05,
    min: 0,
    description: "implied − forecast vol that opens a position (0.05 = 5 vol points)",
  },
  exit: {
    type: "number",
    default: 0,
    description: "close a short when the spread falls below exit, a long when it rises above −exit",
  },
  side: {
    type: "enum",
    values: ["short", "long", "both"],
    default: "both",
    description: "which side of the spread to trade",
  },
  vegaBudget: {
    type: "number",
    default: 1000,
    min: 0,
    exclusiveMin: true,
    description: "|vega| of a new position, quote per 1.00 of vol",
  },
  margin: {
    type: "number",
    default: 0,
    min: 0,
    description: "quote moved from the wallet to the options venue account at the start",
  },
  forecast: {
    type: "enum",
    values: FORECASTS,
    default: "ewma",
    description: "the realised-vol forecast: ewma, garch, or an estimator over `window` bars",
  },
  bar: {
    type: "duration",
    default: "1h",
    min: 1000,
    description: "bar length the forecast's returns are taken over",
  },
  window: {
    type: "integer",
    default: 24,
    min: 2,
    max: 4096,
    description: "bars of an estimator; bars an EWMA or GARCH warms up on",
  },
  lambda: {
    type: "number",
    default: 0.94,
    min: 0,
    max: 1,
    exclusiveMin: true,
    description: "EWMA decay per bar",
  },
  alpha: { type: "number", default: 0.05, min: 0, max: 1, description: "GARCH α per bar" },
  beta: { type: "number", default: 0.9, min: 0, max: 1, description: "GARCH β per bar (α + β < 1)" },
  longRunVol: {
    type: "number",
    optional: true,
    min: 0,
    exclusiveMin: true,
    description: "GARCH long-run annualised vol (required with garch)",
  },
};

export function readSpec(p: Params, ctx: StrategyContext, venue: string): Spec {
  return {
    venue,
    asset: hedgeAsset(p, ctx),
    instrument: hedgeInstrument(p),
    everyMs: p["every"] as number,
    structure: p["structure"] as Spec["structure"],
    width: p["width"] as number,
    tenorMs: p["tenor"] as number,
    rollMs: p["roll"] as number,
    threshold: p["threshold"] as number,
    exit: p["exit"] as number,
    side: p["side"] as Spec["side"],
    vegaBudget: p["vegaBudget"] as number,
    margin: p["margin"] as number,
    forecast: forecastOf(p),
  };
}

/** The forecast over the position's tenor, as the view gives it (engine/vol). */
function forecastOf(p: Params): ForecastRead {
  const kind = p["forecast"] as string;
  const barMs = p["bar"] as number;
  const window = p["window"] as number;
  const horizonMs = p["tenor"] as number;
  if (kind === "ewma" || kind === "garch") {
    const spec: VolForecastSpec =
      kind === "ewma"
        ? { kind, barMs, horizonMs, warmup: window, lambda: p["lambda"] as number }
        : {
            kind,
            barMs,
            horizonMs,
            warmup: window,
            alpha: p["alpha"] as number,
            beta: p["beta"] as number,
            longRunVol: p["longRunVol"] as number,
          };
    return (view, a) => view.volForecast(a, spec);
  }
  const rv = { estimator: kind as Estimator, window, barMs };
  return (view, a) => view.realisedVol(a, rv);
}

/** GARCH needs a long-run vol and α + β < 1 (a stationary variance). */
export function checkVolArb(p: Params, path: string, issues: Issue[]): void {
  if (p["forecast"] !== "garch") return;
  if (p["longRunVol"] === undefined)
    issues.push({
      code: "missing",
      path: `${path}.longRunVol`,
      message: "missing: forecast garch needs its long-run annualised vol; allowed: a vol, e.g. 0.6",
    });
  const ab = (p["alpha"] as number) + (p["beta"] as number);
  if (!(ab < 1))
    issues.push({
      code: "out_of_range",
      path: `${path}.beta`,
      message: `found α + β = ${ab}; allowed: α + β < 1 (a stationary GARCH)`,
    });
}
