/**
 * `delta-gamma-hedge` on shared paths (seed 7, GBM at 80 %, one written ATM call, no costs):
 * - after each rebalance the book's gamma is ≈ 0, by a Black–Scholes gamma computed here from the
 *   options the view lists (Γ = φ(d₁)/(S·σ·√τ), Hull ch. 19), not by the engine's pricer;
 * - at the same hourly interval its hedge error is well below `delta-hedge`'s: the gamma term
 *   ½Γ·ΔS² that drives a delta hedge's error is gone (Hull ch. 19.7);
 * - the hedge option is chosen by target delta when asked (its Black–Scholes delta at the start).
 */
import { describe, expect, it } from "vitest";
import { normCdf, normPdf } from "../../engine/pricing/normal.js";
import { runPaths } from "../../engine/sim/run.js";
import { configOf, hedgeScenario, std } from "../helpers.js";
import { bookGreek, observed } from "./observe.js";

const YEAR_MS = 365 * 24 * 3600 * 1000;
const scenario = (strategy: Record<string, unknown>, paths = 40) =>
  hedgeScenario({
    paths,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
    execution: { fees: { taker: 0, maker: 0 } },
    venues: {
      perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 },
      opt: { kind: "options-standard" },
    },
    book: [
      { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "10d", qty: -1, iv: 0.8 },
      { kind: "perp", venue: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
      { kind: "cash", amount: { USDC: 20000 } },
    ],
    strategy,
  });

const DGH = { kind: "delta-gamma-hedge", every: "1h", iv: 0.8, tenor: "60d", margin: 15000, maxRatio: 100 };

/** Black–Scholes (r = 0) gamma and delta, written out here. */
function bs(s: number, k: number, tau: number, vol: number) {
  const d1 = (Math.log(s / k) + 0.5 * vol * vol * tau) / (vol * Math.sqrt(tau));
  return { gamma: normPdf(d1) / (s * vol * Math.sqrt(tau)), delta: normCdf(d1) };
}

describe("delta-gamma-hedge", () => {
  it("leaves the book's gamma ≈ 0 after each rebalance (independent Black–Scholes gamma)", () => {
    let checks = 0;
    observed(scenario(DGH, 3), (view) => {
      const { net, gross } = bookGreek(view, (s, k, tau, vol) => bs(s, k, tau, vol).gamma);
      if (gross === 0) return;
      expect(Math.abs(net)).toBeLessThan(1e-6 * gross + 1e-12);
      checks++;
    });
    expect(checks).toBeGreaterThan(3 * 230);
  });

  it("chooses the hedge option by target delta", () => {
    const deltas: number[] = [];
    observed(scenario({ ...DGH, delta: 0.25, right: "put" }, 1), (view) => {
      if (deltas.length > 0) return;
      const o = view.options().find((x) => x.venue === "opt");
      if (!o) return;
      deltas.push(bs(view.oraclePrice(0), o.strike, (o.expiryMs - view.timeMs) / YEAR_MS, o.iv).delta - 1);
      expect(o.isCall).toBe(false);
      expect(o.expiryMs - view.timeMs).toBe(60 * 86_400_000 - 1);
      expect(o.qty).toBeGreaterThan(0); // bought: a written call's gamma is offset by a long option
    });
    expect(deltas[0]).toBeCloseTo(-0.25, 6);
  });

  it("hedges with far less error than delta-hedge at the same interval, without costs", () => {
    const pnl = (strategy: Record<string, unknown>) =>
      runPaths(configOf(scenario(strategy))).metrics.columns.pnl;
    const dg = std(pnl(DGH));
    const d = std(pnl({ kind: "delta-hedge", every: "1h" }));
    expect(dg).toBeLessThan(0.25 * d);
  });
});
