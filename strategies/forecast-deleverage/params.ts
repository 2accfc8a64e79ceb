/**
 * Parameters of `forecast-deleverage` and their cross-checks: the forecast (EWMA or GARCH(1,1) on
 * bars of the collateral's oracle readings, engine/vol), the hysteresis band, and the move the loan
 * must survive while the forecast is high.
 */
import type { Issue } from "../../engine/errors.js";
import type { ParamSpecs, Params } from "../../engine/params.js";
import { forecastProblems, type VolForecastSpec } from "../../engine/vol/spec.js";

export const FORECAST_DELEVERAGE_PARAMS: ParamSpecs = {
  venue: {
    type: "string",
    optional: true,
    description: "lending or perp venue (default: the first lending venue, else the first perp venue)",
  },
  asset: {
    type: "string",
    optional: true,
    description:
      "asset whose vol is forecast (default: the loan's first collateral, or the perp's first asset)",
  },
  model: { type: "enum", values: ["ewma", "garch"], default: "ewma", description: "vol forecast" },
  lambda: {
    type: "number",
    default: 0.94,
    min: 0,
    max: 1,
    exclusiveMin: true,
    description: "EWMA decay per bar",
  },
  alpha: {
    type: "number",
    optional: true,
    min: 0,
    max: 1,
    description: "GARCH α (weight of the last squared return)",
  },
  beta: { type: "number", optional: true, min: 0, max: 1, description: "GARCH β (persistence); α + β < 1" },
  longRunVol: {
    type: "number",
    optional: true,
    min: 0,
    max: 100,
    exclusiveMin: true,
    description: "GARCH long-run vol, annualised (sets ω)",
  },
  bar: { type: "duration", default: "1h", min: 1000, description: "bar length of the forecast's returns" },
  horizon: { type: "duration", default: "1d", min: 1, description: "horizon the forecast averages over" },
  warmup: {
    type: "integer",
    optional: true,
    min: 1,
    max: 4096,
    description: "bars before the first forecast",
  },
  baseline: {
    type: "integer",
    optional: true,
    min: 2,
    max: 4096,
    description: "bars of realised vol the band is a ratio to (absent: the band is in vol)",
  },
  enterVol: {
    type: "number",
    default: 1.0,
    min: 0,
    exclusiveMin: true,
    description: "cut leverage when the forecast (annualised; with baseline: its ratio) rises to this",
  },
  exitVol: {
    type: "number",
    default: 0.7,
    min: 0,
    exclusiveMin: true,
    description: "restore it when the forecast falls to this (below enterVol)",
  },
  z: {
    type: "number",
    default: 3,
    min: 0,
    exclusiveMin: true,
    description: "standard deviations of a fall to survive",
  },
  survive: { type: "duration", default: "7d", min: 1, description: "time over which that fall is measured" },
  restore: {
    type: "boolean",
    default: true,
    description: "when calm, re-borrow up to the starting debt (perp: re-grow to the starting size)",
  },
  every: { type: "duration", default: "1h", min: 1, description: "interval between checks" },
};

/** The forecast spec the parameters describe. */
export function forecastSpec(p: Params): VolForecastSpec {
  const common = {
    barMs: p["bar"] as number,
    horizonMs: p["horizon"] as number,
    ...(p["warmup"] === undefined ? {} : { warmup: p["warmup"] as number }),
  };
  if (p["model"] === "garch") {
    return {
      kind: "garch",
      alpha: p["alpha"] as number,
      beta: p["beta"] as number,
      longRunVol: p["longRunVol"] as number,
      ...common,
    };
  }
  return { kind: "ewma", lambda: p["lambda"] as number, ...common };
}

const FIELD_OF: Record<string, string> = { barMs: "bar", horizonMs: "horizon" };

/** Cross-checks: the band, and the forecast spec as engine/vol checks it. */
export function checkForecastDeleverage(p: Params, path: string, issues: Issue[]): void {
  if ((p["exitVol"] as number) >= (p["enterVol"] as number)) {
    issues.push({
      code: "out_of_range",
      path: `${path}.exitVol`,
      message: `found ${p["exitVol"]}; allowed: below enterVol (${p["enterVol"]}), the band's lower edge`,
    });
  }
  if (p["model"] === "garch") {
    for (const k of ["alpha", "beta", "longRunVol"]) {
      if (p[k] === undefined) {
        issues.push({ code: "missing", path: `${path}.${k}`, message: `model: garch needs ${k}` });
      }
    }
    if (p["alpha"] === undefined || p["beta"] === undefined || p["longRunVol"] === undefined) return;
  }
  for (const problem of forecastProblems(forecastSpec(p))) {
    const word = problem.split(" ")[0] as string;
    issues.push({ code: "out_of_range", path: `${path}.${FIELD_OF[word] ?? word}`, message: problem });
  }
}
