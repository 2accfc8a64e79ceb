/**
 * What a strategy asks the view for (StrategyView.realisedVol / volForecast), and the checks on it.
 * Bars are `barMs` long, aligned to the path's start; vols come out annualised (365-day year).
 */
import { MS_PER_DAY, MS_PER_SECOND, MS_PER_YEAR } from "../units.js";
import { MAX_BARS } from "./bar-ring.js";
import { ESTIMATORS, type Estimator } from "./estimators.js";
import { Ewma, type Forecaster, Garch } from "./forecast.js";

export interface RealisedVolSpec {
  readonly estimator: Estimator;
  /** Completed bars the estimate spans, 2 … 4096. */
  readonly window: number;
  /** Bar length, ms (≥ 1 s, ≤ 365 d). */
  readonly barMs: number;
}

interface ForecastCommon {
  readonly barMs: number;
  /** The horizon the forecast averages the variance over, ms (one shorter than a bar counts as one bar). */
  readonly horizonMs: number;
  /** Returns consumed before the forecast is given (EWMA: seeded with their mean square). */
  readonly warmup?: number;
}

export interface EwmaSpec extends ForecastCommon {
  readonly kind: "ewma";
  /** Decay per bar, 0 < λ < 1 (default 0.94, RiskMetrics' daily value). */
  readonly lambda?: number;
}

export interface GarchSpec extends ForecastCommon {
  readonly kind: "garch";
  readonly alpha: number;
  readonly beta: number;
  /** ω, in per-bar variance (log return over one bar, squared); or give `longRunVol` instead. */
  readonly omega?: number;
  /** Annualised long-run vol √(V_L · year / bar); sets ω = V_L (1 − α − β). */
  readonly longRunVol?: number;
}

export type VolForecastSpec = EwmaSpec | GarchSpec;

export const DEFAULT_LAMBDA = 0.94;

const isInt = (x: unknown, lo: number, hi: number) =>
  Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
const inOpen = (x: unknown, lo: number, hi: number) => typeof x === "number" && x > lo && x < hi;

function barProblems(barMs: unknown): string[] {
  return isInt(barMs, MS_PER_SECOND, 365 * MS_PER_DAY)
    ? []
    : [`barMs must be an integer number of ms from 1000 (1 s) to 365 days, was ${String(barMs)}`];
}

/** Every problem of a realised-vol spec, as "field: what was wrong; what is allowed" ([] when fine). */
export function realisedVolProblems(s: RealisedVolSpec): string[] {
  const out = barProblems(s.barMs);
  if (!ESTIMATORS.includes(s.estimator)) {
    out.push(`estimator "${String(s.estimator)}" is unknown; allowed: ${ESTIMATORS.join(", ")}`);
  }
  if (!isInt(s.window, 2, MAX_BARS))
    out.push(`window must be an integer from 2 to ${MAX_BARS} bars, was ${String(s.window)}`);
  return out;
}

/** Every problem of a forecast spec ([] when fine). */
export function forecastProblems(s: VolForecastSpec): string[] {
  const out = barProblems(s.barMs);
  if (!(inOpen(s.horizonMs, 0, 100 * MS_PER_YEAR) || s.horizonMs === 100 * MS_PER_YEAR)) {
    out.push(`horizonMs must be > 0 and ≤ 100 years, was ${String(s.horizonMs)}`);
  }
  if (s.warmup !== undefined && !isInt(s.warmup, 1, MAX_BARS)) {
    out.push(`warmup must be an integer from 1 to ${MAX_BARS} bars, was ${String(s.warmup)}`);
  }
  if (s.kind === "ewma") {
    if (s.lambda !== undefined && !inOpen(s.lambda, 0, 1))
      out.push(`lambda must be in (0, 1), was ${String(s.lambda)}`);
  } else if (s.kind === "garch") {
    out.push(...garchProblems(s));
  } else out.push(`kind "${String((s as { kind: unknown }).kind)}" is unknown; allowed: ewma, garch`);
  return out;
}

function garchProblems(s: GarchSpec): string[] {
  const out: string[] = [];
  if (!(typeof s.alpha === "number" && s.alpha >= 0)) out.push(`alpha must be ≥ 0, was ${String(s.alpha)}`);
  if (!(typeof s.beta === "number" && s.beta >= 0)) out.push(`beta must be ≥ 0, was ${String(s.beta)}`);
  if (!(s.alpha + s.beta < 1)) out.push(`alpha + beta must be < 1 (stationary), was ${s.alpha + s.beta}`);
  if ((s.omega === undefined) === (s.longRunVol === undefined))
    out.push("give exactly one of omega, longRunVol");
  if (s.omega !== undefined && !inOpen(s.omega, 0, 1))
    out.push(`omega must be in (0, 1) per-bar variance, was ${s.omega}`);
  if (s.longRunVol !== undefined && !inOpen(s.longRunVol, 0, 100)) {
    out.push(`longRunVol must be in (0, 100) (annualised), was ${s.longRunVol}`);
  }
  return out;
}

/** ω per bar of a valid GARCH spec. */
export function garchOmega(s: GarchSpec): number {
  if (s.omega !== undefined) return s.omega;
  const lr = s.longRunVol as number;
  return lr * lr * (s.barMs / MS_PER_YEAR) * (1 - s.alpha - s.beta);
}

/** The forecaster of a valid spec (EWMA warm-up default: ⌈1/(1 − λ)⌉ bars; GARCH: 1). */
export function makeForecaster(s: VolForecastSpec): Forecaster {
  if (s.kind === "ewma") {
    const lambda = s.lambda ?? DEFAULT_LAMBDA;
    return new Ewma(lambda, s.warmup ?? Math.min(MAX_BARS, Math.ceil(1 / (1 - lambda))));
  }
  return new Garch(garchOmega(s), s.alpha, s.beta, s.warmup ?? 1);
}

/** Whether two valid forecast specs describe the same forecaster on the same bars. */
export function sameForecaster(a: VolForecastSpec, b: VolForecastSpec): boolean {
  if (a.kind !== b.kind || a.barMs !== b.barMs || a.warmup !== b.warmup) return false;
  if (a.kind === "ewma") return a.lambda === (b as EwmaSpec).lambda;
  const g = b as GarchSpec;
  return a.alpha === g.alpha && a.beta === g.beta && a.omega === g.omega && a.longRunVol === g.longRunVol;
}
