/**
 * Every venue parameter is documented (`ballast list` prints these specs; the README promises every
 * key with its unit and default): each spec, nested per-asset and per-market ones included, has a
 * real description, a known type, enum values, and every kind a summary and a source to cite.
 */
import { describe, expect, it } from "vitest";
import type { ParamSpecs } from "../params.js";
import { POOL_SPECS } from "./asset-table.js";
import { COMPOUND_COLLATERAL_SPECS, COMPOUND_ROWS } from "./compound-config.js";
import { optionsStandardKind, perpLinearKind } from "./kinds.js";
import { AAVE_ASSET_SPECS, AAVE_ROWS } from "./lending-config.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import { MARKET_SPECS } from "./perp-markets.js";

const KINDS = [aaveV3Kind, compoundV3Kind, perpLinearKind, optionsStandardKind];
const TABLES: Record<string, ParamSpecs> = {
  ...Object.fromEntries(KINDS.map((k) => [k.kind, k.params])),
  "aave asset": AAVE_ASSET_SPECS,
  "compound collateral": COMPOUND_COLLATERAL_SPECS,
  pool: POOL_SPECS,
  "perp market": MARKET_SPECS,
};
const TYPES = ["number", "integer", "duration", "string", "enum", "boolean", "numbers", "record", "strings"];

describe("venue parameter specs", () => {
  for (const [table, specs] of Object.entries(TABLES)) {
    it(`${table}: every key has a type, a description and, for an enum, its values`, () => {
      for (const [key, s] of Object.entries(specs)) {
        expect(TYPES, `${table}.${key}`).toContain(s.type);
        expect(s.description.length, `${table}.${key}`).toBeGreaterThanOrEqual(12);
        if (s.type === "enum") {
          expect(s.values?.length, `${table}.${key}`).toBeGreaterThan(1);
          for (const v of s.values ?? []) expect(v.length).toBeGreaterThan(0);
          if (s.default !== undefined) expect(s.values).toContain(s.default);
        }
      }
    });
  }

  it("every kind has a summary and a source", () => {
    for (const k of KINDS) {
      expect(k.summary.length, k.kind).toBeGreaterThan(30);
      expect(k.source?.length, k.kind).toBeGreaterThan(30);
    }
  });

  it("presets offer exactly the REFERENCE rows", () => {
    expect(COMPOUND_COLLATERAL_SPECS["preset"]?.values).toEqual(Object.keys(COMPOUND_ROWS));
    expect(AAVE_ASSET_SPECS["preset"]?.values).toEqual(Object.keys(AAVE_ROWS));
  });
});
