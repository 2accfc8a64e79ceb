/**
 * `perp-linear` parameters: the tier invariants (Binance's tier tables: floors from 0 increasing,
 * rates non-decreasing, MMR < IMF; dYdX: MMF < IMF) each named with what was found and what is
 * allowed, and the resolution of defaults (dYdX's funding cap 600 %·(IMF − MMF) per 8 h, scaled to
 * the interval; REFERENCE "Perpetual futures").
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { checkPerp, PERP_SPECS, perpConfig } from "./perp-config.js";

const defaults = (): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(PERP_SPECS).map(([k, s]) => [k, s.type === "duration" ? 8 * 3_600_000 : s.default]),
  );

function issuesOf(over: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  checkPerp({ ...defaults(), ...over }, "perp", issues);
  return issues;
}

describe("tier invariants", () => {
  it("accepts BTCUSDT's March 2021 table and a flat 5 %/3 %", () => {
    expect(issuesOf({})).toEqual([]);
    const btc = {
      tierFloors: [0, 50e3, 250e3],
      tierMmr: [0.004, 0.005, 0.01],
      tierImf: [0.008, 0.01, 0.02],
    };
    expect(issuesOf(btc)).toEqual([]);
    expect(issuesOf({ tierFloors: [0, 5e4], tierMmr: [0.01, 0.01], tierImf: [0.02, 0.02] })).toEqual([]);
  });
  it("names each broken rule", () => {
    const msgs = (over: Record<string, unknown>) => issuesOf(over).map((i) => [i.code, i.path, i.message]);
    expect(msgs({ imf: 0.03, mmf: 0.03 })).toEqual([
      ["invariant", "perp", "found mmf 0.03 ≥ imf 0.03; allowed: mmf < imf"],
    ]);
    expect(msgs({ tierFloors: [0, 10], tierMmr: [0.01] })).toEqual([
      [
        "invariant",
        "perp",
        "tierFloors, tierMmr and tierImf must be given together, with the same non-zero length",
      ],
    ]);
    expect(msgs({ tierFloors: [5, 10], tierMmr: [0.01, 0.02], tierImf: [0.02, 0.04] })).toEqual([
      ["invariant", "perp", "found tierFloors[0] ≠ 0; allowed: the first floor is 0"],
    ]);
    expect(
      msgs({ tierFloors: [0, 10, 10], tierMmr: [0.01, 0.02, 0.03], tierImf: [0.02, 0.04, 0.05] }),
    ).toEqual([["invariant", "perp", "found tierFloors not increasing at 2"]]);
    expect(msgs({ tierFloors: [0, 10], tierMmr: [0.02, 0.01], tierImf: [0.04, 0.04] })).toEqual([
      ["invariant", "perp", "found a tier rate decreasing at 1; allowed: non-decreasing"],
    ]);
    expect(msgs({ tierFloors: [0, 10], tierMmr: [0.01, 0.02], tierImf: [0.04, 0.03] })).toEqual([
      ["invariant", "perp", "found a tier rate decreasing at 1; allowed: non-decreasing"],
    ]);
    expect(msgs({ tierFloors: [0, 10], tierMmr: [0.01, 0.04], tierImf: [0.02, 0.04] })).toEqual([
      ["invariant", "perp", "found tierMmr[1] ≥ tierImf[1]; allowed: MMR < IMF"],
    ]);
  });
  it("a market entry is checked with the venue's values for what it leaves out", () => {
    const found = issuesOf({ markets: { ETH: { imf: 0.02 }, BTC: 7 } }).map((i) => [i.code, i.path]);
    expect(found).toEqual([
      ["wrong_type", "perp.markets.BTC"],
      ["invariant", "perp.markets.ETH"], // mmf 0.03 (venue) ≥ imf 0.02
    ]);
  });
});

describe("resolved configuration", () => {
  it("defaults: USDC, flat 5 %/3 %, premium funding every 8 h capped at 12 %, fee 0.5 %, fund 1 M, partial, cross", () => {
    const c = perpConfig(defaults());
    expect(c).toMatchObject({
      quote: "USDC",
      fundingIntervalMs: 8 * 3_600_000,
      fundingSource: "premium",
      fundingRate: 0.0001,
      interestRate: 0.0001,
      fundingClamp: 0.0005,
      liquidationFee: 0.005,
      insuranceFund: 1e6,
      bankruptcy: "socialise",
      partial: true,
      margin: "cross",
      markets: {},
    });
    expect(c.fundingCap).toBeCloseTo(0.12, 15);
    expect([c.tiers.imf[0], c.tiers.mmr[0]]).toEqual([0.05, 0.03]);
  });
  it("an explicit cap, isolated margin, partial off and ADL are taken as given", () => {
    const c = perpConfig({
      ...defaults(),
      fundingCap: 0.01,
      margin: "isolated",
      partial: false,
      bankruptcy: "adl",
    });
    expect([c.fundingCap, c.margin, c.partial, c.bankruptcy]).toEqual([0.01, "isolated", false, "adl"]);
  });
  it("per-market tables are keyed by asset: tiers, or flat with the venue's value for a missing key", () => {
    const c = perpConfig({ ...defaults(), markets: { ETH: { imf: 0.1 }, SOL: {} } });
    expect([c.markets["ETH"]?.imf[0], c.markets["ETH"]?.mmr[0]]).toEqual([0.1, 0.03]);
    expect([c.markets["SOL"]?.imf[0], c.markets["SOL"]?.mmr[0]]).toEqual([0.05, 0.03]);
  });
});
