/**
 * Option overlays on an options venue, against closed forms: a covered call written at the start
 * for the whole horizon is worth S_T − max(S_T − K, 0) + premium at expiry, the premium being the
 * Black–Scholes price (r = 0, σ = the listed vol, K = 1.1·S0); a protective put rolled weekly
 * never loses more than the distance to its strike plus the premiums paid (Hull ch. 12).
 */
import { describe, expect, it } from "vitest";
import { normCdf } from "../../engine/pricing/normal.js";
import { run } from "../helpers.js";

const S0 = 3000;
const IV = 0.8;
const overlay = (strategy: Record<string, unknown>, horizon: string) =>
  run({
    name: "overlay",
    seed: 8,
    paths: 30,
    clock: { start: "2024-01-01T00:00:00Z", horizon, step: "1h" },
    market: { assets: { ETH: { model: { kind: "gbm", spot: S0, vol: IV } } } },
    execution: { fees: { taker: 0, maker: 0 } },
    venues: { opt: { kind: "options-standard" } },
    book: [{ kind: "cash", amount: { ETH: 1, USDC: 30000 } }],
    strategy,
    report: { sampleSeries: 0, eventPaths: 0 },
  }).metrics.columns;

function bsCall(s: number, k: number, t: number, vol: number): number {
  const d1 = (Math.log(s / k) + (vol * vol * t) / 2) / (vol * Math.sqrt(t));
  return s * normCdf(d1) - k * normCdf(d1 - vol * Math.sqrt(t));
}

describe("covered-call", () => {
  it("matches its payoff at expiry", () => {
    const c = overlay({ kind: "covered-call", otm: 0.1, tenor: "30d", iv: IV, margin: 25000 }, "30d");
    const k = 1.1 * S0;
    const premium = bsCall(S0, k, 30 / 365, IV);
    let assigned = 0;
    for (let p = 0; p < c.pnl.length; p++) {
      const sT = c.finalPrice[p] as number;
      expect(c.pnl[p]).toBeCloseTo(sT - S0 - Math.max(sT - k, 0) + premium, 6);
      if (sT > k) assigned++;
    }
    expect(assigned).toBeGreaterThan(0); // some paths end above the strike: the cap is exercised
  });
});

describe("protective-put", () => {
  it("rolls weekly and bounds the loss by the strike distance and the premiums", () => {
    const c = overlay({ kind: "protective-put", otm: 0.1, tenor: "7d", iv: IV, margin: 3000 }, "28d");
    const maxPremium = 4 * 0.1 * S0; // a 7-day put 10 % out of the money costs far less than 10 %
    for (let p = 0; p < c.pnl.length; p++) {
      expect(c.trades[p]).toBe(4);
      expect(c.pnl[p]).toBeGreaterThan(-(0.1 * S0 * 1.6 + maxPremium));
    }
  });
});
