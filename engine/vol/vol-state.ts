/**
 * Per-path realised vols and forecasts of every asset, built only when a strategy first asks: one
 * BarBuilder per (asset, bar length), each feeding its forecasters. Builders and forecasters are
 * allocated once (the first path that asks) and reset per path, so later paths allocate nothing.
 * A query consumes only the readings landed since the previous one, and answers the same whether
 * it is asked every step or once (the bars depend on the readings and the clock only).
 */
import { MS_PER_YEAR } from "../units.js";
import { BarBuilder, type ForecastSlot, type ReadingSource } from "./bar-builder.js";
import { annualisedVol, barVariance, ESTIMATORS } from "./estimators.js";
import {
  forecastProblems,
  makeForecaster,
  type RealisedVolSpec,
  realisedVolProblems,
  sameForecaster,
  type VolForecastSpec,
} from "./spec.js";

/** A spec a strategy passed is invalid (the view turns it into a StrategyError, exit 2). */
export class VolSpecError extends Error {}

export class VolState {
  /** Builders per asset (usually one or two bar lengths each). */
  private readonly builders: BarBuilder[][];
  private startMs = 0;
  /** Builders used on the current path; others are reset when first used on it. */
  private epoch = 0;
  private readonly epochs = new Map<BarBuilder, number>();

  constructor(private readonly feeds: readonly ReadingSource[]) {
    this.builders = feeds.map(() => []);
  }

  /** A new path starts (O(1): builders reset lazily on first use). */
  reset(startMs: number): void {
    this.startMs = startMs;
    this.epoch++;
  }

  /** Annualised realised vol of asset `a` over the latest `window` complete bars (NaN before). */
  realisedVol(a: number, spec: RealisedVolSpec, nowMs: number): number {
    const b = this.builder(a, spec.barMs, nowMs, spec, realisedVolProblems);
    const n = spec.window;
    const known = ESTIMATORS.includes(spec.estimator);
    if (!(known && Number.isInteger(n) && n >= 2 && n <= b.bars.capacity)) fail(realisedVolProblems(spec));
    if (b.bars.count < n) return Number.NaN;
    return annualisedVol(barVariance(b.bars, spec.estimator, n), spec.barMs);
  }

  /** Annualised forecast vol of asset `a` over the spec's horizon (NaN until warmed up). */
  volForecast(a: number, spec: VolForecastSpec, nowMs: number): number {
    const b = this.builder(a, spec.barMs, nowMs, spec, forecastProblems);
    let slot: ForecastSlot | undefined;
    for (const s of b.forecasts) if (sameForecaster(s.spec, spec)) slot = s;
    if (slot === undefined) {
      const problems = forecastProblems(spec);
      if (problems.length > 0) fail(problems);
      slot = { spec: { ...spec }, forecaster: makeForecaster(spec) };
      b.attach(slot);
    }
    if (!(spec.horizonMs > 0 && spec.horizonMs <= 100 * MS_PER_YEAR)) fail(forecastProblems(spec));
    const h = Math.max(1, spec.horizonMs / spec.barMs);
    return annualisedVol(slot.forecaster.variance(h), spec.barMs);
  }

  private builder<S>(
    a: number,
    barMs: number,
    nowMs: number,
    spec: S,
    check: (s: S) => string[],
  ): BarBuilder {
    const src = this.feeds[a];
    if (src === undefined) throw new VolSpecError(`asset index ${a} has no oracle readings`);
    const list = this.builders[a] as BarBuilder[];
    let b: BarBuilder | undefined;
    for (const x of list) if (x.barMs === barMs) b = x;
    if (b === undefined) {
      const problems = check(spec);
      if (problems.length > 0) fail(problems);
      b = new BarBuilder(barMs);
      list.push(b);
    }
    if (this.epochs.get(b) !== this.epoch) {
      b.reset(this.startMs);
      this.epochs.set(b, this.epoch);
    }
    b.advance(src, nowMs);
    return b;
  }
}

function fail(problems: readonly string[]): never {
  throw new VolSpecError(problems.join("; "));
}
