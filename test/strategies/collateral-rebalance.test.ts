/**
 * `collateral-rebalance` on shared paths: an Aave v3 loan of 20 000 USDC against 10 ETH and
 * 0.5 BTC (30 000 USDC each, shares 50/50), both at 80 % volatility for 60 days, checked daily
 * with a 5-point band:
 * - under `hold` the mix drifts well outside the band;
 * - each round ends with the shares back at target (within the 1 % of proceeds kept for costs),
 *   the collateral's value kept but for costs, and the loan never liquidated;
 * - a target that does not sum to 1, or names an unknown asset, is refused naming strategy.target.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { configOf } from "../helpers.js";

const TARGET = { ETH: 0.5, BTC: 0.5 };
const loan = (strategy: Record<string, unknown>) => ({
  name: "rebalance",
  seed: 21,
  paths: 12,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "60d", step: "1h" },
  market: {
    quote: "USDC",
    assets: {
      ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 } },
      BTC: { model: { kind: "gbm", spot: 60000, vol: 0.8 } },
    },
  },
  oracle: { kind: "ideal" },
  execution: { fees: { taker: 0.0005, maker: 0.0002 } },
  venues: { lend: { kind: "aave-v3", assets: { ETH: {}, BTC: {}, USDC: {} } } },
  liquidators: [{ name: "keeper", latency: "1m", capital: 1e8 }],
  book: [{ kind: "loan", venue: "lend", collateral: { ETH: 10, BTC: 0.5 }, debt: { USDC: 20000 } }],
  strategy,
  report: { sampleSeries: 0, eventPaths: 0 },
});

/** ETH's share of the collateral and the collateral's value, at oracle prices. */
function mix(view: StrategyView): { eth: number; value: number } {
  const v = view.venueIndex("lend");
  const [eth, btc] = [view.assetIndex("ETH"), view.assetIndex("BTC")];
  const e = view.supplied(v, eth) * view.oraclePrice(eth);
  const b = view.supplied(v, btc) * view.oraclePrice(btc);
  return { eth: e / (e + b), value: e + b };
}

/** Runs the strategy and looks at the book when a round starts (withdraw) and 1 s after it ends (supply). */
function watched(strategy: Record<string, unknown>, look: (view: StrategyView, what: string) => void) {
  const cfg = configOf(loan(strategy));
  const inner = cfg.strategy;
  const LOOK = 7919;
  let view!: StrategyView;
  const wrap = (out: IntentSink): IntentSink =>
    new Proxy(out, {
      get: (t, k) => {
        const f = (Reflect.get(t, k, t) as (...a: unknown[]) => void).bind(t);
        if (k === "withdraw")
          return (...a: unknown[]) => {
            look(view, "start");
            f(...a);
          };
        if (k !== "supply") return f;
        return (...a: unknown[]) => {
          f(...a);
          t.setTimer(1000, LOOK);
        };
      },
    });
  const s: Strategy = {
    start: (v, out) => {
      view = v;
      inner.start(v, wrap(out));
    },
    onTimer: (v, out, tag) => (tag === LOOK ? look(v, "end") : inner.onTimer(v, wrap(out), tag)),
  };
  return runPaths({ ...cfg, strategy: s });
}

describe("collateral-rebalance", () => {
  it("drifts outside the band under hold", () => {
    const cfg = configOf(loan({ kind: "hold" }));
    let worst = 0;
    const s: Strategy = {
      start: (_v, out) => out.setTimer(86_400_000),
      onTimer: (v, out) => {
        worst = Math.max(worst, Math.abs(mix(v).eth - 0.5));
        out.setTimer(86_400_000);
      },
    };
    runPaths({ ...cfg, strategy: s });
    expect(worst).toBeGreaterThan(0.15);
  });

  it("brings the mix back to target each round, keeping the value but for costs", () => {
    let rounds = 0;
    let before = { eth: 0, value: 0 };
    const out = watched({ kind: "collateral-rebalance", target: TARGET, band: 0.05 }, (view, what) => {
      const m = mix(view);
      if (what === "start") {
        expect(Math.abs(m.eth - 0.5)).toBeGreaterThan(0.05);
        before = m;
        return;
      }
      rounds++;
      expect(Math.abs(m.eth - 0.5)).toBeLessThan(0.01 * Math.abs(before.eth - 0.5) + 1e-9);
      expect(m.value).toBeGreaterThan(before.value * (1 - 0.002));
      expect(m.value).toBeLessThanOrEqual(before.value);
    });
    expect(rounds).toBeGreaterThan(12);
    for (const x of out.metrics.columns.liquidations) expect(x).toBe(0);
  });

  it("refuses a target that does not sum to 1 or names an unknown asset", () => {
    for (const target of [
      { ETH: 0.5, BTC: 0.6 },
      { ETH: 0.5, SOL: 0.5 },
    ]) {
      try {
        configOf(loan({ kind: "collateral-rebalance", target }));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).issues[0]?.path).toMatch(/^strategy\.target/);
      }
    }
  });
});
