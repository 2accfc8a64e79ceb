/**
 * The strategy view against closed forms (REFERENCE "Lending" worked example: 10 WETH at 2 000,
 * LT 0.825, 14 000 USDC debt ⇒ HF 1.178571, HF = 1 at 1 696.97), refused intents seen at the next
 * callback, triggers on health crossings, and the view's isolation from engine state.
 */
import { describe, expect, it } from "vitest";
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { configOf } from "../helpers.js";

const loan = (strategy: Strategy, extra: Record<string, unknown> = {}) =>
  runPaths({
    ...configOf({
      name: "view",
      paths: 1,
      clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
      market: {
        quote: "USDC",
        assets: { ETH: { model: { kind: "gbm", spot: 2000, vol: 0.02 } } },
        shocks: [{ kind: "crash", asset: "ETH", at: "1d", size: -0.12, over: "1h" }],
      },
      venues: { lend: { kind: "aave-v3", assets: { ETH: { ltv: 0.8, lt: 0.825 }, USDC: {} } } },
      book: [{ kind: "loan", venue: "lend", collateral: { ETH: 10 }, debt: { USDC: 14000 } }],
      report: { sampleSeries: 0, eventPaths: 1 },
      ...extra,
    }),
    strategy,
  });

describe("strategy view", () => {
  it("reads the loan as Aave does, at the oracle price", () => {
    const seen: Record<string, number> = {};
    loan({
      start(v: StrategyView) {
        const lend = v.venueIndex("lend");
        const eth = v.assetIndex("ETH");
        const usdc = v.assetIndex("USDC");
        seen["hf"] = v.healthFactor(lend);
        seen["lp"] = v.liquidationPrice(lend, eth);
        seen["dist"] = v.liquidationDistance(lend, eth);
        seen["ltv"] = v.ltv(lend);
        seen["free"] = v.freeCollateral(lend);
        seen["debt"] = v.debt(lend, usdc);
        seen["supplied"] = v.supplied(lend, eth);
        seen["cash"] = v.cash(usdc);
        seen["borrowRate"] = v.borrowRate(lend, usdc);
        seen["mr"] = v.marginRatio(lend);
      },
      onTimer() {},
    });
    expect(seen["hf"]).toBeCloseTo(1.178571, 5);
    expect(seen["lp"]).toBeCloseTo(1696.97, 1);
    expect(seen["dist"]).toBeCloseTo(1 - 1696.97 / 2000, 4);
    expect(seen["ltv"]).toBeCloseTo(0.7, 9);
    expect(seen["free"]).toBeCloseTo(20000 * 0.8 - 14000, 6); // WETH LTV 0.80
    expect(seen["debt"]).toBe(14000);
    expect(seen["supplied"]).toBe(10);
    expect(seen["cash"]).toBe(14000); // the borrowed USDC, in the wallet
    expect(seen["borrowRate"]).toBeGreaterThan(0);
    expect(seen["mr"]).toBeCloseTo(1 / 1.178571, 5);
  });

  it("fires a health trigger on the crossing, and shows a refused intent at the next callback", () => {
    const log: string[] = [];
    const s: Strategy = {
      start(v, out: IntentSink) {
        out.watchHealth(v.venueIndex("lend"), 1.1, 7);
        out.borrow(v.venueIndex("lend"), v.assetIndex("USDC"), 100000); // beyond LTV: refused
        out.setTimer(60_000, 1);
      },
      onTimer(v) {
        for (const r of v.refusals()) log.push(`timer ${r.intent}: ${r.reason}`);
      },
      onTrigger(v, _out, tag) {
        log.push(`trigger ${tag} at HF ${v.healthFactor(v.venueIndex("lend")).toFixed(3)}`);
      },
    };
    const out = loan(s);
    expect(log[0]).toMatch(/^timer borrow 100000 USDC on lend: .*borrow would exceed LTV/);
    expect(log.filter((l) => l.startsWith("trigger")).length).toBe(1);
    const hf = Number(/HF ([\d.]+)/.exec(log.find((l) => l.startsWith("trigger 7")) ?? "")?.[1]);
    expect(hf).toBeLessThan(1.1);
    expect(out.metrics.columns.rejected[0]).toBe(1);
  });

  it("gives strategy code no way to the engine's state", () => {
    let keys: string[] = [];
    loan({
      start(v) {
        keys = [...Object.keys(v), ...Object.getOwnPropertyNames(v)];
        expect(() => {
          (v as unknown as { timeMs: number }).timeMs = 0;
        }).toThrow();
        expect(Object.isFrozen(v.assetNames)).toBe(true);
      },
      onTimer() {},
    });
    expect(keys.sort()).toEqual([
      "assetNames",
      "assetNames",
      "endMs",
      "endMs",
      "rate",
      "rate",
      "startMs",
      "startMs",
    ]);
  });
});
