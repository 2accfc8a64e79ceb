import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { streamFor } from "../../engine/rng.js";
import { MS_PER_HOUR } from "../../engine/units.js";
import { choleskyCorrelation, correlationScratch, generateCorrelated } from "./correlated.js";
import { priceModelKinds } from "./registry.js";
import type { PriceModel } from "./types.js";

function gbm(spot: number, vol: number): PriceModel {
  const c = priceModelKinds.read({ kind: "gbm", spot, vol }, "m", []);
  return c!.def.create(c!.params, {});
}

function corrOf(a: Float64Array, b: Float64Array): number {
  const n = a.length - 1;
  let sa = 0,
    sb = 0,
    saa = 0,
    sbb = 0,
    sab = 0;
  for (let i = 1; i <= n; i++) {
    const x = Math.log((a[i] as number) / (a[i - 1] as number));
    const y = Math.log((b[i] as number) / (b[i - 1] as number));
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
}

describe("choleskyCorrelation", () => {
  it("factors a 2×2 matrix as [[1,0],[ρ,√(1−ρ²)]]", () => {
    const L = choleskyCorrelation(
      [
        [1, 0.6],
        [0.6, 1],
      ],
      2,
    );
    expect([...L]).toEqual([1, 0, 0.6, 0.8]);
  });

  it("rejects a matrix that is not positive-definite, naming the problem", () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(() => choleskyCorrelation(bad, 3)).toThrow(InputError);
    expect(() => choleskyCorrelation(bad, 3)).toThrow(/not positive-definite/);
  });

  it("rejects asymmetric, wrongly sized and non-unit-diagonal matrices", () => {
    expect(() =>
      choleskyCorrelation(
        [
          [1, 0.5],
          [0.4, 1],
        ],
        2,
      ),
    ).toThrow(/not symmetric/);
    expect(() => choleskyCorrelation([[1]], 2)).toThrow(/2×2/);
    expect(() =>
      choleskyCorrelation(
        [
          [0.5, 0],
          [0, 1],
        ],
        2,
      ),
    ).toThrow(/diagonal/);
  });

  it("refuses to correlate a driverless model", () => {
    const boot: PriceModel = { spot: 1, usesDrivers: false, generate: () => {} };
    expect(() =>
      correlationScratch(
        [gbm(1, 0.5), boot],
        [
          [1, 0.3],
          [0.3, 1],
        ],
        10,
      ),
    ).toThrow(/ignores/);
  });
});

describe("generateCorrelated", () => {
  const n = 20_000;
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: n };

  function run(rho: number, seed: number): Float64Array[] {
    const models = [gbm(3000, 0.8), gbm(60000, 0.6)];
    const scratch = correlationScratch(
      models,
      [
        [1, rho],
        [rho, 1],
      ],
      n,
    );
    const out = [new Float64Array(n + 1), new Float64Array(n + 1)];
    const rngs = [streamFor(seed, 0, "prices", "ETH"), streamFor(seed, 0, "prices", "BTC")];
    generateCorrelated(models, grid, rngs, streamFor(seed, 0, "drivers"), out, scratch);
    return out;
  }

  it.each([0.7, -0.4, 0])("sample correlation of log returns ≈ %s within 4(1−ρ²)/√n", (rho) => {
    const [a, b] = run(rho, 7);
    expect(Math.abs(corrOf(a!, b!) - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n) + 1e-3);
  });

  it("is deterministic for the same streams", () => {
    expect(run(0.5, 3)).toEqual(run(0.5, 3));
  });

  it("the first asset does not depend on the correlation (lower-triangular mixing)", () => {
    expect(run(0.5, 3)[0]).toEqual(run(-0.2, 3)[0]);
  });
});
