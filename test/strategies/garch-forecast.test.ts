/**
 * The view's GARCH(1,1) forecast recovers the conditional vol of a `garch` price model when given
 * the model's own parameters (bars = the clock step, an ideal oracle). The model's conditional
 * variance is rebuilt in the test from the returns the strategy sees, by the model's recursion
 * (scenarios/models/garch.ts, with zero drift): r = −h/2 + √h·z, so h·z² = (r + h/2)² and
 *
 *   h_{i+1} = ω + α (rᵢ + hᵢ/2)² + β hᵢ.
 *
 * The view's filter uses rᵢ² instead of (rᵢ + hᵢ/2)² (it does not know the −h/2 drift), a gap of
 * order α·h^{3/2} a step, so its one-step forecast stays within 1 % of the model's variance on
 * every hour of every path, while the forecast of a different model (EWMA) does not.
 */
import { describe, expect, it } from "vitest";
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { configOf } from "../helpers.js";

const [ALPHA, BETA, VOL] = [0.06, 0.92, 0.8];
const OMEGA = VOL * VOL * (MS_PER_HOUR / MS_PER_YEAR) * (1 - ALPHA - BETA);
const GARCH = {
  kind: "garch",
  alpha: ALPHA,
  beta: BETA,
  omega: OMEGA,
  barMs: MS_PER_HOUR,
  horizonMs: 1,
} as const;
const EWMA = { kind: "ewma", lambda: 0.94, barMs: MS_PER_HOUR, horizonMs: 1 } as const;

class Tracker implements Strategy {
  last = Number.NaN;
  h = OMEGA / (1 - ALPHA - BETA);
  worst = { garch: 0, ewma: 0 };

  start(v: StrategyView, out: IntentSink): void {
    this.last = v.oraclePrice(0);
    this.h = OMEGA / (1 - ALPHA - BETA);
    out.setTimer(MS_PER_HOUR);
  }

  onTimer(v: StrategyView, out: IntentSink): void {
    out.setTimer(MS_PER_HOUR);
    const p = v.oraclePrice(0);
    const r = Math.log(p / this.last);
    this.last = p;
    this.h = OMEGA + ALPHA * (r + this.h / 2) ** 2 + BETA * this.h;
    const model = Math.sqrt(this.h * (MS_PER_YEAR / MS_PER_HOUR));
    const err = (x: number) => Math.abs(x / model - 1);
    this.worst.garch = Math.max(this.worst.garch, err(v.volForecast(0, GARCH)));
    const ewma = v.volForecast(0, EWMA);
    if (!Number.isNaN(ewma)) this.worst.ewma = Math.max(this.worst.ewma, err(ewma));
  }
}

describe("GARCH forecast on a GARCH world", () => {
  it("tracks the model's conditional vol within 1 % every hour, with the model's parameters", () => {
    const t = new Tracker();
    runPaths({
      ...configOf({
        name: "garch-forecast",
        seed: 23,
        paths: 4,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "20d", step: "1h" },
        market: {
          quote: "USDC",
          assets: { ETH: { model: { kind: "garch", spot: 3000, omega: OMEGA, alpha: ALPHA, beta: BETA } } },
        },
        oracle: { kind: "ideal" },
        report: { sampleSeries: 0, eventPaths: 0 },
      }),
      strategy: t,
    });
    expect(t.worst.garch).toBeLessThan(0.01);
    expect(t.worst.ewma).toBeGreaterThan(0.05);
  });
});
