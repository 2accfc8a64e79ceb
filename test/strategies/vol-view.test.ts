/**
 * Realised vol and forecasts in the strategy view, through the engine: a strategy records every
 * landed reading it is shown (watchOracle, minMove 0) and rebuilds daily bars, two estimators and
 * the EWMA and GARCH forecasts (the h-day mean by iterating the k-step forecasts) with its own code; the view's figures must equal them on every path (so the view's per-path
 * state resets), be NaN until the window's bars are complete, 0 for the quote currency, and an
 * invalid spec must stop the run with a StrategyError that names the problem.
 */
import { describe, expect, it } from "vitest";
import { StrategyError } from "../../engine/errors.js";
import { runPaths } from "../../engine/sim/run.js";
import type {
  Estimator,
  IntentSink,
  RealisedVolSpec,
  Strategy,
  StrategyView,
} from "../../engine/strategy.js";
import { MS_PER_DAY } from "../../engine/units.js";
import { configOf } from "../helpers.js";

const DAY = MS_PER_DAY;
const run = (strategy: Strategy, paths = 3) =>
  runPaths({
    ...configOf({
      name: "vol-view",
      seed: 5,
      paths,
      clock: { start: "2024-01-01T00:00:00Z", horizon: "45d", step: "1h" },
      market: { quote: "USDC", assets: { ETH: { model: { kind: "gbm", spot: 2000, vol: 0.6 } } } },
      oracle: { kind: "ideal" },
      report: { sampleSeries: 0, eventPaths: 0 },
    }),
    strategy,
  });

/** Daily bars of the recorded readings, (s, s + 1d], open = the value standing at s. */
function dailyBars(times: number[], prices: number[], start: number, now: number): number[][] {
  const bars: number[][] = [];
  let i = 0;
  let last = prices[0] as number;
  for (let end = start + DAY; end <= now; end += DAY) {
    const bar = [last, last, last, last];
    for (; i < times.length && (times[i] as number) <= end; i++) {
      const p = prices[i] as number;
      bar[1] = Math.max(bar[1] as number, p);
      bar[2] = Math.min(bar[2] as number, p);
      bar[3] = p;
    }
    bars.push(bar);
    last = bar[3] as number;
  }
  return bars;
}

/** Annualised close-to-close (n − 1) and Parkinson over the latest n bars, written out again. */
function own(bars: number[][], n: number): Record<string, number> {
  const b = bars.slice(-n);
  const r = b.map((x) => Math.log((x[3] as number) / (x[0] as number)));
  const m = r.reduce((a, x) => a + x, 0) / n;
  const cc = r.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
  const pk =
    b.reduce((a, x) => a + Math.log((x[1] as number) / (x[2] as number)) ** 2, 0) / (4 * n * Math.LN2);
  return { "close-to-close": Math.sqrt(cc * 365), parkinson: Math.sqrt(pk * 365) };
}

const GARCH = {
  kind: "garch",
  alpha: 0.1,
  beta: 0.85,
  longRunVol: 0.6,
  barMs: DAY,
  horizonMs: 7 * DAY,
} as const;

/** EWMA (λ 0.94, seeded with the mean square of 17 returns) and GARCH over 7 days, written out again. */
function ownForecasts(bars: number[][]): Record<string, number> {
  const r = bars.map((x) => Math.log((x[3] as number) / (x[0] as number)));
  let ewma = r.slice(0, 17).reduce((a, x) => a + x * x, 0) / 17;
  for (const x of r.slice(17)) ewma = 0.94 * ewma + 0.06 * x * x;
  const omega = (0.36 / 365) * 0.05;
  let h = omega / 0.05;
  for (const x of r) h = omega + 0.1 * x * x + 0.85 * h;
  let sum = 0;
  for (let k = 0; k < 7; k++, h = omega + 0.95 * h) sum += h;
  return { ewma: Math.sqrt(ewma * 365), garch: Math.sqrt((sum / 7) * 365) };
}

