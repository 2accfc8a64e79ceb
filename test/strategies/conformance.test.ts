/**
 * Conformance of every built-in strategy and the README's user strategy file, on one book that
 * holds everything a strategy may manage (a written call held outright, a perp account, an Aave
 * loan, a wallet reserve):
 * - it never reads what it cannot see yet: on two markets identical up to a crash at day 3, it
 *   emits exactly the same intents before the crash;
 * - it is deterministic: a rerun gives the same intents and the same per-path results;
 * - it emits only valid intents (known instruments, assets and venues; finite amounts);
 * - it cannot mutate engine state: every write through the view is refused.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withUserStrategy } from "../../cli/user-strategy.js";
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { strategyKinds } from "../../strategies/registry.js";
import { configOf } from "../helpers.js";

const book = (strategy: unknown, crash: boolean) => ({
  name: "conformance",
  seed: 3,
  paths: 3,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "6d", step: "30m" },
  market: {
    quote: "USDC",
    rate: 0.03,
    // A flat implied-vol surface at the book option's own vol: vol-arb needs one to read.
    assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.7 }, iv: { kind: "constant", vol: 0.7 } } },
    shocks: crash ? [{ kind: "crash", asset: "ETH", at: "3d", size: -0.35, over: "2h" }] : [],
  },
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h" },
  execution: { latency: { kind: "fixed", delay: "2s" }, fees: { taker: 0.0005, maker: 0.0002 } },
  venues: {
    perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0.0001 },
    lend: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } },
    opt: { kind: "options-standard" },
  },
  liquidators: [{ name: "keeper", latency: "1m", capital: 1e7 }],
  book: [
    { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "5d", qty: -5, iv: 0.7 },
    { kind: "perp", venue: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
    { kind: "loan", venue: "lend", collateral: { ETH: 10 }, debt: { USDC: 17000 } },
    { kind: "cash", amount: { ETH: 2, USDC: 5000 } },
  ],
  strategy,
  report: { sampleSeries: 0, eventPaths: 0 },
});

/** Parameters a kind requires (no default), for this book. */
const REQUIRED: Record<string, Record<string, unknown>> = {
  "collateral-rebalance": { target: { ETH: 0.5, USDC: 0.5 }, every: "6h" },
};

const CRASH_MS = Date.parse("2024-01-04T00:00:00Z");

/** Runs with the strategy's view and sink wrapped: records every intent, checks each one. */
function recorded(raw: unknown): { intents: string[]; pnl: number[]; writes: number } {
  const cfg = configOf(raw);
  const intents: string[] = [];
  let writes = 0;
  const inner = cfg.strategy;
  let view!: StrategyView;
  const guardView = (v: StrategyView): StrategyView =>
    new Proxy(v, {
      get: (t, k) => {
        const x = Reflect.get(t, k, t);
        return typeof x === "function" ? x.bind(t) : x;
      },
      set: (t, k, value) => {
        writes++;
        return Reflect.set(t, k, value, t);
      },
      defineProperty: () => {
        writes++;
        return false;
      },
    });
  const n = cfg.assets.length;
  const nVenues = cfg.venues.length;
  const check = (name: string, args: unknown[]) => {
    for (const a of args) expect(Number.isFinite(a), `${name}(${args.join(", ")})`).toBe(true);
    intents.push(`${view.timeMs} ${name} ${args.map((a) => Number(a).toPrecision(12)).join(" ")}`);
  };
  /** An account intent or watch: a known venue (first argument) where it names one, then recorded. */
  const record = (name: string, args: number[], send: () => void) => {
    if (name !== "watchOracle") expect(args[0] as number).toBeLessThan(nVenues);
    check(name, args);
    send();
  };
  const wrapSink = (o: IntentSink): IntentSink => ({
    trade: (i, a, q) => {
      expect([0, 1]).toContain(i);
      expect(a >= 0 && a < n).toBe(true);
      check("trade", [i, a, q]);
      o.trade(i, a, q);
    },
    setTimer: (d, tag) => {
      expect(d).toBeGreaterThan(0);
      check("timer", [d, tag ?? 0]);
      o.setTimer(d, tag);
    },
    tradeOption: (v, order, q) => {
      expect(v).toBeLessThan(nVenues);
      check("tradeOption", [v, order.asset, order.expiryMs, order.strike ?? order.delta ?? 0, q]);
      o.tradeOption(v, order, q);
    },
    addMargin: (v, x) => record("addMargin", [v, x], () => o.addMargin(v, x)),
    removeMargin: (v, x) => record("removeMargin", [v, x], () => o.removeMargin(v, x)),
    supply: (v, a, x) => record("supply", [v, a, x], () => o.supply(v, a, x)),
    withdraw: (v, a, x) => record("withdraw", [v, a, x], () => o.withdraw(v, a, x)),
    borrow: (v, a, x) => record("borrow", [v, a, x], () => o.borrow(v, a, x)),
    repay: (v, a, x) => record("repay", [v, a, x], () => o.repay(v, a, x)),
    transfer: (f, t, a, x) => {
      expect(f >= -1 && f < nVenues && t >= -1 && t < nVenues).toBe(true);
      check("transfer", [f, t, a, x]);
      o.transfer(f, t, a, x);
    },
    watchOracle: (a, m) => record("watchOracle", [a, m ?? 0], () => o.watchOracle(a, m)),
    watchHealth: (v, l, tag) => record("watchHealth", [v, l, tag ?? 0], () => o.watchHealth(v, l, tag)),
  });
  const wrapped: Strategy = {
    start: (v, o) => {
      view = guardView(v);
      inner.start(view, wrapSink(o));
    },
    onTimer: (_v, o, tag) => inner.onTimer(view, wrapSink(o), tag),
    onOracle: (_v, o, a) => inner.onOracle?.(view, wrapSink(o), a),
    onTrigger: (_v, o, tag) => inner.onTrigger?.(view, wrapSink(o), tag),
  };
  const out = runPaths({ ...cfg, strategy: wrapped });
  return { intents, pnl: [...out.metrics.columns.pnl], writes };
}

const beforeCrash = (intents: string[]) => intents.filter((s) => Number(s.split(" ")[0]) < CRASH_MS);

async function userStrategy(): Promise<unknown> {
  const file = resolve(import.meta.dirname, "../../scenarios/examples/user-strategy.yaml");
  const raw = await withUserStrategy(
    { strategy: { file: "./my-delta-hedge.ts", params: { every: "1h" } } },
    file,
  );
  return (raw as { strategy: unknown }).strategy;
}

describe("strategy conformance", async () => {
  const subjects: [string, unknown][] = strategyKinds
    .list()
    .filter((d) => !d.kind.startsWith("file:"))
    .map((d) => [d.kind, { kind: d.kind, ...REQUIRED[d.kind] }]);
  subjects.push(["README user strategy", await userStrategy()]);

  for (const [name, strategy] of subjects) {
    it(`${name}: no look-ahead, deterministic, valid intents, no writes to the engine`, () => {
      const a = recorded(book(strategy, true));
      const again = recorded(book(strategy, true));
      const calm = recorded(book(strategy, false));
      expect(again.intents).toEqual(a.intents);
      expect(again.pnl).toEqual(a.pnl);
      expect(beforeCrash(calm.intents)).toEqual(beforeCrash(a.intents));
      expect(a.writes + calm.writes).toBe(0);
    });
  }
});
