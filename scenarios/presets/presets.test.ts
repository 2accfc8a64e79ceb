/**
 * Every preset file parses, has exactly name/description/source/shocks, agrees with PRESETS, and
 * every shock passes the shock registry with no issues. Applying each preset to a flat market
 * keeps prices positive and finite, and the end-to-end moves match the figures in the files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Issue } from "../../engine/errors.js";
import { allocMarket } from "../../engine/market.js";
import { MS_PER_HOUR } from "../../engine/units.js";
import { shockKinds } from "../shocks/registry.js";
import { PRESETS } from "./index.js";

const dir = dirname(fileURLToPath(import.meta.url));
const load = (file: string) => parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;

/** Applies a preset to a flat market (every asset at 100) of 60 days, hourly; returns the market. */
function applyToFlat(file: string, assets: readonly string[]) {
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 24 * 60 };
  const market = allocMarket(grid, assets, true);
  for (const col of market.price) col.fill(100);
  for (const raw of load(file)["shocks"] as unknown[]) {
    const c = shockKinds.read(raw, "shock", []);
    c!.def.create(c!.params).apply(market, (name) => assets.indexOf(name));
  }
  return market;
}

describe("presets", () => {
  it("every .yaml file is listed in PRESETS and vice versa", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(PRESETS.map((p) => p.file).sort()).toEqual(files.sort());
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))("%s parses and validates", (_, p) => {
    const doc = load(p.file);
    expect(Object.keys(doc).sort()).toEqual(["description", "name", "shocks", "source"]);
    expect(doc["name"]).toBe(p.name);
    expect(doc["description"]).toBe(p.description);
    expect(doc["source"]).toBe(p.source);
    const shocks = doc["shocks"] as unknown[];
    expect(shocks.length).toBeGreaterThan(0);
    const issues: Issue[] = [];
    for (const [i, s] of shocks.entries()) shockKinds.read(s, `shocks[${i}]`, issues);
    expect(issues).toEqual([]);
    const named = new Set(shocks.map((s) => (s as { asset: string }).asset));
    expect([...named].sort()).toEqual([...p.assets].sort());
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))("%s keeps prices positive and finite", (_, p) => {
    const m = applyToFlat(p.file, p.assets);
    for (const col of m.price) expect(col.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
  });

  it("mar-2020 reaches −55.8 % at the trough (194.61 → 86.00) and may-2021 −44 % (3 375 → 1 888)", () => {
    const mar = applyToFlat("mar-2020.yaml", ["ETH"]).price[0] as Float64Array;
    expect(Math.min(...mar) / 100).toBeCloseTo(86.0 / 194.61, 2);
    const may = applyToFlat("may-2021.yaml", ["ETH"]).price[0] as Float64Array;
    expect(Math.min(...may) / 100).toBeCloseTo(1888 / 3375.08, 2);
  });

  it("usdc-2023 bottoms at 0.87, spends ≈ 2 days below 0.97 and returns to the peg", () => {
    const usdc = applyToFlat("usdc-2023.yaml", ["USDC"]).price[0] as Float64Array;
    expect(Math.min(...usdc)).toBeCloseTo(87, 6);
    const hoursBelow = usdc.filter((x) => x < 97).length;
    expect(hoursBelow).toBeGreaterThanOrEqual(44);
    expect(hoursBelow).toBeLessThanOrEqual(52);
    expect(usdc[usdc.length - 1]).toBeCloseTo(100, 9);
  });
});
