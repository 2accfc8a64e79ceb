/** Parameter specs: every problem collected, defaults filled, suggestions for typos. */
import { describe, expect, it } from "vitest";
import type { Issue } from "./errors.js";
import { didYouMean, editDistance, readParams } from "./params.js";
import { Registry } from "./registry.js";

const specs = {
  vol: { type: "number", min: 0, description: "volatility" },
  every: { type: "duration", default: "1h", description: "interval" },
  side: { type: "enum", values: ["perp", "spot"], default: "perp", description: "instrument" },
} as const;

describe("readParams", () => {
  it("fills defaults and converts durations to ms", () => {
    const issues: Issue[] = [];
    expect(readParams({ vol: 0.5 }, specs, "s", issues)).toEqual({
      vol: 0.5,
      every: 3_600_000,
      side: "perp",
    });
    expect(issues).toEqual([]);
  });

  it("collects every problem with its path", () => {
    const issues: Issue[] = [];
    readParams({ vol: -1, every: "soon", side: "perpp", extra: 1 }, specs, "strategy", issues);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(Object.keys(byPath).sort()).toEqual([
      "strategy.every",
      "strategy.extra",
      "strategy.side",
      "strategy.vol",
    ]);
    expect(byPath["strategy.vol"]?.message).toMatch(/found -1; allowed: a number ≥ 0/);
    expect(byPath["strategy.side"]?.message).toMatch(/did you mean "perp"/);
    expect(byPath["strategy.extra"]?.code).toBe("unknown_key");
  });

  it("reports a missing required field", () => {
    const issues: Issue[] = [];
    readParams({}, specs, "m", issues);
    expect(issues).toMatchObject([{ code: "missing", path: "m.vol" }]);
  });
});

describe("suggestions", () => {
  it("computes edit distances", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(didYouMean("delta-hegde", ["hold", "delta-hedge"])).toBe(' (did you mean "delta-hedge"?)');
    expect(didYouMean("zzzzzz", ["hold"])).toBe("");
  });

  it("a registry rejects an unknown kind with the allowed list", () => {
    const r = new Registry<number>("thing", [{ kind: "one", summary: "", params: {}, create: () => 1 }]);
    const issues: Issue[] = [];
    expect(r.read({ kind: "onr" }, "x", issues)).toBeUndefined();
    expect(issues[0]?.message).toMatch(/unknown thing "onr" \(did you mean "one"\?\); allowed: one/);
  });
});
