/**
 * Latency, gas and fee kinds. Invariants: every latency is ≥ 0; `congested` latency and gas never
 * decrease with stress (same random draw) and stop at their caps. Closed forms: blocks × blockMs;
 * the REFERENCE gas example 393 192 gas × 200 gwei × 150 USD ≈ 11.8 USD; fee presets from the
 * REFERENCE fee table.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { Registry } from "../registry.js";
import { Rng } from "../rng.js";
import { FEE_PRESETS, readFeeSchedule } from "./fees.js";
import { FixedGas } from "./gas.js";
import { type GasKind, gasKinds, type LatencyKind, latencyKinds } from "./registry.js";
import type { GasModel, LatencyModel } from "./types.js";

function make<T>(reg: Registry<T>, raw: Record<string, unknown>): T {
  const issues: Issue[] = [];
  const c = reg.read(raw, "x", issues);
  expect(issues).toEqual([]);
  return c!.def.create(c!.params);
}

const STRESS = Array.from({ length: 41 }, (_, k) => -0.05 + k * 0.01);

const LATENCY: { readonly [K in LatencyKind]: readonly Record<string, unknown>[] } = {
  fixed: [{}, { delay: 0 }],
  blocks: [{}, { blocks: 3, blockMs: "2s" }],
  congested: [{}, { base: "2s", slope: 1e6, max: "5m", jitter: "30s" }],
};

describe("latency", () => {
  it("covers every registered kind", () => {
    expect(latencyKinds.kinds().sort()).toEqual(Object.keys(LATENCY).sort());
  });

  it.each(Object.entries(LATENCY).flatMap(([kind, vs]) => vs.map((p) => ({ kind, ...p }))))(
    "%o: ≥ 0 and non-decreasing in stress for the same draw",
    (raw) => {
      const m = make<LatencyModel>(latencyKinds, raw);
      let prev = -1;
      for (const s of STRESS) {
        const d = m.delayMs(0, s, new Rng("same"));
        expect(d).toBeGreaterThanOrEqual(Math.max(prev, 0));
        prev = d;
      }
    },
  );

  it("blocks: n × blockMs; congested: min(base + slope·stress, max) + jitter", () => {
    const rng = new Rng("x");
    expect(
      make<LatencyModel>(latencyKinds, { kind: "blocks", blocks: 3, blockMs: "2s" }).delayMs(0, 0, rng),
    ).toBe(6000);
    const c = make<LatencyModel>(latencyKinds, { kind: "congested", base: "12s", slope: 600000, max: "10m" });
    expect(c.delayMs(0, -1, rng)).toBe(12_000);
    expect(c.delayMs(0, 0.2, rng)).toBe(12_000 + 120_000);
    expect(c.delayMs(0, 5, rng)).toBe(600_000);
    const j = make<LatencyModel>(latencyKinds, { kind: "congested", max: "10m", jitter: "1m" });
    for (let k = 0; k < 100; k++) {
      const d = j.delayMs(0, 10, rng);
      expect(d >= 600_000 && d < 660_000).toBe(true);
    }
  });
});

const GAS: { readonly [K in GasKind]: readonly Record<string, unknown>[] } = {
  none: [{}],
  fixed: [{}],
  congested: [{}, { sensitivity: 100, capGwei: 300 }],
};

describe("gas", () => {
  it("covers every registered kind", () => {
    expect(gasKinds.kinds().sort()).toEqual(Object.keys(GAS).sort());
  });

  it("REFERENCE: 393 192 gas × 200 gwei × 150 USD ≈ 11.8 USD", () => {
    const gas: GasModel = new FixedGas(393_192, 200);
    expect(gas.costQuote(0, 150, 0)).toBeCloseTo(393_192 * 200e-9 * 150, 12);
    expect(gas.costQuote(0, 150, 0)).toBeCloseTo(11.8, 1);
  });

  it.each(Object.entries(GAS).flatMap(([kind, vs]) => vs.map((p) => ({ kind, ...p }))))(
    "%o: ≥ 0 and non-decreasing in stress",
    (raw) => {
      const m = make<GasModel>(gasKinds, raw);
      let prev = 0;
      for (const s of STRESS) {
        const c = m.costQuote(0, 3000, s);
        expect(c).toBeGreaterThanOrEqual(prev);
        prev = c;
      }
    },
  );

  it("congested: 20 gwei × (1 + 15 × 0.2) = 80 gwei (12 Mar 2020: 80–100), capped at 1 000", () => {
    const m = make<GasModel>(gasKinds, { kind: "congested", units: 100_000 });
    expect(m.costQuote(0, 1000, 0)).toBeCloseTo(100_000 * 20e-9 * 1000, 12);
    expect(m.costQuote(0, 1000, 0.2)).toBeCloseTo(100_000 * 80e-9 * 1000, 12);
    expect(m.costQuote(0, 1000, 100)).toBeCloseTo(100_000 * 1000e-9 * 1000, 12);
  });
});

describe("fees", () => {
  it("reads presets and { maker, taker } with Binance base-tier defaults", () => {
    const issues: Issue[] = [];
    expect(readFeeSchedule("hyperliquid", "fees", issues)).toEqual({ maker: 0.00015, taker: 0.00045 });
    expect(readFeeSchedule({}, "fees", issues)).toEqual(FEE_PRESETS["binance-usdm"]);
    expect(readFeeSchedule({ taker: 0.001 }, "fees", issues)).toEqual({ maker: 0.0002, taker: 0.001 });
    expect(issues).toEqual([]);
  });

  it("reports unknown presets, negative fees and unknown keys", () => {
    const issues: Issue[] = [];
    expect(readFeeSchedule("hyperliqiud", "fees", issues)).toBeUndefined();
    expect(readFeeSchedule({ maker: -0.0001, takr: 0.1 }, "fees", issues)).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_kind", "fees"],
      ["unknown_key", "fees.takr"],
      ["out_of_range", "fees.maker"],
    ]);
    expect(issues[0]?.message).toContain('did you mean "hyperliquid"');
  });
});
