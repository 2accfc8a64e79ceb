import { describe, expect, test } from "vitest";
import { InputError } from "../engine/errors.js";
import { buildSummary, canonical, columnStats, renderSummaryJson } from "./summary.js";
import type { RunResults } from "./types.js";

function results(metrics: Record<string, unknown> = {}): RunResults {
  return {
    manifest: {
      zExtra: "last",
      seed: 42,
      version: "0.1.0",
      paths: 4,
      scenarioHash: "sha256:abc",
      scenarioName: "demo",
      aExtra: { b: 1, a: 2 },
      dataRange: { from: "2024-01-01T00:00:00Z", to: "2024-02-01T00:00:00Z" },
    },
    paths: {
      length: 4,
      columns: {
        path: Int32Array.of(0, 1, 2, 3),
        pnl: Float64Array.of(10, -20, 30, 0.1 + 0.2),
        fees: [1, 2, 3, 4],
        liquidations: Int32Array.of(0, 1, 0, 2),
        venue: ["a", "b", "c", "d"],
      },
    },
    metrics,
  };
}

describe("buildSummary", () => {
  test("puts the manifest's fixed keys first, extras sorted, nested keys sorted", () => {
    const s = buildSummary(results(), [0.5]);
    expect(Object.keys(s.manifest)).toEqual([
      "version",
      "scenarioName",
      "scenarioHash",
      "seed",
      "paths",
      "dataRange",
      "aExtra",
      "zExtra",
    ]);
    expect(Object.keys(s.manifest["aExtra"] as object)).toEqual(["a", "b"]);
  });

  test("summarises pnl, totals the other numeric path columns, skips path and strings", () => {
    const s = buildSummary(results(), [0.5]);
    expect(s.metrics.pnl["n"]).toBe(4);
    expect((s.metrics.pnl["mean"] as { value: number }).value).toBe(roundTo12((10 - 20 + 30 + 0.3) / 4));
    expect(s.metrics.columns).toEqual({
      fees: { n: 4, total: 10, mean: 2.5, min: 1, max: 4 },
      liquidations: { n: 4, total: 3, mean: 0.75, min: 0, max: 2 },
    });
  });

  test("adds caller metric blocks with keys sorted and numbers rounded, after its own blocks", () => {
    const s = buildSummary(results({ z: { y: 1 / 3, x: [0.1 + 0.2] }, a: 1n }), []);
    const own = ["attribution", "columns", "costs", "liquidations", "pnl", "risk"];
    expect(Object.keys(s.metrics)).toEqual([...own, "a", "z"]);
    expect(s.metrics["z"]).toEqual({ x: [0.3], y: 0.333333333333 });
    expect(JSON.stringify(s.metrics["z"])).toBe('{"x":[0.3],"y":0.333333333333}');
    expect(s.metrics["a"]).toBe(1);
  });

  test("is byte-identical for identical results, whatever the insertion order of metric keys", () => {
    const a = renderSummaryJson(buildSummary(results({ liq: { count: 3, badDebt: 12.5 } }), [0.05, 0.95]));
    const b = renderSummaryJson(buildSummary(results({ liq: { badDebt: 12.5, count: 3 } }), [0.95, 0.05]));
    expect(b).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
    expect(a).toContain('\n  "manifest": {\n    "version": "0.1.0",');
  });

  test("rejects a missing or non-numeric pnl and reserved metric names", () => {
    const r = results();
    const noPnl: RunResults = { ...r, paths: { length: 1, columns: { fees: [1] } } };
    expect(() => buildSummary(noPnl, [])).toThrow(InputError);
    const strPnl: RunResults = { ...r, paths: { length: 1, columns: { pnl: ["1"] } } };
    expect(() => buildSummary(strPnl, [])).toThrow(/numeric column named pnl/);
    expect(() => buildSummary(results({ pnl: 1 }), [])).toThrow(/reserved/);
  });
});

describe("columnStats and canonical", () => {
  test("columnStats of an empty column has a zero total and null figures; NaN marks paths without a value", () => {
    expect(columnStats([])).toEqual({ n: 0, total: 0, mean: null, min: null, max: null });
    expect(columnStats([Number.NaN])).toEqual({ n: 0, total: 0, mean: null, min: null, max: null });
    expect(columnStats([1, Number.NaN, 3])).toEqual({ n: 2, total: 4, mean: 2, min: 1, max: 3 });
  });

  test("canonical maps typed arrays to arrays, non-finite numbers to null and drops undefined", () => {
    expect(canonical({ b: Float64Array.of(1, Number.NaN), a: undefined, c: null }, false)).toEqual({
      b: [1, null],
      c: null,
    });
  });
});

function roundTo12(x: number): number {
  return Number(x.toPrecision(12));
}
