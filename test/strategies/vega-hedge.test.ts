/**
 * `vega-hedge` on shared paths (seed 7, GBM at 80 %, one written 10-day ATM call, no costs) with a
 * moving implied vol (a stochastic ATM level, flat smile):
 * - after each rebalance the book's vega is ≈ 0, by a Black–Scholes vega computed here from the
 *   options the view lists (𝒱 = S·φ(d₁)·√τ, Hull ch. 19.8), not by the engine's pricer;
 * - over a day, the vega-hedged book's PnL hardly moves with the implied vol, where the
 *   delta-hedged one loses about its vega per unit of vol (regression slope of PnL on the ATM vol's
 *   change, same paths). Over longer spans a vega-neutral book is still not indifferent to the vol
 *   path: it stays short the gamma of the tenors' difference, whose theta grows with the vol.
 */
import { describe, expect, it } from "vitest";
import { normPdf } from "../../engine/pricing/normal.js";
import { hedgeScenario, run } from "../helpers.js";
import { bookGreek, observed } from "./observe.js";

const IV = { kind: "stochastic", level: 0.75, kappa: 8, volOfVol: 2, rho: -0.5 };
const scenario = (strategy: Record<string, unknown>, paths = 40) =>
  hedgeScenario({
    paths,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
    market: { rate: 0, assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 }, iv: IV } } },
    execution: { fees: { taker: 0, maker: 0 } },
    venues: {
      perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 },
      opt: { kind: "options-standard" },
    },
    book: [
      { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "10d", qty: -1 },
      { kind: "perp", venue: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
      { kind: "cash", amount: { USDC: 20000 } },
    ],
    strategy,
  });

const VH = { kind: "vega-hedge", every: "1h", tenor: "60d", margin: 15000, maxRatio: 100 };

function bsVega(s: number, k: number, tau: number, vol: number): number {
  const d1 = (Math.log(s / k) + 0.5 * vol * vol * tau) / (vol * Math.sqrt(tau));
  return s * normPdf(d1) * Math.sqrt(tau);
}

describe("vega-hedge", () => {
  it("leaves the book's vega ≈ 0 after each rebalance (independent Black–Scholes vega, surface vols)", () => {
    let checks = 0;
    observed(scenario(VH, 3), (view) => {
      const { net, gross } = bookGreek(view, (s, k, tau, vol, o) => {
        expect(vol).toBeCloseTo(view.impliedVol(0, k, o.expiryMs), 12);
        return bsVega(s, k, tau, vol);
      });
      if (gross === 0) return;
      expect(Math.abs(net)).toBeLessThan(1e-6 * gross + 1e-9);
      checks++;
    });
    expect(checks).toBeGreaterThan(100);
  });

  it("takes the implied-vol move out of the PnL: its slope on the ATM vol's change, against a delta hedge", () => {
    const slope = (strategy: Record<string, unknown>) => {
      const raw = scenario(strategy, 60);
      const out = run({
        ...raw,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "1d", step: "1h" },
        report: { sampleSeries: 60, eventPaths: 0 },
      });
      const { path, values } = out.series;
      const dv: number[] = [];
      for (let p = 0; p < 60; p++) {
        const rows = path.flatMap((q, i) => (q === p ? [i] : []));
        dv.push(
          (values.iv[rows[rows.length - 1] as number] as number) - (values.iv[rows[0] as number] as number),
        );
      }
      const pnl = [...out.metrics.columns.pnl];
      const [mx, my] = [dv.reduce((x, y) => x + y) / 60, pnl.reduce((x, y) => x + y) / 60];
      let sxy = 0;
      let sxx = 0;
      dv.forEach((x, i) => {
        sxy += (x - mx) * ((pnl[i] as number) - my);
        sxx += (x - mx) ** 2;
      });
      return sxy / sxx;
    };
    const delta = slope({ kind: "delta-hedge", every: "1h", with: "perp" });
    const vega = slope(VH);
    // A written 10-day ATM call at S 3 000 and 75 % vol has a vega near −S·φ(0)·√τ ≈ −200 per 1.00 of vol.
    // Over one day a written 10-day ATM call at S 3 000 has a vega of about −S·φ(0)·√τ ≈ −198 per
    // 1.00 of vol; the theta it earns at a higher implied vol is small against that over a day.
    expect(delta).toBeLessThan(-150);
    expect(delta).toBeGreaterThan(-250);
    expect(Math.abs(vega)).toBeLessThan(0.1 * Math.abs(delta));
  });
});
