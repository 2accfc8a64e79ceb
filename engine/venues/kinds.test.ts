/**
 * The venue registry: every kind validates its defaults cleanly, reports broken invariants
 * (REFERENCE: Aave LTV ≤ LT, bonus > 0, LT·(1 + bonus) ≤ 1; Comet borrowCF < liquidateCF ≤ 1;
 * perp MMR < IMF and monotone tiers; options IM floor ≥ MM) and prints its parameters.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { describeParams } from "../params.js";
import { venueKinds } from "./kinds.js";

function issuesOf(raw: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  venueKinds.read(raw, "venues.v", issues);
  return issues;
}

describe("venueKinds", () => {
  it("lists the four rule sets", () => {
    expect(venueKinds.kinds()).toEqual(["aave-v3", "compound-v3", "perp-linear", "options-standard"]);
  });
  it("defaults validate for every kind and every parameter prints", () => {
    for (const kind of venueKinds.kinds()) {
      expect(issuesOf({ kind })).toEqual([]);
      const def = venueKinds.get(kind);
      expect(def && describeParams(def.params).length).toBeGreaterThan(3);
    }
  });
  it("Aave defaults are the REFERENCE 2023-10-31 WETH row (LTV 80.5 %, LT 83 %, bonus 5 %)", () => {
    expect(issuesOf({ kind: "aave-v3", assets: { ETH: {}, USDC: { preset: "USDC" } } })).toEqual([]);
    expect(issuesOf({ kind: "aave-v3", assets: { ETH: { ltv: 0.84 } } }).map((i) => i.path)).toEqual([
      "venues.v.assets.ETH.ltv",
    ]);
  });
  it("Aave invariants: bonus > 0 and LT·(1 + bonus) ≤ 1; an unknown asset needs its risk parameters", () => {
    const issues = issuesOf({
      kind: "aave-v3",
      assets: { WETH: { bonus: 0 }, X: { lt: 0.97, ltv: 0.9, bonus: 0.05 }, Y: {} },
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      "venues.v.assets.WETH.bonus",
      "venues.v.assets.X.lt",
      "venues.v.assets.Y.bonus",
      "venues.v.assets.Y.lt",
      "venues.v.assets.Y.ltv",
    ]);
  });
  it("a typo in a nested key is an error with a suggestion, never a silent default", () => {
    const issues = issuesOf({ kind: "aave-v3", assets: { WETH: { ltvv: 0.8 } } });
    expect(issues[0]?.code).toBe("unknown_key");
    expect(issues[0]?.message).toContain('did you mean "ltv"');
  });
  it("Compound and perp and options invariants", () => {
    expect(issuesOf({ kind: "compound-v3", collaterals: { WETH: { borrowCF: 0.9 } } }).length).toBe(1);
    expect(issuesOf({ kind: "perp-linear", imf: 0.03, mmf: 0.05 }).length).toBe(1);
    expect(
      issuesOf({ kind: "perp-linear", tierFloors: [0, 100], tierMmr: [0.01, 0.005], tierImf: [0.02, 0.04] })
        .length,
    ).toBe(1);
    expect(issuesOf({ kind: "perp-linear", tierFloors: [0], tierMmr: [0.01] }).length).toBe(1);
    expect(issuesOf({ kind: "options-standard", imFloor: 0.05 }).length).toBe(1);
  });
});
