/**
 * Reading the lending venues' per-asset tables (./asset-table.ts) through the registry, as a
 * scenario is read: one issue per fault naming its place, REFERENCE rows found by name (BTC→WBTC),
 * and the per-tick screen's widening (./trigger.ts: never false when the account is liquidatable).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { venueKinds } from "./kinds.js";
import { aaveConfig } from "./lending-config.js";
import { Triggers } from "./trigger.js";

function read(raw: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  venueKinds.read(raw, "v", issues);
  return issues;
}

describe("per-asset tables", () => {
  it("assets that are not a mapping: one issue, not one per character", () => {
    expect(read({ kind: "aave-v3", assets: "WETH" })).toEqual([
      { code: "wrong_type", path: "v.assets", message: 'found "WETH"; allowed: a mapping of keys to values' },
    ]);
  });
  it("an entry that is not a mapping, a venue-level key inside an entry, a zero pool", () => {
    expect(read({ kind: "aave-v3", assets: { WETH: 5, USDC: { kind: "x", marketSupply: 0 } } })).toEqual([
      {
        code: "wrong_type",
        path: "v.assets.WETH",
        message: "found a non-mapping; allowed: a mapping of parameters",
      },
      expect.objectContaining({ code: "unknown_key", path: "v.assets.USDC.kind" }),
      {
        code: "out_of_range",
        path: "v.assets.USDC.marketSupply",
        message: "found 0; allowed: a number > 0 and ≤ 1e15",
      },
    ]);
  });
  it("an asset without a row: a missing factor names what it is; a mistyped one is not also 'missing'", () => {
    const issues = read({
      kind: "aave-v3",
      assets: { DOGE: { ltv: "x", lt: 0.5, bonus: 0.05 }, PEPE: { ltv: 0.3 } },
    });
    expect(issues.map((i) => [i.code, i.path]).slice(0, 3)).toEqual([
      ["wrong_type", "v.assets.DOGE.ltv"],
      ["missing", "v.assets.PEPE.lt"],
      ["missing", "v.assets.PEPE.bonus"],
    ]);
    expect(issues.filter((i) => i.path === "v.assets.DOGE.ltv")).toHaveLength(1);
    expect(issues[1]?.message).toBe(
      "required for an asset with no REFERENCE preset: liquidation threshold: HF uses it",
    );
  });
  it("BTC takes WBTC's row (LTV 73 %, LT 78 %); pool keys are per asset", () => {
    const c = aaveConfig({ assets: { BTC: { utilization: 0.3, marketSupply: 5e6 } } });
    expect(c.reserves[0]).toMatchObject({
      asset: "BTC",
      ltv: 0.73,
      lt: 0.78,
      utilization: 0.3,
      marketSupply: 5e6,
    });
  });
  it("an unknown venue kind says it is a venue", () => {
    expect(read({ kind: "nope" })[0]?.message).toBe(
      'unknown venue "nope"; allowed: aave-v3, compound-v3, perp-linear, options-standard',
    );
  });
});

describe("the trigger screen", () => {
  const prices = new Float64Array([0, 1]);
  const at = (t: Triggers, p: number) => {
    prices[0] = p;
    return t.crossed(0, prices);
  };
  it("a new account has no trigger", () => {
    const t = new Triggers();
    t.add();
    expect(at(t, 1)).toBe(false);
    expect(Number.isNaN(t.levelOf(0))).toBe(true);
  });
  it("fires just past the level on either side, not well inside it", () => {
    const t = new Triggers();
    t.add();
    t.setPrice(0, 0, -1, 1000, 1); // a long (or a collateral): liquidatable below 1 000
    expect(at(t, 1000 * (1 - 1e-10))).toBe(true);
    expect(at(t, 1000 * (1 + 2e-9))).toBe(false);
    t.setPrice(0, 0, -1, 1000, -1); // a short: liquidatable above 1 000
    expect(at(t, 1000 * (1 + 1e-10))).toBe(true);
    expect(at(t, 1000 * (1 - 2e-9))).toBe(false);
    expect(at(t, 10)).toBe(false);
    t.setPrice(0, 0, 1, 1000, 1); // relative to asset 1's price (1)
    expect(at(t, 999)).toBe(true);
    t.set(0, 2);
    expect(at(t, 1e9)).toBe(true);
  });
});
