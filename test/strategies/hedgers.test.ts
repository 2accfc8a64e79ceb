/**
 * Delta hedgers on shared paths (seed 7, 200 GBM paths, one written ATM call, taker fee 5 bp):
 * - `delta-band` trades far less than hourly `delta-hedge` for a comparable hedge error;
 * - `ww-band`'s Whalley–Wilmott band widens with cost (fewer trades, larger error) and narrows
 *   with risk aversion;
 * - `gamma-scalp` on a long call earns ≈ vega·(σ_realised − σ_implied): positive when realised
 *   volatility exceeds implied, negative when below (Black–Scholes P&L of a hedged option).
 */
import { describe, expect, it } from "vitest";
import { normPdf } from "../../engine/pricing/normal.js";
import { hedgeScenario, mean, run, std } from "../helpers.js";

const fees = { execution: { fees: { taker: 0.0005, maker: 0.0002 } } };
const cols = (strategy: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  run(hedgeScenario({ paths: 200, ...fees, strategy, ...extra })).metrics.columns;

describe("delta-band", () => {
  it("trades far less than hourly hedging for a comparable hedge error", () => {
    const hourly = cols({ kind: "delta-hedge", every: "1h" });
    const band = cols({ kind: "delta-band", band: 0.02, unit: "notional", every: "1h" });
    expect(mean(band.trades)).toBeLessThan(0.3 * mean(hourly.trades));
    expect(std(band.pnl)).toBeLessThan(1.35 * std(hourly.pnl));
    expect(mean(band.fees)).toBeLessThan(mean(hourly.fees));
  });
});

describe("ww-band", () => {
  it("widens with cost and narrows with risk aversion", () => {
    const base = cols({ kind: "ww-band", riskAversion: 0.01, cost: 0.001 });
    const costly = cols({ kind: "ww-band", riskAversion: 0.01, cost: 0.01 });
    const averse = cols({ kind: "ww-band", riskAversion: 1, cost: 0.001 });
    expect(mean(costly.trades)).toBeLessThan(mean(base.trades));
    expect(std(costly.pnl)).toBeGreaterThan(std(base.pnl));
    expect(std(averse.pnl)).toBeLessThan(std(base.pnl));
  });
});

describe("gamma-scalp", () => {
  const S0 = 3000;
  const T = 30 / 365;
  const IV = 0.8;
  const vega = S0 * Math.sqrt(T) * normPdf((IV * Math.sqrt(T)) / 2);
  const scalp = (vol: number) => {
    const s = hedgeScenario({ paths: 200, strategy: { kind: "gamma-scalp", move: 0.01 } }) as {
      book: Record<string, unknown>[];
      market: { assets: { ETH: { model: Record<string, unknown> } } };
    };
    (s.book[0] as Record<string, unknown>)["qty"] = 1; // long the call
    s.market.assets.ETH.model["vol"] = vol;
    return run(s).metrics.columns.pnl;
  };

  it("gains when realised volatility exceeds implied and loses when it is below", () => {
    for (const vol of [1.0, 0.6]) {
      const pnl = scalp(vol);
      const se = std(pnl) / Math.sqrt(pnl.length);
      const theory = vega * (vol - IV);
      expect(Math.sign(mean(pnl))).toBe(Math.sign(theory));
      expect(Math.abs(mean(pnl))).toBeGreaterThan(4 * se);
      expect(Math.abs(mean(pnl) / theory - 1)).toBeLessThan(0.25);
    }
  });
});
