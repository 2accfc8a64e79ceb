/**
 * compare's estimators and the gate, by hand: the paired SE of a mean difference and Welch's SE on
 * a four-path fixture, the pairing rule, and every kind of tolerance.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { InputError } from "../engine/errors.js";
import { change, METRICS, type RunColumns } from "./compare.js";
import { pairing } from "./compare-runs.js";
import { allowance, readGate, verdict } from "./gate.js";

const meanPnl = METRICS.find((m) => m.name === "meanPnl") as (typeof METRICS)[number];
const base: RunColumns = { pnl: Float64Array.of(1, 2, 3, 4) };
const cand: RunColumns = { pnl: Float64Array.of(2, 4, 3, 7) };

describe("compare", () => {
  test("paired: SE of the mean of per-path differences", () => {
    // d = 1, 2, 0, 3: mean 1.5, s² = 5/3, SE = √(5/3)/2
    const c = change(meanPnl, base, cand, true, 1);
    expect(c?.change).toBe(1.5);
    expect(c?.se).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
  });

  test("unpaired: Welch, √(s₁²/n₁ + s₂²/n₂)", () => {
    // s₁² = 5/3, s₂² = 14/3
    const c = change(meanPnl, base, cand, false, 1);
    expect(c?.se).toBeCloseTo(Math.sqrt(5 / 3 / 4 + 14 / 3 / 4), 14);
  });

  test("an identical run changes nothing, with zero SE", () => {
    for (const m of METRICS) {
      const c = change(
        m,
        { pnl: base.pnl as Float64Array, premium: Float64Array.of(2, 2, 2, 2) },
        { pnl: base.pnl as Float64Array, premium: Float64Array.of(2, 2, 2, 2) },
        true,
        1,
      );
      if (c === null) continue;
      expect(c.change, m.name).toBe(0);
      expect(c.se ?? 0, m.name).toBe(0);
    }
  });

  test("pairs runs only with the same seed, path count and price model, and says why not", () => {
    const m = (seed: number, vol: number) => ({
      version: "",
      scenarioName: "",
      scenarioHash: "",
      seed,
      paths: 4,
      scenario: { market: { vol } },
    });
    expect(pairing(m(1, 0.8), m(1, 0.8), 4, 4)[0]).toBe(true);
    expect(pairing(m(1, 0.8), m(2, 0.8), 4, 4)[1]).toMatch(/seeds differ/);
    expect(pairing(m(1, 0.8), m(1, 0.8), 4, 5)[1]).toMatch(/path counts differ/);
    expect(pairing(m(1, 0.8), m(1, 0.5), 4, 4)[1]).toMatch(/price models differ/);
  });
});

describe("gate", () => {
  const c = { baseline: 100, candidate: 90, change: -10, se: 2 };
  test("absolute, relative and SE tolerances; the loosest wins", () => {
    expect(verdict({ worse: "lower", absolute: 5 }, c)).toBe("regression");
    expect(verdict({ worse: "lower", absolute: 15 }, c)).toBe("worse (within tolerance)");
    expect(verdict({ worse: "lower", relative: 0.05 }, c)).toBe("regression"); // 10 > 5 % of 100
    expect(verdict({ worse: "lower", relative: 0.2 }, c)).toBe("worse (within tolerance)");
    expect(verdict({ worse: "lower", se: 3 }, c)).toBe("regression"); // 10 > 3 × 2
    expect(verdict({ worse: "lower", se: 6 }, c)).toBe("worse (within tolerance)");
    expect(allowance({ worse: "lower", absolute: 1, relative: 0.05, se: 3 }, c)).toBe(6);
    expect(verdict({ worse: "higher", se: 3 }, c)).toBe("better");
    expect(verdict(undefined, c)).toBe("not gated");
  });

  test("reads gate.yaml and names every bad field", () => {
    const dir = mkdtempSync(join(tmpdir(), "ballast-gate-"));
    try {
      const good = join(dir, "good.yaml");
      writeFileSync(good, "metrics:\n  hedgeError: { se: 3 }\n  meanPnl: { relative: 0.05, worse: lower }\n");
      expect(readGate(good)).toEqual({
        hedgeError: { worse: "higher", se: 3 },
        meanPnl: { worse: "lower", relative: 0.05 },
      });
      const badFile = join(dir, "bad.yaml");
      writeFileSync(
        badFile,
        "metrics:\n  hedgeErr: { se: 3 }\n  meanPnl: { relative: -1, worse: up, tol: 1 }\n  var95: {}\n",
      );
      const e = (() => {
        try {
          readGate(badFile);
        } catch (x) {
          return x as InputError;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(InputError);
      const paths = e?.issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          "metrics.hedgeErr",
          "metrics.meanPnl.relative",
          "metrics.meanPnl.worse",
          "metrics.meanPnl.tol",
          "metrics.var95",
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
