/**
 * Acceptance of the engine foundation, against theory rather than numbers the engine produced:
 * - discrete delta hedging: std(hedged PnL) ≈ √(π/4)·vega·σ/√N (Derman & Kamal 1999; REFERENCE
 *   "Discrete hedging error"), so it scales as √(hedge interval);
 * - the unhedged short call's PnL is premium − payoff, whose distribution under GBM is known in
 *   closed form (lognormal S_T), compared with a Kolmogorov–Smirnov bound.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../engine/events.js";
import { normCdf, normPdf } from "../engine/pricing/normal.js";
import { hedgeScenario, kurtosis, mean, run, std } from "./helpers.js";

const S0 = 3000;
const SIGMA = 0.8;
const T = 30 / 365;

/** Relative standard error of a sample std: √((κ − 1)/(4n)) (delta method). */
function relSeStd(x: Float64Array): number {
  return Math.sqrt((kurtosis(x) - 1) / (4 * x.length));
}

describe("delta hedging error", () => {
  const paths = 2000;
  const pnl = (every: string) =>
    run(hedgeScenario({ paths, strategy: { kind: "delta-hedge", every, with: "perp" } })).metrics.columns.pnl;
  const hourly = pnl("1h");
  const fourHourly = pnl("4h");

  it("matches the Derman–Kamal level √(π/4)·vega·σ/√N", () => {
    const d1 = (SIGMA * Math.sqrt(T)) / 2;
    const vega = S0 * Math.sqrt(T) * normPdf(d1);
    for (const [x, n] of [
      [hourly, 720],
      [fourHourly, 180],
    ] as const) {
      const theory = (Math.sqrt(Math.PI / 4) * vega * SIGMA) / Math.sqrt(n);
      // Sampling error (4 standard errors) plus 5 % for the formula's O(1/N) terms.
      expect(Math.abs(std(x) / theory - 1)).toBeLessThan(4 * relSeStd(x) + 0.05);
    }
  });

  it("falls as the square root of the hedge interval", () => {
    const ratio = std(fourHourly) / std(hourly);
    // √(4h/1h) = 2; tolerance: 4 standard errors of the ratio, treating the two stds as independent (conservative: they share price paths).
    const se = 2 * Math.sqrt(relSeStd(fourHourly) ** 2 + relSeStd(hourly) ** 2);
    expect(Math.abs(ratio - 2)).toBeLessThan(4 * se);
  });

  it("has mean ≈ 0 without frictions (risk-neutral drift, fair premium)", () => {
    expect(Math.abs(mean(hourly))).toBeLessThan((4 * std(hourly)) / Math.sqrt(hourly.length));
  });
});

describe("unhedged short call", () => {
  const n = 4000;
  const out = run(hedgeScenario({ paths: n, strategy: { kind: "hold" } }));
  const pnl = out.metrics.columns.pnl;
  const d1 = (SIGMA * Math.sqrt(T)) / 2;
  const premium = S0 * (normCdf(d1) - normCdf(-d1)); // ATM Black–Scholes with r = 0

  /**
   * P(PnL < x) for PnL = premium − max(S_T − K, 0), K = S0, ln S_T ~ N(ln S0 − σ²T/2, σ²T):
   * continuous below the premium, where the distribution has an atom of mass P(S_T ≤ K).
   */
  function cdfBelow(x: number): number {
    const sT = S0 + premium - x;
    return 1 - normCdf((Math.log(sT / S0) + (SIGMA * SIGMA * T) / 2) / (SIGMA * Math.sqrt(T)));
  }

  it("never earns more than the premium, and earns exactly it when the call expires worthless", () => {
    let atPremium = 0;
    for (const v of pnl) {
      expect(v).toBeLessThanOrEqual(premium + 1e-9);
      if (Math.abs(v - premium) < 1e-9) atPremium++;
    }
    // P(S_T ≤ K) = Φ(d1) for an ATM call with r = 0 (since −d2 = d1).
    const p = normCdf(d1);
    expect(Math.abs(atPremium / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it("has the payoff's distribution (Kolmogorov–Smirnov at the 1 % level)", () => {
    const sorted = Float64Array.from(pnl).sort();
    let d = 0;
    let i = 0;
    for (; i < n && (sorted[i] as number) < premium - 1e-9; i++) {
      const f = cdfBelow(sorted[i] as number);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    // At the atom the CDF jumps from its left limit to 1, as the ECDF jumps from i/n to 1.
    d = Math.max(d, Math.abs(cdfBelow(premium) - i / n));
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it("books no hedge trades or costs", () => {
    expect(mean(out.metrics.columns.trades)).toBe(0);
    expect(mean(out.metrics.columns.hedgeCost)).toBe(0);
  });
});

describe("the hedge venue", () => {
  it("is the venue of the book's perp, where its margin is, even when another perp venue comes first", () => {
    const out = run(
      hedgeScenario({
        paths: 5,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
        venues: {
          other: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 },
          main: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 },
        },
        book: [
          { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "2d", qty: -1, iv: 0.8 },
          { venue: "main", kind: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
        ],
        execution: { fees: { taker: 0.0005, maker: 0.0002 } },
      }),
    );
    const c = out.metrics.columns;
    for (let p = 0; p < 5; p++) {
      expect(c.rejected[p]).toBe(0);
      expect(c.trades[p]).toBeGreaterThan(40);
      expect(c.fees[p]).toBeGreaterThan(0);
    }
  });
});

describe("funding", () => {
  it("is paid on the venue's mark, the oracle price, not the market's", () => {
    // A 1 h latency oracle: at a funding time t the venue's mark is the market price of t − 1 h.
    const out = run(
      hedgeScenario({
        paths: 3,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
        oracle: { kind: "latency", delay: "1h" },
        venues: { perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0.0001 } },
        book: [{ kind: "perp", underlying: "ETH", qty: 2, collateral: 20000 }],
        strategy: { kind: "hold" },
        report: { sampleSeries: 3, eventPaths: 3 },
      }),
    );
    const market = new Map<string, number>();
    for (let i = 0; i < out.series.length; i++) {
      market.set(`${out.series.path[i]}@${out.series.timeMs[i]}`, out.series.values.price[i] as number);
    }
    const ev = out.events;
    let n = 0;
    for (let i = 0; i < ev.length; i++) {
      if (ev.type[i] !== EventType.funding) continue;
      const before = market.get(`${ev.path[i]}@${(ev.timeMs[i] as number) - 3_600_000}`) as number;
      const now = market.get(`${ev.path[i]}@${ev.timeMs[i]}`) as number;
      expect(before).not.toBe(now);
      expect(ev.price[i]).toBe(before);
      expect(ev.amounts.funding[i]).toBeCloseTo(0.0001 * 2 * before, 9);
      n++;
    }
    expect(n).toBe(3 * 6); // 2 days of 8 h intervals on 3 paths
  });
});
