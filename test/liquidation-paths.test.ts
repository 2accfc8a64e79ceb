/**
 * Liquidations inside the event loop, over Monte-Carlo crashes (invariants, stated here):
 * 1. a lending liquidation only happens with HF < 1 on the oracle price, and leaves the account
 *    healthier or with no collateral (maximal repayment by the keeper);
 * 2. perp liquidations, insurance-fund draws and socialised losses all occur somewhere in the run,
 *    and the ledger balances after every event (the checker is on: it throws otherwise);
 * 3. a path's bad debt is the sum of its bad-debt events, and is only ever booked on a path that
 *    was liquidated.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../engine/events.js";
import { run } from "./helpers.js";
import { observe } from "./properties/probes.js";

const scenario = {
  name: "crash-liquidations",
  seed: 11,
  paths: 60,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "5d", step: "10m" },
  market: {
    assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 1.0 } } },
    shocks: [{ kind: "crash", asset: "ETH", at: "2d", size: -0.45, over: "3h" }],
  },
  oracle: { kind: "push", deviation: 0.01, heartbeat: "1h", delay: "12s" },
  execution: { impact: { kind: "sqrt", coefficient: 0.7, annualVol: 1.0, dailyVolume: 2e7 } },
  venues: {
    perp: { kind: "perp-linear", insuranceFund: 200, fundingSource: "fixed", fundingRate: 0 },
    lend: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } },
  },
  liquidators: [{ name: "slow", latency: "40m", gas: 20 }],
  book: [
    { kind: "perp", underlying: "ETH", qty: 5, collateral: 1500 },
    { kind: "loan", collateral: { ETH: 10 }, debt: { USDC: 22000 } },
  ],
  strategy: { kind: "hold" },
  report: { sampleSeries: 0, eventPaths: 0 },
};

describe("liquidations over Monte-Carlo crashes", () => {
  const out = run(scenario);
  const ev = out.events;
  const c = out.metrics.columns;

  it("liquidates lending accounts only below HF 1, leaving them healthier or empty", () => {
    // HF recomputed outside the engine from the account's balances at the prices each liquidation
    // was judged on, with WETH's LT 83 % (REFERENCE: Aave v3 Ethereum, 2023-10-31).
    const seen = observe({ kind: "aave", scenario, rule: { lt: 0.83, mmf: 0.03 } });
    const lending = seen.liquidations.filter((l) => l.venue === "lending");
    for (const l of lending) {
      expect(l.onOracle).toBe(true);
      expect(l.healthBefore).toBeLessThan(1);
      if (l.collateralAfter > 1e-9) expect(l.healthAfter).toBeGreaterThan(l.healthBefore);
    }
    expect(lending.length).toBeGreaterThan(0);
  });

  it("exercises perp liquidation, insurance draws and socialised loss, with the ledger balanced throughout", () => {
    const kinds = new Set(ev.type.map((t, i) => `${t}:${(ev.detail[i] as string).split(" ")[0]}`));
    expect([...kinds].some((k) => k.startsWith(`${EventType.liquidation}:perp`))).toBe(true);
    expect(ev.type.includes(EventType.insuranceDraw)).toBe(true);
    expect(ev.type.includes(EventType.badDebt)).toBe(true);
  });

  it("books each path's bad debt from its events, and only on liquidated paths", () => {
    for (let p = 0; p < out.to - out.from; p++) {
      let sum = 0;
      for (let i = 0; i < ev.length; i++) {
        if (ev.path[i] === p && ev.type[i] === EventType.badDebt && ev.account[i] === "trader")
          sum += ev.amounts.badDebt[i] as number;
      }
      expect(c.badDebt[p]).toBeCloseTo(sum, 9);
      if ((c.badDebt[p] as number) > 0) expect(c.liquidations[p]).toBeGreaterThan(0);
    }
  });
});

describe("lending liquidation costs", () => {
  // A USDC-collateralised ETH loan, never traded (hold): whatever the trader pays on liquidation
  // (bonus to the liquidator, protocol share to the treasury) is a liquidation cost, never a fee.
  const out = run({
    name: "short-eth-loan",
    seed: 1,
    paths: 60,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "30d", step: "1h" },
    market: { quote: "USDC", assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 } } } },
    venues: { lend: { kind: "aave-v3", assets: { ETH: {}, USDC: { ltv: 0.75, lt: 0.78, bonus: 0.05 } } } },
    liquidators: [{ name: "keeper", latency: "0s", capital: 1e7, gas: 0, minProfit: 0 }],
    book: [{ kind: "loan", venue: "lend", collateral: { USDC: 3000 }, debt: { ETH: 0.74 } }],
    strategy: { kind: "hold" },
    report: { sampleSeries: 0, eventPaths: 0 },
  });
  const c = out.metrics.columns;

  it("books the protocol's share of the bonus under liquidation, not in fees or hedgeCost", () => {
    let liquidated = 0;
    for (let p = 0; p < 60; p++) {
      expect(c.trades[p]).toBe(0);
      expect(c.fees[p]).toBe(0);
      expect(c.hedgeCost[p]).toBe(0);
      if ((c.liquidations[p] as number) > 0) {
        liquidated++;
        expect(c.liquidationBonus[p]).toBeGreaterThan(0);
      }
    }
    expect(liquidated).toBeGreaterThan(0);
  });
});

describe("perp liquidation checks", () => {
  it("checks right after a funding payment, not at the next oracle update", () => {
    // Long 10 ETH at 3 000 on 1 600 of margin (IM 1 500, MM 900); funding of 3 % a payment takes 900
    // at 08:00, leaving 700 < MM. The oracle (24 h heartbeat, 50 % deviation) does not update that day.
    const start = Date.parse("2024-01-01T00:00:00Z");
    const out = run({
      name: "funding-liquidation",
      seed: 3,
      paths: 2,
      clock: { start: "2024-01-01T00:00:00Z", horizon: "1d", step: "1h" },
      market: { assets: { ETH: { model: { kind: "gbm", spot: 3000, drift: 0, vol: 0.0001 } } } },
      oracle: { kind: "push", deviation: 0.5, heartbeat: "24h", delay: "0s" },
      venues: {
        perp: { kind: "perp-linear", imf: 0.05, mmf: 0.03, fundingSource: "fixed", fundingRate: 0.03 },
      },
      book: [{ kind: "perp", underlying: "ETH", qty: 10, collateral: 1600 }],
      strategy: { kind: "hold" },
      report: { sampleSeries: 0, eventPaths: 2 },
    });
    const ev = out.events;
    for (let p = 0; p < 2; p++) {
      const i = ev.type.findIndex((t, k) => t === EventType.liquidation && ev.path[k] === p);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(ev.timeMs[i]).toBe(start + 8 * 3_600_000);
    }
  });
});
