/**
 * Oracle and execution realism, end to end: the same delta hedge on the same price paths (common
 * random numbers) has a wider PnL distribution under a 1 h-heartbeat push oracle, 30 s inclusion
 * delay and square-root impact than under the ideal oracle and free execution; and the run's cost
 * totals come from — and agree with — the ledger's postings and the trade events.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../engine/events.js";
import { normCdf } from "../engine/pricing/normal.js";
import { hedgeScenario, kurtosis, mean, run, std } from "./helpers.js";

const base = {
  paths: 300,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "7d", step: "1m" },
  book: [
    { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "7d", qty: -10, iv: 0.8 },
    { kind: "perp", underlying: "ETH", qty: 0, collateral: 50000 },
  ],
  report: { sampleSeries: 0, eventPaths: 300 },
};
const realistic = {
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h", delay: "12s" },
  execution: {
    latency: "30s",
    impact: { kind: "sqrt", coefficient: 0.7, annualVol: 0.8, dailyVolume: 5e7 },
    fees: { taker: 0.0005, maker: 0.0002 },
    gas: { kind: "fixed", units: 180000, priceGwei: 20 },
    gasAsset: "ETH",
  },
};

describe("realistic oracle and execution", () => {
  const ideal = run(hedgeScenario(base));
  const real = run(hedgeScenario({ ...base, ...realistic }));
  const pi = ideal.metrics.columns;
  const pr = real.metrics.columns;

  it("widens the hedged PnL distribution on the same paths", () => {
    // Same seed ⇒ same market paths: the final prices agree exactly.
    expect(Array.from(pr.finalPrice)).toEqual(Array.from(pi.finalPrice));
    const se =
      Math.sqrt((kurtosis(pr.pnl) - 1) / (4 * pr.pnl.length)) +
      Math.sqrt((kurtosis(pi.pnl) - 1) / (4 * pi.pnl.length));
    expect(std(pr.pnl) / std(pi.pnl)).toBeGreaterThan(1 + 4 * se);
    // Costs only lower the mean.
    expect(mean(pr.pnl)).toBeLessThan(mean(pi.pnl));
  });

  it("charges nothing under ideal, free execution", () => {
    for (const c of ["fees", "slippage", "gas"] as const) expect(pi[c].every((x) => x === 0)).toBe(true);
  });

  it("breaks the cost down, and each total matches the postings and the trades", () => {
    for (const c of ["fees", "slippage", "gas"] as const) expect(mean(pr[c])).toBeGreaterThan(0);
    const ev = real.events;
    let fees = 0;
    let costs = 0;
    for (let i = 0; i < ev.length; i++) {
      if (ev.type[i] !== 0) continue; // trades
      fees += Math.abs(ev.size[i] as number) * (ev.price[i] as number) * 0.0005;
      const a = ev.amounts;
      costs += (a.fee[i] as number) + (a.slippage[i] as number) + (a.gas[i] as number);
    }
    const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
    expect(sum(pr.fees)).toBeCloseTo(fees, 6);
    expect(sum(pr.fees) + sum(pr.slippage) + sum(pr.gas)).toBeCloseTo(costs, 6);
    pr.hedgeCost.forEach((v, i) => {
      const parts =
        (pr.fees[i] as number) +
        (pr.slippage[i] as number) +
        (pr.gas[i] as number) +
        (pr.funding[i] as number);
      expect(v).toBeCloseTo(parts, 8);
    });
  });

  it("sees the oracle lag: fills happen 30 s after the decision", () => {
    const ev = real.events;
    const trades = ev.timeMs.filter((_, i) => ev.type[i] === 0);
    // Decisions are on the hour; fills land 30 s later.
    expect(trades.every((t) => t % 3_600_000 === 30_000)).toBe(true);
  });
});

describe("liquidity limits", () => {
  it("fills partially up to the book's depth and reports each partial fill as an event", () => {
    // A depth curve of 30 000 quote in all: 10 written calls need ≈ 5 ETH ≈ 15 000 at once at the start,
    // but re-hedges after a large move can ask for more than the book holds.
    const out = run(
      hedgeScenario({
        paths: 40,
        book: [
          {
            kind: "option",
            underlying: "ETH",
            right: "call",
            strike: "atm",
            expiry: "30d",
            qty: -40,
            iv: 0.8,
          },
          { kind: "perp", underlying: "ETH", qty: 0, collateral: 200000 },
        ],
        execution: { impact: { kind: "depth", levelsBps: [10, 50], depthQuote: [10000, 30000] } },
        report: { sampleSeries: 0, eventPaths: 40 },
      }),
    );
    const ev = out.events;
    const partial = ev.type.map((_t, i) => i).filter((i) => ev.type[i] === EventType.partialFill);
    expect(partial.length).toBeGreaterThan(0);
    for (const i of partial) {
      // The filled size is within the depth: |size|·price ≤ 30 000 (the event's price is the mid).
      expect(Math.abs(ev.size[i] as number) * (ev.price[i] as number)).toBeLessThanOrEqual(
        30000 * (1 + 1e-9),
      );
    }
  });
});

describe("impact beyond 100 %", () => {
  it("never fills a sell below zero: the concession is capped at the mid, fees stay ≥ 0", () => {
    // A long call hedged by selling spot into a thin linear book: the first sale (≈ 5 ETH ≈ 15 000)
    // is 1.5× the daily volume, an uncapped concession of 150 %.
    const out = run(
      hedgeScenario({
        paths: 10,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
        book: [
          {
            kind: "option",
            underlying: "ETH",
            right: "call",
            strike: "atm",
            expiry: "30d",
            qty: 10,
            iv: 0.8,
          },
        ],
        strategy: { kind: "delta-hedge", every: "1h", with: "spot" },
        execution: { impact: { kind: "linear", coefficient: 1, dailyVolume: 10000 }, fees: { taker: 0.001 } },
        report: { sampleSeries: 0, eventPaths: 10 },
      }),
    );
    const ev = out.events;
    let capped = 0;
    for (let i = 0; i < ev.length; i++) {
      if (ev.type[i] !== EventType.trade) continue;
      expect(ev.price[i]).toBeGreaterThanOrEqual(0);
      if (ev.price[i] === 0) capped++;
    }
    expect(capped).toBeGreaterThan(0);
    for (let p = 0; p < 10; p++) expect(out.metrics.columns.fees[p]).toBeGreaterThanOrEqual(0);
  });
});

describe("the horizon", () => {
  // A 2-day run, an option still live at the end (60-day expiry), hourly re-hedges with a 150 min
  // inclusion delay: the re-hedges sent in the last 150 minutes cannot reach the venue in time.
  const endMs = Date.parse("2024-01-03T00:00:00Z");
  const out = run(
    hedgeScenario({
      paths: 20,
      clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
      book: [
        { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "60d", qty: -1, iv: 0.8 },
        { kind: "perp", underlying: "ETH", qty: 0, collateral: 20000 },
      ],
      execution: { latency: "150m" },
      report: { sampleSeries: 0, eventPaths: 20 },
    }),
  );
  const c = out.metrics.columns;

  it("nothing happens after it: late orders are rejected, not filled", () => {
    const ev = out.events;
    for (let i = 0; i < ev.length; i++) expect(ev.timeMs[i]).toBeLessThanOrEqual(endMs);
    // Timers at end − 1 h and end − 2 h send orders that would land at end + 30 min and end + 1.5 h.
    for (let p = 0; p < 20; p++) expect(c.rejected[p]).toBe(2);
    let late = 0;
    for (let i = 0; i < ev.length; i++) if (ev.type[i] === EventType.rejected) late++;
    expect(late).toBe(40);
  });

  it("values the book at the horizon: the live option at 58 days to expiry", () => {
    // optionPnl = premium received − BS(S_end, K = S₀, τ = 58 d), r = 0, σ = 0.8.
    const bs = (s: number, tau: number) => {
      const v = 0.8 * Math.sqrt(tau);
      const d1 = Math.log(s / 3000) / v + v / 2;
      return s * normCdf(d1) - 3000 * normCdf(d1 - v);
    };
    const premium = bs(3000, 60 / 365);
    for (let p = 0; p < 20; p++) {
      const expected = premium - bs(c.finalPrice[p] as number, 58 / 365);
      expect(Math.abs((c.optionPnl[p] as number) - expected)).toBeLessThan(1e-6 * premium);
    }
  });
});
