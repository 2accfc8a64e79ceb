/** Shared helpers of the cross-cutting suites: build and run scenarios given as plain objects. */
import { type CompileOptions, compile } from "../cli/compile.js";
import { KINDS } from "../cli/kinds.js";
import type { SimConfig } from "../engine/sim/config.js";
import { type RunOutput, runPaths } from "../engine/sim/run.js";
import { validateScenario } from "../scenarios/schema/validate.js";

/** A short-call, delta-hedged scenario with every friction off unless overridden. */
export function hedgeScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "test-hedge",
    seed: 7,
    paths: 500,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "30d", step: "1h" },
    market: { rate: 0, assets: { ETH: { model: { kind: "gbm", spot: 3000, drift: 0, vol: 0.8 } } } },
    venues: { perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 } },
    book: [
      { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "30d", qty: -1, iv: 0.8 },
      { kind: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
    ],
    strategy: { kind: "delta-hedge", every: "1h", with: "perp" },
    report: { sampleSeries: 0, eventPaths: 0 },
    ...overrides,
  };
}

export function configOf(raw: unknown, opts: CompileOptions = {}): SimConfig {
  return compile(validateScenario(raw, KINDS, "test scenario"), { checkConservation: true, ...opts });
}

export function run(raw: unknown, opts: CompileOptions = {}): RunOutput {
  return runPaths(configOf(raw, opts));
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return s / x.length;
}

export function std(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += ((x[i] as number) - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

/** Sample kurtosis (not excess): m4 / m2². */
export function kurtosis(x: ArrayLike<number>): number {
  const m = mean(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - m;
    m2 += d * d;
    m4 += d ** 4;
  }
  m2 /= x.length;
  m4 /= x.length;
  return m4 / (m2 * m2);
}