class Recorder implements Strategy {
  times: number[] = [];
  prices: number[] = [];
  checks: { view: number; own: number; est: string }[] = [];
  early: number[] = [];
  quote = Number.NaN;

  start(v: StrategyView, out: IntentSink): void {
    this.times = [v.timeMs];
    this.prices = [v.oraclePrice(0)];
    this.quote = v.realisedVol(v.assetIndex("USDC"), { estimator: "parkinson", window: 5, barMs: DAY });
    out.watchOracle(0, 0);
    out.setTimer(19 * DAY);
  }

  onOracle(v: StrategyView): void {
    this.times.push(v.timeMs);
    this.prices.push(v.oraclePrice(0));
  }

  onTimer(v: StrategyView, out: IntentSink): void {
    const spec = (estimator: Estimator, window: number): RealisedVolSpec => ({
      estimator,
      window,
      barMs: DAY,
    });
    out.setTimer(DAY + 7 * 3_600_000);
    if (v.timeMs < 20 * DAY + v.startMs) {
      this.early.push(v.realisedVol(0, spec("yang-zhang", 20)));
      return;
    }
    const bars = dailyBars(this.times, this.prices, v.startMs, v.timeMs);
    const mine = own(bars, 20);
    for (const est of ["close-to-close", "parkinson"] as const) {
      this.checks.push({ view: v.realisedVol(0, spec(est, 20)), own: mine[est] as number, est });
    }
    const f = ownForecasts(bars);
    const ewma = v.volForecast(0, { kind: "ewma", barMs: DAY, horizonMs: DAY });
    this.checks.push({ view: ewma, own: f["ewma"] as number, est: "ewma" });
    this.checks.push({ view: v.volForecast(0, GARCH), own: f["garch"] as number, est: "garch" });
  }
}

describe("realisedVol in the view", () => {
  it("equals the estimators rebuilt from the readings a strategy sees, on every path", () => {
    const s = new Recorder();
    const all: { view: number; own: number; est: string }[] = [];
    const wrapped: Strategy = {
      start: (v, o) => {
        all.push(...s.checks);
        s.checks = [];
        s.start(v, o);
      },
      onTimer: (v, o) => s.onTimer(v, o),
      onOracle: (v) => s.onOracle(v),
    };
    run(wrapped);
    all.push(...s.checks);
    expect(all.length).toBeGreaterThan(3 * 4 * 10);
    for (const c of all) expect(c.view / c.own, c.est).toBeCloseTo(1, 10);
    expect(s.early.length).toBeGreaterThan(0);
    expect(s.early.every(Number.isNaN)).toBe(true);
    expect(s.quote).toBe(0);
    const cc = all.filter((c) => c.est === "close-to-close").map((c) => c.view);
    const mean = cc.reduce((a, x) => a + x, 0) / cc.length;
    expect(mean).toBeGreaterThan(0.6 * 0.8);
    expect(mean).toBeLessThan(0.6 * 1.2);
  });

  it("stops the run with a StrategyError naming an invalid spec", () => {
    const bad: Strategy = {
      start: () => {},
      onTimer: () => {},
    };
    bad.start = (v) => {
      v.volForecast(0, { kind: "garch", alpha: 0.3, beta: 0.8, omega: 1e-5, barMs: DAY, horizonMs: DAY });
    };
    expect(() => run(bad, 1)).toThrow(StrategyError);
    expect(() => run(bad, 1)).toThrow(/alpha \+ beta must be < 1 \(stationary\), was 1\.1/);
    const unknown: Strategy = {
      start: (v) => {
        v.realisedVol(0, { estimator: "parkinson", window: 2, barMs: DAY });
        v.realisedVol(0, { estimator: "rogers-satchell" as Estimator, window: 2, barMs: DAY });
      },
      onTimer: () => {},
    };
    expect(() => run(unknown, 1)).toThrow(/estimator "rogers-satchell" is unknown; allowed: close-to-close/);
  });
});
