import { describe, expect, it } from "vitest";
import type { Issue } from "../../engine/errors.js";
import { Rng } from "../../engine/rng.js";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { priceModelKinds } from "./registry.js";
import type { PriceModel } from "./types.js";

function make(raw: Record<string, unknown>): PriceModel {
  const issues: Issue[] = [];
  const c = priceModelKinds.read(raw, "model", issues);
  expect(issues).toEqual([]);
  return c!.def.create(c!.params, {});
}

describe("gbm", () => {
  it("reports bad parameters", () => {
    const issues: Issue[] = [];
    priceModelKinds.read({ kind: "gbm", spot: 0, vol: -1 }, "m", issues);
    expect(issues.map((i) => i.path)).toEqual(["m.spot", "m.vol"]);
  });

  it("with zero vol follows S0·e^{μt} exactly", () => {
    const m = make({ kind: "gbm", spot: 100, drift: 0.1, vol: 0 });
    const grid = { startMs: 0, stepMs: MS_PER_YEAR / 10, steps: 10 };
    const out = new Float64Array(11);
    m.generate(grid, new Float64Array(11).fill(3), new Rng("x"), out);
    expect(out[10]).toBeCloseTo(100 * Math.exp(0.1), 10);
  });

  it("log returns have mean (μ−σ²/2)Δt and variance σ²Δt within 4 standard errors", () => {
    const mu = 0.3;
    const sigma = 0.8;
    const n = 100_000;
    const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: n };
    const rng = new Rng("gbm-moments");
    const z = new Float64Array(n + 1);
    for (let i = 1; i <= n; i++) z[i] = rng.normal();
    const out = new Float64Array(n + 1);
    const vol = new Float64Array(n + 1);
    make({ kind: "gbm", spot: 2000, drift: mu, vol: sigma }).generate(grid, z, rng, out, vol);
    const dt = MS_PER_HOUR / MS_PER_YEAR;
    let s1 = 0;
    let s2 = 0;
    for (let i = 1; i <= n; i++) {
      const r = Math.log((out[i] as number) / (out[i - 1] as number));
      s1 += r;
      s2 += r * r;
    }
    const mean = s1 / n;
    const variance = (s2 - n * mean * mean) / (n - 1);
    const v = sigma * sigma * dt;
    expect(Math.abs(mean - (mu - v / dt / 2) * dt)).toBeLessThan(4 * Math.sqrt(v / n));
    expect(Math.abs(variance - v)).toBeLessThan(4 * v * Math.sqrt(2 / (n - 1)));
    expect(vol[n]).toBe(sigma);
  });
});
