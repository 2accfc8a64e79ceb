/**
 * Collateral transfers between venues (engine/sim/transfers.ts) on shared paths: an Aave v3 loan of
 * 10 ETH against 16 000 USDC on `lend` through a 40 % crash over 3 hours, `collateral-topup`
 * reacting to the oracle with a 4 ETH reserve:
 * - held in the wallet (a same-venue top-up, one supply), it prevents every liquidation;
 * - supplied on `lend2` and moved by a transfer on a route with a 6-hour delay, it arrives after
 *   the crash: the loan is liquidated first, and the arrival is an event;
 * - in flight it backs nothing: neither venue counts it until it lands, less the route's fee;
 * - a transfer on a route that is not declared is refused, and the strategy sees why.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { EventType } from "../../engine/events.js";
import { runPaths } from "../../engine/sim/run.js";
import { type IntentSink, type Strategy, type StrategyView, WALLET } from "../../engine/strategy.js";
import { configOf, run } from "../helpers.js";

const loan = (strategy: Record<string, unknown>, reserve: "wallet" | "lend2", delay = "6h") => ({
  name: "transfer",
  seed: 5,
  paths: 8,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "4d", step: "10m" },
  market: {
    quote: "USDC",
    assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.3 } } },
    shocks: [{ kind: "crash", asset: "ETH", at: "2d", size: -0.4, over: "3h" }],
  },
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h" },
  execution: { transfers: [{ from: "lend2", to: "lend", delay, fee: 0.01, feeRate: 0.001 }] },
  venues: {
    lend: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } },
    lend2: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } },
  },
  liquidators: [{ name: "keeper", latency: "1m", capital: 1e7 }],
  book: [
    { kind: "loan", venue: "lend", collateral: { ETH: 10 }, debt: { USDC: 16000 } },
    reserve === "wallet"
      ? { kind: "cash", amount: { ETH: 4 } }
      : { kind: "loan", venue: "lend2", collateral: { ETH: 4 }, debt: { USDC: 1 } },
  ],
  strategy,
  report: { sampleSeries: 0, eventPaths: 8 },
});

const TOPUP = {
  kind: "collateral-topup",
  venue: "lend",
  asset: "ETH",
  trigger: 1.2,
  target: 1.5,
  wait: "7h",
};

describe("transfers between venues", () => {
  it("a cross-venue top-up arrives too late; a same-venue one prevents the liquidation", () => {
    const same = run(loan(TOPUP, "wallet"));
    const cross = run(loan({ ...TOPUP, from: "lend2" }, "lend2"));
    for (const x of same.metrics.columns.liquidations) expect(x).toBe(0);
    for (const x of cross.metrics.columns.liquidations) expect(x).toBeGreaterThan(0);
    const ev = cross.events;
    const arrived = ev.detail.filter((d, i) => ev.type[i] === EventType.collateral && d.includes("arrived"));
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived[0]).toMatch(/^transfer of [\d.]+ ETH from lend2 to lend arrived/);
  });

  it("backs nothing in flight and lands less the route's fee", () => {
    const cfg = configOf(loan({ kind: "hold" }, "lend2", "6h"));
    const seen: { t: number; lend: number; lend2: number; wallet: number }[] = [];
    const s: Strategy = {
      start: (v: StrategyView, out: IntentSink) => {
        out.transfer(v.venueIndex("lend2"), v.venueIndex("lend"), 0, 2);
        out.setTimer(3 * 3_600_000);
        out.setTimer(7 * 3_600_000);
      },
      onTimer: (v: StrategyView) => {
        seen.push({
          t: v.timeMs,
          lend: v.supplied(v.venueIndex("lend"), 0),
          lend2: v.supplied(v.venueIndex("lend2"), 0),
          wallet: v.cash(0),
        });
      },
    };
    runPaths({ ...cfg, paths: 1, strategy: s });
    const [during, after] = seen;
    expect(during?.lend2).toBeCloseTo(2, 4); // left lend2 (supply interest aside)…
    expect(during?.lend).toBeCloseTo(10, 4); // …and is not at lend yet
    expect(during?.wallet).toBe(0);
    // Arrived less the fee 0.01 + 0.1 % (supply interest on the 10 ETH over 4 h is < 1e-4).
    expect((after?.lend as number) - (during?.lend as number)).toBeCloseTo(2 - (0.01 + 0.001 * 2), 3);
  });

  it("counts collateral still in flight at the horizon in the trader's equity", () => {
    // 2 ETH leave lend2 at the start on a 10-day route over a 4-day run: still in transit at the end.
    // It backs nothing, but it is the trader's: the PnL is that of not moving it (the route's fee
    // is paid on arrival, the default gas is 0), up to lend2's supply interest on 2 ETH (< 2 USDC).
    const cfg = configOf(loan({ kind: "hold" }, "lend2", "10d"));
    const send: Strategy = {
      start: (v: StrategyView, out: IntentSink) => {
        out.transfer(v.venueIndex("lend2"), v.venueIndex("lend"), 0, 2);
      },
      onTimer: () => {},
    };
    const moved = runPaths({ ...cfg, paths: 3, strategy: send }).metrics.columns.pnl;
    const kept = runPaths({ ...cfg, paths: 3, strategy: { start: () => {}, onTimer: () => {} } }).metrics
      .columns.pnl;
    moved.forEach((pnl, i) => {
      expect(Math.abs(pnl - (kept[i] as number))).toBeLessThan(2);
    });
  });

  it("refuses a route that is not declared, and says why", () => {
    const cfg = configOf(loan({ kind: "hold" }, "lend2"));
    const reasons: string[] = [];
    const s: Strategy = {
      start: (v: StrategyView, out: IntentSink) => {
        out.transfer(v.venueIndex("lend"), WALLET, 0, 1);
        out.setTimer(60_000);
      },
      onTimer: (v: StrategyView) => {
        for (const r of v.refusals()) reasons.push(`${r.intent}: ${r.reason}`);
      },
    };
    runPaths({ ...cfg, paths: 1, strategy: s });
    expect(reasons).toEqual([
      "transfer of 1 ETH from lend to wallet: rejected: no such route; declare it under execution.transfers",
    ]);
  });

  it("names a route's unknown venue", () => {
    const raw = loan({ kind: "hold" }, "lend2") as { execution: { transfers: Record<string, unknown>[] } };
    raw.execution.transfers[0] = { from: "bridge", to: "lend" };
    expect(() => configOf(raw)).toThrow(InputError);
    try {
      configOf(raw);
    } catch (e) {
      expect((e as InputError).issues[0]?.path).toBe("execution.transfers[0].from");
      expect((e as InputError).issues[0]?.message).toContain("allowed: wallet, lend, lend2");
    }
  });
});
