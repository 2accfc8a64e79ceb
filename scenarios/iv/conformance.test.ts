/**
 * Conformance of every implied-vol model (scenarios/iv/kinds.ts): positive, finite vols; seeded
 * determinism; the stochastic level's mean reversion, stationary spread and correlation with
 * returns against the closed forms of its log-OU dynamics; surfaces free of static arbitrage.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../engine/errors.js";
import type { TimeGrid } from "../../engine/market.js";
import { linspace, surfaceArbitrage } from "../../engine/pricing/surface-check.js";
import { Rng } from "../../engine/rng.js";
import { MS_PER_HOUR, MS_PER_YEAR } from "../../engine/units.js";
import { buildModel, meanSe, simulate } from "../models/test-util.js";
import { type ImpliedVolModel, type IvContext, impliedVolKinds } from "./kinds.js";
import { checkIvSurfaces } from "./market.js";

function build(raw: Record<string, unknown>, ctx: IvContext = {}): ImpliedVolModel {
  const issues: Issue[] = [];
  const c = impliedVolKinds.read(raw, "iv", issues);
  if (!c || issues.length > 0) throw new Error(JSON.stringify(issues));
  return c.def.create(c.params, ctx);
}

const grid: TimeGrid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 24 * 120 };
const dt = MS_PER_HOUR / MS_PER_YEAR;
const gbm = buildModel({ kind: "gbm", spot: 3000, vol: 0.6 });
const hestonRaw = { kind: "heston", spot: 3000, v0: 0.36, kappa: 3, theta: 0.36, xi: 0.8, rho: -0.6 };
const heston = buildModel(hestonRaw);

function level(m: ImpliedVolModel, seed: string, priceModel = gbm) {
  const { price, vol } = simulate(priceModel, grid, seed);
  const out = new Float64Array(grid.steps + 1);
  m.fill(grid, price, vol, new Rng(`${seed}/iv`), out);
  return { price, vol, out };
}

const STOCH = {
  kind: "stochastic",
  level: 0.6,
  premium: 0.1,
  kappa: 20,
  volOfVol: 1.5,
  rho: -0.6,
  start: 1.5,
};
const MODELS: [string, Record<string, unknown>, IvContext, typeof gbm][] = [
  ["constant", { kind: "constant", vol: 0.7, skew: -0.3, curvature: 0.9 }, {}, gbm],
  ["column", { kind: "column", scale: 1.1 }, {}, gbm],
  ["stochastic (level)", STOCH, {}, gbm],
  ["stochastic (follows the model's vol)", { kind: "stochastic", premium: 0.05, rho: -0.5 }, {}, heston],
  ["heston", { kind: "heston" }, { priceModel: { kind: "heston", params: hestonRaw } }, heston],
];

describe.each(MODELS)("implied-vol model %s", (_name, raw, ctx, pm) => {
  const m = build(raw, ctx);

  it("writes finite, non-negative vols at every point (positive except Heston's √v at 0)", () => {
    for (const seed of ["a", "b", "c"]) {
      const { out } = level(m, seed, pm);
      expect(out.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      if (raw["kind"] !== "heston") expect(out.every((x) => x > 0)).toBe(true);
    }
  });

  it("is deterministic in its seed, and a random model differs between seeds", () => {
    expect(level(m, "s1", pm).out).toEqual(level(m, "s1", pm).out);
    const differs = level(m, "s1", pm).out.some((x, i) => x !== level(m, "s2", pm).out[i]);
    expect(differs).toBe(m.random || raw["kind"] === "heston");
  });

  it("gives surfaces free of butterfly and calendar arbitrage at the levels it generates", () => {
    const { out, price } = level(m, "arb", pm);
    // Within ±0.5 in log-moneyness: beyond a dozen standard deviations an option's price is below
    // what double precision resolves, and no surface is checkable there.
    const ks = linspace(-0.5, 0.5, 41);
    const taus = [7, 30, 90, 180].map((d) => d / 365);
    for (const i of [0, 700, 2000]) {
      const s = price[i] as number;
      const w = (k: number, tau: number) =>
        m.surface.vol(s * Math.exp(k), tau, s, 3000, 0, out[i] as number) ** 2 * tau;
      expect(surfaceArbitrage(w, ks, taus, 1e-4)).toEqual([]);
    }
  });
});

describe("stochastic ATM implied vol: closed forms of the log-OU level", () => {
  const m = build(STOCH);
  const runs = Array.from({ length: 200 }, (_, j) => level(m, `ou${j}`));
  const long = Math.log(0.6 + 0.1);

  it("reverts from its start: E[ln σ_t − ln(level + premium)] = ln(start/(level + premium))·e^{−κt} at t = 1/κ", () => {
    const i = Math.round(1 / 20 / dt);
    const y = runs.map((r) => Math.log(r.out[i] as number) - long);
    const { mean, se } = meanSe(y);
    const expected = Math.log(1.5 / 0.7) * Math.exp(-20 * i * dt);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
  });

  it("settles around ln(level + premium) with the stationary spread η/√(2κ)", () => {
    const late = runs.map((r) => Math.log(r.out[grid.steps] as number) - long);
    const { mean, se } = meanSe(late);
    expect(Math.abs(mean)).toBeLessThan(4 * se);
    const sd = Math.sqrt(late.reduce((s, x) => s + x * x, 0) / late.length);
    const expectedSd = 1.5 / Math.sqrt(40);
    // The sample SD of 200 normals has a relative SE of 1/√400 = 5 %.
    expect(Math.abs(sd / expectedSd - 1)).toBeLessThan(0.2);
  });

  it("moves against returns with the configured correlation ρ = −0.6", () => {
    const per = runs.slice(0, 40).map(({ price, out }) => {
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      const decay = Math.exp(-20 * dt);
      for (let i = 1; i <= grid.steps; i++) {
        const x = Math.log((price[i] as number) / (price[i - 1] as number));
        // The level's innovation: y_i − y_{i−1}·e^{−κΔt} (the anchor is constant here).
        const y = Math.log(out[i] as number) - long - (Math.log(out[i - 1] as number) - long) * decay;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      return sxy / Math.sqrt(sxx * syy);
    });
    const { mean, se } = meanSe(per);
    expect(Math.abs(mean - -0.6)).toBeLessThan(4 * se + 0.01);
  });
});

describe("bad implied-vol parameters", () => {
  it("refuses a smile with butterfly arbitrage, naming the field and the bound", () => {
    const issues: Issue[] = [];
    impliedVolKinds.read(
      { kind: "constant", vol: 0.8, skew: -0.5, curvature: 2 },
      "market.assets.ETH.iv",
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual(["market.assets.ETH.iv.curvature"]);
    expect(issues[0]?.message).toMatch(/butterfly.*η ≤ 2\/\(1 \+ \|ρ\|\) = 1\.33/);
  });

  it("refuses a term structure whose ATM total variance falls with tenor", () => {
    const issues: Issue[] = [];
    impliedVolKinds.read({ kind: "constant", vol: 0.8, termSlope: -0.7 }, "iv", issues);
    expect(issues.map((i) => i.path)).toEqual(["iv.termSlope"]);
  });

  it("refuses a generated surface that admits arbitrage, naming the asset and where", () => {
    const grid1: TimeGrid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 2 };
    const kinked: ImpliedVolModel = {
      // A smile whose wings rise 5 vol points per 1 % of moneyness: Durrleman's g < 0 (butterflies).
      surface: { vol: (k, _tau, s) => 0.5 + 5 * Math.abs(Math.log(k / s)) },
      readsVol: false,
      random: false,
      fill: (_g, _p, _v, _r, out) => out.fill(0.5),
    };
    const m = {
      grid: grid1,
      assets: ["ETH"],
      price: [Float64Array.of(3000, 3000, 3000)],
      iv: [new Float64Array(3)],
    };
    kinked.fill(grid1, m.price[0] as Float64Array, undefined, new Rng("k"), m.iv[0] as Float64Array);
    expect(() => checkIvSurfaces(m, [kinked], 0)).toThrow(
      /market\.assets\.ETH\.iv: the surface at ATM level 0\.5000 admits butterfly arbitrage/,
    );
    const flat = build({ kind: "constant", vol: 0.5, skew: -0.4, curvature: 1.2 });
    expect(() => checkIvSurfaces(m, [flat], 0)).not.toThrow();
  });
});
