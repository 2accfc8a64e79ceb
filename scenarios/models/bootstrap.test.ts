import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { MS_PER_HOUR } from "../../engine/units.js";
import { buildModel, logReturns, meanSe, simulate } from "./test-util.js";

// 500 distinct returns, 1e-4 apart, in a scrambled order (7919 is prime, so i ↦ 7919·i mod 500 is a
// permutation): return ↔ index is unambiguous. Mean = OFF − 0.5e-4.
const n = 500;
const OFF = 5e-3;
const HIST_MEAN = OFF - 0.5e-4;
const history = Float64Array.from({ length: n }, (_, i) => (((i * 7919) % n) - 250) * 1e-4 + OFF);
const indexOf = new Map<number, number>();
for (const [i, r] of history.entries()) indexOf.set(Math.round((r - OFF) * 1e4), i);
const ctx = { historicalReturns: (ref: string) => (ref === "h.csv" ? history : undefined) };

describe("bootstrap", () => {
  const block = 10;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 50_000 };
  const r = logReturns(
    simulate(buildModel({ kind: "bootstrap", spot: 5, data: "h.csv", block }, ctx), grid, "b").price,
  );
  const idx = Array.from(r, (x) => indexOf.get(Math.round((x - OFF) * 1e4)));

  it("every generated return is one of the historical returns", () => {
    expect(idx.every((j) => j !== undefined)).toBe(true);
    for (let i = 0; i < 100; i++) expect(r[i]).toBeCloseTo(history[idx[i] as number] as number, 10);
  });

  it("continues a block with probability 1 − 1/block (+ chance restarts at the successor)", () => {
    let cont = 0;
    for (let i = 1; i < idx.length; i++) if (idx[i] === ((idx[i - 1] as number) + 1) % n) cont++;
    const p = 1 - 1 / block + 1 / block / n;
    const trials = idx.length - 1;
    expect(Math.abs(cont / trials - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
  });

  it("keeps the historical drift, or removes it with demean", () => {
    // Blocks of mean length b make neighbouring returns dependent; √(2b) bounds the SE inflation.
    const g = { ...grid, steps: 20_000 };
    for (const [demean, target] of [
      [false, HIST_MEAN],
      [true, 0],
    ] as const) {
      const m = buildModel({ kind: "bootstrap", spot: 5, data: "h.csv", block, demean }, ctx);
      const { mean, se } = meanSe(logReturns(simulate(m, g, "d").price));
      expect(Math.abs(mean - target)).toBeLessThan(4 * se * Math.sqrt(2 * block));
      expect(Math.abs(mean - (HIST_MEAN - target))).toBeGreaterThan(4 * se * Math.sqrt(2 * block));
    }
  });

  it("fails with a clear error when the data reference is unknown", () => {
    expect(() => buildModel({ kind: "bootstrap", spot: 5, data: "nope.csv" }, ctx)).toThrow(InputError);
    expect(() => buildModel({ kind: "bootstrap", spot: 5, data: "nope.csv" }, ctx)).toThrow(/nope\.csv/);
  });
});
