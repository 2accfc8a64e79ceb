/**
 * Perp margin parameters at the edges the earlier tests left open (REFERENCE "Perpetual futures":
 * dYdX flat IMF 5 % / MMF 3 %, Binance notional tiers; dYdX v4 fillable price
 * `(PNNV − ABR·SMMR·PMMR)/PS`, ABR = clamp(1 − TNC/TMMR, 0, 1)): fractions that must be positive,
 * tier tables given in part, what a market without its own margin takes from the venue, and the
 * fillable price of an account with no maintenance requirement.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { perpLinearKind } from "./kinds.js";
import { checkPerp, PERP_SPECS, perpConfig } from "./perp-config.js";
import { fillablePrice } from "./perp-rules.js";
import { build, world } from "./test-fixtures.js";

const defaults = (): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(PERP_SPECS).map(([k, s]) => [k, s.type === "duration" ? 8 * 3_600_000 : s.default]),
  );
const msgs = (over: Record<string, unknown>) => {
  const issues: Issue[] = [];
  checkPerp({ ...defaults(), ...over }, "perp", issues);
  return issues.map((i) => [i.path, i.message]);
};
const TIERS = { tierFloors: [0, 5e4], tierMmr: [0.01, 0.02], tierImf: [0.02, 0.04] };
const TOGETHER = "tierFloors, tierMmr and tierImf must be given together, with the same non-zero length";

describe("margin fractions", () => {
  it("IMF and MMF must be above 0, venue-wide and per market", () => {
    for (const key of ["imf", "mmf"])
      expect(() => build(perpLinearKind, { [key]: 0 }, world(["BTC", "USDC"]), "v")).toThrow(`v.${key}`);
    expect(msgs({ markets: { ETH: { imf: 0 } } }).map(([path]) => path)).toContain("perp.markets.ETH.imf");
  });
  it("a market entry takes margin keys only, not a kind", () => {
    expect(msgs({ markets: { ETH: { kind: "x" } } }).map(([path]) => path)).toContain(
      "perp.markets.ETH.kind",
    );
  });
  it("the markets description names every key a market entry takes", () => {
    expect(PERP_SPECS["markets"]?.description).toContain("keys imf, mmf, tierFloors, tierMmr, tierImf:");
  });
});

describe("tier tables", () => {
  for (const [what, over] of [
    ["without floors", { tierMmr: [0.01, 0.02], tierImf: [0.02, 0.04] }],
    ["without MMRs", { tierFloors: [0, 5e4], tierImf: [0.02, 0.04] }],
    ["with one MMR too few", { ...TIERS, tierMmr: [0.01] }],
    ["with one IMF too few", { ...TIERS, tierImf: [0.02] }],
    ["empty", { tierFloors: [], tierMmr: [], tierImf: [] }],
  ] as const) {
    it(`${what}: refused once, as incomplete`, () => {
      expect(msgs(over)).toEqual([["perp", TOGETHER]]);
    });
  }
  it("venue-wide tiers still need MMF < IMF: the flat values serve markets given imf or mmf alone", () => {
    expect(msgs({ ...TIERS, mmf: 0.05 })).toEqual([
      ["perp", "found mmf 0.05 ≥ imf 0.05; allowed: mmf < imf"],
    ]);
  });
  it("a market's own tiers replace its imf and mmf, which are then not checked", () => {
    expect(msgs({ markets: { ETH: { ...TIERS, imf: 0.01, mmf: 0.02 } } })).toEqual([]);
  });
});

describe("what a market takes from the venue", () => {
  it("an empty entry: the venue's tiers; mmf alone: flat, with the venue's IMF", () => {
    const c = perpConfig({ ...defaults(), ...TIERS, markets: { SOL: {}, ETH: { mmf: 0.02 } } });
    expect(Array.from(c.markets["SOL"]?.floors ?? [])).toEqual([0, 5e4]);
    expect(Array.from(c.markets["SOL"]?.mmr ?? [])).toEqual([0.01, 0.02]);
    expect([c.markets["ETH"]?.floors.length, c.markets["ETH"]?.imf[0], c.markets["ETH"]?.mmr[0]]).toEqual([
      1, 0.05, 0.02,
    ]);
  });
});

describe("dYdX fillable price with no maintenance requirement (TMMR 0)", () => {
  it("ABR is 0: the oracle price, whatever the collateral (TNC 0 or −100)", () => {
    expect(fillablePrice(1, 60000, 0.03, 0, 0)).toBe(60000);
    expect(fillablePrice(1, 60000, 0.03, -100, 0)).toBe(60000);
  });
});
