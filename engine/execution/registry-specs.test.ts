/**
 * The execution registries as a user meets them (`ballast list`, scenario validation): every kind
 * and parameter documented, the documented defaults filled in, each kind building its own model,
 * the bounds and cross-field checks of the depth book, and the fee schedules (presets and
 * `{ maker, taker }`, REFERENCE: Execution costs, Fees).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { Registry } from "../registry.js";
import { AmmImpact } from "./amm.js";
import { DepthImpact } from "./depth.js";
import { FEE_PRESETS, readFeeSchedule } from "./fees.js";
import { CongestedGas, FixedGas, NoGas } from "./gas.js";
import { FixedImpact, LinearImpact, NoImpact, SqrtImpact } from "./impact-basic.js";
import { BlocksLatency, CongestedLatency, FixedLatency } from "./latency.js";
import { gasKinds, impactKinds, latencyKinds } from "./registry.js";

function read<T>(reg: Registry<T>, raw: Record<string, unknown>) {
  const issues: Issue[] = [];
  const c = reg.read(raw, "x", issues);
  return { c, issues };
}

const REGISTRIES = [
  ["impact model", impactKinds],
  ["latency model", latencyKinds],
  ["gas model", gasKinds],
] as const;

describe("documentation", () => {
  for (const [name, reg] of REGISTRIES) {
    it(`${name}: every kind has a summary and every parameter a type and a description`, () => {
      expect(reg.name).toBe(name);
      for (const def of reg.list()) {
        expect(def.summary.length).toBeGreaterThan(10);
        if (def.source !== undefined) expect(def.source.length).toBeGreaterThan(10);
        for (const spec of Object.values(def.params)) {
          expect(spec.type.length).toBeGreaterThan(0);
          expect(spec.description.length).toBeGreaterThan(5);
        }
      }
    });

    it(`${name}: an unknown kind is named with the registry's name`, () => {
      const { issues } = read(reg as Registry<unknown>, { kind: "nope" });
      expect(issues[0]?.message).toContain(`unknown ${name} "nope"`);
    });
  }
});

describe("defaults and the model each kind builds", () => {
  const cases: [Registry<unknown>, string, Record<string, unknown>, new (...a: never[]) => unknown][] = [
    [impactKinds, "none", {}, NoImpact],
    [impactKinds, "fixed", { bps: 5 }, FixedImpact],
    [impactKinds, "linear", { coefficient: 1, dailyVolume: 5e8 }, LinearImpact],
    [impactKinds, "sqrt", { coefficient: 0.7, annualVol: 0.8, dailyVolume: 5e8 }, SqrtImpact],
    [impactKinds, "amm", { reserveQuote: 1e7, fee: 0.003, halfLife: 12_000, maxPriceMove: 0.1 }, AmmImpact],
    [impactKinds, "depth", { levelsBps: [5, 20, 50, 100], depthQuote: [1e5, 1e6, 5e6, 1e7] }, DepthImpact],
    [latencyKinds, "fixed", { delay: 12_000 }, FixedLatency],
    [latencyKinds, "blocks", { blocks: 1, blockMs: 12_000 }, BlocksLatency],
    [latencyKinds, "congested", { base: 12_000, slope: 600_000, max: 600_000, jitter: 0 }, CongestedLatency],
    [gasKinds, "none", {}, NoGas],
    [gasKinds, "fixed", { units: 180_000, priceGwei: 20 }, FixedGas],
    [gasKinds, "congested", { units: 180_000, priceGwei: 20, sensitivity: 15, capGwei: 1000 }, CongestedGas],
  ];
  for (const [reg, kind, defaults, cls] of cases) {
    it(`${reg.name} ${kind}: ${JSON.stringify(defaults)}`, () => {
      const { c, issues } = read(reg, { kind });
      expect(issues).toEqual([]);
      expect(c!.params).toMatchObject(defaults);
      expect(c!.def.create(c!.params)).toBeInstanceOf(cls);
    });
  }

  it("builds models from the given parameters: fixed 10 bps, blocks 3 × 2 s, fixed gas 21 000 × 30 gwei", () => {
    const fixed = read(impactKinds, { kind: "fixed", bps: 10 }).c!;
    expect((fixed.def.create(fixed.params) as FixedImpact).impact(1)).toBeCloseTo(0.001, 15);
    const blocks = read(latencyKinds, { kind: "blocks", blocks: 3, blockMs: "2s" }).c!;
    expect((blocks.def.create(blocks.params) as BlocksLatency).delayMs()).toBe(6000);
    const gas = read(gasKinds, { kind: "fixed", units: 21_000, priceGwei: 30 }).c!;
    expect((gas.def.create(gas.params) as FixedGas).costQuote(0, 2000)).toBeCloseTo(
      21_000 * 30e-9 * 2000,
      12,
    );
  });
});

describe("bounds and cross-field checks", () => {
  it("refuses a zero AMM reserve or price-move cap and zero depth levels (exclusive minimums)", () => {
    for (const raw of [
      { kind: "amm", reserveQuote: 0 },
      { kind: "amm", maxPriceMove: 0 },
      { kind: "depth", levelsBps: [0, 20], depthQuote: [1, 2] },
      { kind: "depth", levelsBps: [5, 20], depthQuote: [0, 2] },
    ]) {
      expect(read(impactKinds, raw).issues.length).toBe(1);
    }
  });

  it("depth: one depth per level, at least one level", () => {
    const { issues } = read(impactKinds, { kind: "depth", levelsBps: [5, 20], depthQuote: [1e5] });
    expect(issues).toEqual([
      {
        code: "wrong_length",
        path: "x.depthQuote",
        message: "found 1 depths for 2 levels; allowed: one depth per level, at least one",
      },
    ]);
    expect(read(impactKinds, { kind: "depth", levelsBps: [], depthQuote: [] }).issues[0]?.code).toBe(
      "wrong_length",
    );
  });

  it("depth: strictly increasing levels and depths, naming the element", () => {
    const { issues } = read(impactKinds, {
      kind: "depth",
      levelsBps: [5, 50, 20, 20],
      depthQuote: [1e5, 1e6, 1e6, 2e6],
    });
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ["out_of_range", "x.levelsBps[2]", "found 20 after 50; allowed: strictly increasing values"],
      ["out_of_range", "x.levelsBps[3]", "found 20 after 20; allowed: strictly increasing values"],
      ["out_of_range", "x.depthQuote[2]", "found 1000000 after 1000000; allowed: strictly increasing values"],
    ]);
    expect(read(impactKinds, { kind: "depth", levelsBps: [1, 2, 3], depthQuote: [1, 2, 3] }).issues).toEqual(
      [],
    );
  });
});

describe("fee schedules", () => {
  it("presets hold the documented base tiers", () => {
    expect(FEE_PRESETS).toEqual({
      "binance-usdm": { maker: 0.0002, taker: 0.0005 },
      "dydx-v4": { maker: 0.0001, taker: 0.0005 },
      hyperliquid: { maker: 0.00015, taker: 0.00045 },
      "deribit-perp": { maker: 0, taker: 0.0005 },
      none: { maker: 0, taker: 0 },
    });
    expect(readFeeSchedule("dydx-v4", "fees", [])).toEqual({ maker: 0.0001, taker: 0.0005 });
  });

  it("a mapping defaults to Binance's base tier and refuses unknown keys, even `kind`", () => {
    expect(readFeeSchedule({}, "fees", [])).toEqual({ maker: 0.0002, taker: 0.0005 });
    expect(readFeeSchedule({ maker: 0, taker: 0.001 }, "fees", [])).toEqual({ maker: 0, taker: 0.001 });
    const issues: Issue[] = [];
    expect(readFeeSchedule({ kind: "x" }, "fees", issues)).toBeUndefined();
    expect(issues.length).toBe(1);
  });

  it("names an unknown preset or a wrong type", () => {
    const issues: Issue[] = [];
    expect(readFeeSchedule("binance", "fees", issues)).toBeUndefined();
    expect(issues[0]?.message).toMatch(/^unknown fee preset "binance".*allowed: binance-usdm, dydx-v4/);
    expect(readFeeSchedule(7, "fees", issues)).toBeUndefined();
    expect(issues[1]).toEqual({
      code: "wrong_type",
      path: "fees",
      message: "found 7; allowed: a preset name or a mapping { maker, taker }",
    });
  });
});
