/**
 * Maker's auctions in a cascade. The Clipper's price follows REFERENCE's worked example (ETH-A:
 * tab 113 000 for debt 100 000, oracle 1 500 ⇒ top 1 800; 1 627.89 after 15 min, 1 472.23 after
 * 30 min; cusp reached after 92 steps of 90 s = 138 min ⇒ reset). Black Thursday in miniature: a
 * crash with a one-hour-delayed oracle and gas soaring, where every keeper but one is stalled by its
 * fixed gas bid; the English auction lets the one online keeper win lots for 0 and leaves the debt
 * unpaid, the Dutch auction sells the same lots near the market and leaves less bad debt.
 */
import { describe, expect, it } from "vitest";
import { clipperPrice } from "./auction.js";
import { Cascade } from "./cascade.js";
import type { LiquidatorSpec, SystemicConfig } from "./config.js";
import { ethLoans, ethPath, testConfig } from "./test-fixtures.js";

describe("Clipper price (REFERENCE worked example)", () => {
  it("decays 1 % per 90 s from 1 800 and needs a reset after 92 steps", () => {
    const top = 1500 * 1.2;
    const at = (minutes: number) => clipperPrice(top, minutes * 60_000, 0.99, 90_000);
    expect(at(15)).toBeCloseTo(1627.89, 2);
    expect(at(30)).toBeCloseTo(1472.23, 2);
    expect(at(136.5) / top).toBeGreaterThanOrEqual(0.4);
    expect(at(138) / top).toBeLessThan(0.4);
  });
});

const LUCKY: LiquidatorSpec = { name: "lucky", latencyMs: 0, capital: 1e9, gasBidGwei: 2000, minProfit: 0 };
const STALLED: LiquidatorSpec = { name: "stalled", latencyMs: 0, capital: 1e9, gasBidGwei: 20, minProfit: 0 };

function blackThursday(rule: "clipper" | "flipper", keepers: LiquidatorSpec[]): SystemicConfig {
  const base = testConfig({
    lt: 1 / 1.5,
    bonus: 0.13,
    liquidators: keepers,
    pool: { depthQuote: 5e7, fee: 0.003, halfLifeMs: 3_600_000 },
    chain: {
      gasUnits: 504_440,
      baseGwei: 20,
      gasAsset: 0,
      inclusionMs: 12_000,
      gasPerMove: 20,
      gasPerPending: 0,
      delayPerShortGweiMs: 60_000,
    },
  });
  return {
    ...base,
    rule,
    oracle: { kind: "latency", delayMs: 3_600_000, deviation: 0, heartbeatMs: 3_600_000 },
    auction: {
      buf: 1.2,
      tailMs: 140 * 60_000,
      cusp: 0.4,
      stepMs: 90_000,
      cut: 0.99,
      chip: 0.001,
      tip: 300,
      beg: 0.03,
      ttlMs: 600_000,
      tauMs: 6 * 3_600_000,
    },
  };
}

/** 194 → 100 over 10 hours on one-minute steps, then 12 hours flat at 100. */
function crash(): number[] {
  return Array.from({ length: 22 * 60 + 1 }, (_, m) => (m < 600 ? 194 * (100 / 194) ** (m / 600) : 100));
}

describe("Black Thursday in miniature: English versus Dutch auctions with stalled keepers", () => {
  const vaults = Array.from(
    { length: 20 },
    (_, i) => [1000 + 100 * i, (1000 + 100 * i) * 194 * 0.6 * (0.9 + i / 100)] as [number, number],
  );
  const run = (rule: "clipper" | "flipper", keepers = [STALLED, LUCKY, STALLED]) => {
    const path = ethPath(crash());
    const c = new Cascade(blackThursday(rule, keepers), ethLoans(vaults), path.grid);
    const o = c.run(path);
    c.state.checkBooks(rule);
    return o;
  };

  it("leaves bad debt under the English auction that the Dutch auction shrinks", () => {
    const flip = run("flipper");
    const clip = run("clipper");
    const debt = vaults.reduce((x, [, d]) => x + d, 0);
    expect(flip.accountsLiquidated).toBe(20);
    expect(clip.accountsLiquidated).toBe(20);
    // lots won for nothing: the English auctions repay (almost) none of the debt
    expect(flip.debtRepaid).toBeLessThan(0.01 * debt);
    expect(flip.badDebt).toBeGreaterThan(0.95 * debt);
    expect(clip.badDebt).toBeLessThan(0.25 * flip.badDebt);
  });

  it("repays the debt under the English auction too when two keepers are online to compete", () => {
    const flip = run("flipper", [LUCKY, { ...LUCKY, name: "rival" }]);
    const debt = vaults.reduce((x, [, d]) => x + d, 0);
    expect(flip.badDebt).toBe(0);
    expect(flip.debtRepaid).toBeCloseTo(debt, 0);
  });
});
