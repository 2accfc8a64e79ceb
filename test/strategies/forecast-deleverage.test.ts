/**
 * `forecast-deleverage`:
 * - acceptance: on the same 200 paths of the regime-switching world of
 *   scenarios/examples/forecast-deleverage.yaml it is liquidated less often than `hold`, by a
 *   paired (McNemar exact binomial) test on the paths where exactly one of them is liquidated,
 *   p < 0.001, and its Wilson 95 % interval lies wholly below hold's;
 * - it acts on the forecast only: in a calm GBM (30 % vol) it never repays; in a stressed one
 *   (160 % vol) it repays on every path; with a `baseline` the band is a ratio to the realised vol,
 *   so a steady 160 % leaves it calm while a fourfold vol spike on a 50 % market makes it repay;
 * - on a perp it sizes the position so that the maintenance condition holds exactly at the move
 *   to survive (checked against the liquidation equation, not the formula), and cuts only under stress;
 * - impossible parameters are refused, naming the field.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InputError } from "../../engine/errors.js";
import type { StrategyView } from "../../engine/strategy.js";
import { perpAllowedQty } from "../../strategies/forecast-deleverage/perp.js";
import { ROOT } from "../cli-harness.js";
import { configOf, run } from "../helpers.js";

const FILE = join(ROOT, "scenarios/examples/forecast-deleverage.yaml");
const SCENARIO = parse(readFileSync(FILE, "utf8"));
const { sweep: _sweep, ...BASE } = SCENARIO;

/** Wilson score interval at z = 1.96 (Wilson 1927). */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) as number;
  return [c - h, c + h];
}

/** One-sided exact binomial p-value P(X ≥ b | n = b + c, ½) of the discordant pairs (McNemar). */
function mcnemar(b: number, c: number): number {
  const n = b + c;
  let p = 0;
  let term = 0.5 ** n; // C(n, 0) / 2ⁿ
  for (let k = 0; k <= n; k++) {
    if (k >= b) p += term;
    term *= (n - k) / (k + 1);
  }
  return p;
}

describe("forecast-deleverage against hold in a regime-switching world", { timeout: 120_000 }, () => {
  const runKind = (strategy: unknown) =>
    run({ ...BASE, strategy, paths: 200 }, { checkConservation: false }).metrics.columns;
  const hold = runKind({ kind: "hold" });
  const fd = runKind(SCENARIO.strategy);

  it("runs on the same paths", () => {
    expect(Array.from(fd.finalPrice)).toEqual(Array.from(hold.finalPrice));
  });

  it("is liquidated less often: paired test p < 0.001, Wilson intervals apart", () => {
    let b = 0;
    let c = 0;
    let kHold = 0;
    let kFd = 0;
    for (let i = 0; i < hold.liquidations.length; i++) {
      const h = (hold.liquidations[i] as number) > 0;
      const f = (fd.liquidations[i] as number) > 0;
      kHold += Number(h);
      kFd += Number(f);
      if (h && !f) b++;
      if (f && !h) c++;
    }
    expect(mcnemar(b, c)).toBeLessThan(0.001);
    const n = hold.liquidations.length;
    expect(wilson(kFd, n)[1]).toBeLessThan(wilson(kHold, n)[0]);
  });
});

describe("forecast-deleverage acts on the forecast", () => {
  /** Paths (of 8) on which the strategy repays, in a GBM at `vol` with optional extras. */
  const repays = (vol: number, strategy: Record<string, unknown> = {}, shocks: unknown[] = []) => {
    const log = run({
      ...BASE,
      paths: 8,
      clock: { start: "2024-01-01T00:00:00Z", horizon: "5d", step: "30m" },
      market: { quote: "USDC", assets: { ETH: { model: { kind: "gbm", spot: 3000, vol } } }, shocks },
      strategy: { ...SCENARIO.strategy, ...strategy },
      report: { sampleSeries: 0, eventPaths: 8 },
    }).events;
    const paths = new Set<number>();
    for (let i = 0; i < log.length; i++) {
      if (/repay/.test(log.detail[i] as string)) paths.add(log.path[i] as number);
    }
    return paths.size;
  };

  it("never repays in a calm market and repays on every path in a stressed one", () => {
    expect(repays(0.3)).toBe(0);
    expect(repays(1.6)).toBe(8);
  });

  it("with a baseline, reacts to a rise relative to the usual vol, not to a level", () => {
    const ratio = { baseline: 48, enterVol: 1.3, exitVol: 1.0 };
    expect(repays(1.6, ratio)).toBe(0);
    const spike = { kind: "vol-spike", asset: "ETH", at: "3d", for: "1d", multiplier: 4 };
    expect(repays(0.5, ratio, [spike])).toBe(8);
  });
});

describe("forecast-deleverage on a perp", () => {
  it("sizes the position so the maintenance condition E + q(P′ − P) = m·|q|·P′ holds at the move", () => {
    const [E, P, m] = [10_000, 3000, 0.03];
    for (const [q, need] of [
      [10, 0.5],
      [-10, 0.4],
    ] as const) {
      const en = E / (Math.abs(q) * P);
      const d = q > 0 ? (en - m) / (1 - m) : (en - m) / (1 + m);
      const view = { ltv: () => 1 / en, liquidationDistance: () => d } as unknown as StrategyView;
      const k = perpAllowedQty(view, 0, 0, q, need) * Math.sign(q);
      const p2 = q > 0 ? P * (1 - need) : P * (1 + need);
      expect((E + k * (p2 - P)) / (m * Math.abs(k) * p2)).toBeCloseTo(1, 10);
    }
  });

  it("cuts a long perp in a stressed market and leaves it in a calm one", () => {
    const trades = (vol: number) =>
      run({
        ...BASE,
        paths: 6,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "4d", step: "30m" },
        market: { quote: "USDC", assets: { ETH: { model: { kind: "gbm", spot: 3000, vol } } } },
        venues: { perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 } },
        book: [{ kind: "perp", venue: "perp", underlying: "ETH", qty: 10, collateral: 10_000 }],
      }).metrics.columns.trades;
    expect(Array.from(trades(0.3))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(trades(1.6)).every((n) => n > 0)).toBe(true);
  });
});

describe("forecast-deleverage parameters", () => {
  const bad = (strategy: Record<string, unknown>) => () =>
    configOf({ ...BASE, strategy: { kind: "forecast-deleverage", ...strategy } });

  it("refuses a band upside down, a GARCH without its parameters or not stationary", () => {
    expect(bad({ enterVol: 0.8, exitVol: 0.9 })).toThrow(/strategy\.exitVol.*below enterVol \(0\.8\)/);
    expect(bad({ model: "garch", alpha: 0.1 })).toThrow(/strategy\.beta.*model: garch needs beta/);
    expect(bad({ model: "garch", alpha: 0.2, beta: 0.85, longRunVol: 0.8 })).toThrow(
      /strategy\.alpha.*alpha \+ beta must be < 1 \(stationary\), was 1\.05/,
    );
    expect(bad({ venue: "nope" })).toThrow(InputError);
  });
});
