/**
 * Invariants of the margin rules over random populations (seeded, reproducible by case index):
 * 1. conservation — the books balance and agree with the arrays (perp positions, perp cash, perp
 *    insurance included) after every grid point, under the siloed and the unified rule alike;
 * 2. determinism — the same population and path give the same outcome, field for field;
 * 3. the trigger index is sound — whenever an account fails its check at some prices, its entry
 *    is popped at those prices (margin-index.ts), with one risky asset or several.
 */
import { describe, expect, it } from "vitest";
import { streamFor } from "../rng.js";
import { flatTiers } from "../venues/perp-rules.js";
import { Cascade } from "./cascade.js";
import { hedgedLoans, marginConfig } from "./margin-fixtures.js";
import { scenarioGrid } from "./margin-grid.js";
import { MarginIndex, perpTriggers, unifiedTriggers } from "./margin-index.js";
import { allocPopulation } from "./population.js";
import { perpEquity, perpMaintenance, unifiedEquity, unifiedRequirement } from "./portfolio-margin.js";
import { ethPath } from "./test-fixtures.js";

function randomRows(i: number): [number, number, number, number][] {
  const rng = streamFor(41, i, "population");
  const n = 5 + rng.int(30);
  return Array.from({ length: n }, () => {
    const eth = 1 + 40 * rng.uniform();
    const debt = eth * 100 * (0.3 + 0.45 * rng.uniform());
    const hedge = rng.uniform() < 0.5 ? -eth * (0.3 + rng.uniform()) : 0;
    return [eth, debt, hedge, hedge === 0 ? 0 : Math.abs(hedge) * 100 * (0.02 + 0.2 * rng.uniform())];
  });
}

function runCase(i: number, rule: "siloed" | "unified") {
  const rng = streamFor(43, i, "case");
  const cfg = marginConfig(rule, {
    lt: 0.7 + 0.2 * rng.uniform(),
    closeFactor: 0.3 + 0.7 * rng.uniform(),
    pool: { depthQuote: 5e3 + 1e5 * rng.uniform(), fee: 0.003, halfLifeMs: 120_000 },
    insurance: 200 * rng.uniform(),
    grid: rng.uniform() < 0.5 ? "span" : "deribit-pm",
  });
  const prices = [100, 85, 70, 55 + 20 * rng.uniform(), 90, 130, 160, 40];
  const c = new Cascade(cfg, hedgedLoans(randomRows(i)), ethPath(prices).grid);
  const out = c.run(ethPath(prices));
  c.state.checkBooks(`case ${i} ${rule}`);
  return { ...out };
}

describe("margin rules over random populations", () => {
  it("keep the books balanced at every grid point under both rules", () => {
    const seen = { siloedPerp: 0, unifiedLoan: 0, cashRepaid: 0, perpBadDebt: 0 };
    for (let i = 0; i < 30; i++) {
      const s = runCase(i, "siloed");
      const u = runCase(i, "unified");
      seen.siloedPerp += s.perpLiquidations;
      seen.unifiedLoan += u.liquidations;
      seen.cashRepaid += u.cashRepaid;
      seen.perpBadDebt += s.perpBadDebt;
    }
    // The cases do reach every kind of posting.
    for (const v of Object.values(seen)) expect(v).toBeGreaterThan(0);
  });

  it("never liquidate a fully hedged account under the unified rule; the siloed rule does", () => {
    // Perp short = collateral units: equity across venues is the same at every price and the
    // requirement is 0, so no path can liquidate it; its loan alone falls below HF 1 in a crash.
    let siloed = 0;
    for (let i = 0; i < 10; i++) {
      const rows = randomRows(i).map(
        ([e, d]) => [e, d, -e, e * 100 * 0.1] as [number, number, number, number],
      );
      const prices = [100, 60, 30 + 10 * (i % 3), 150, 260, 20];
      for (const rule of ["siloed", "unified"] as const) {
        const c = new Cascade(marginConfig(rule), hedgedLoans(rows), ethPath(prices).grid);
        const o = c.run(ethPath(prices));
        if (rule === "siloed") siloed += o.liquidations + o.perpLiquidations;
        else expect(o.liquidations + o.perpLiquidations + o.badDebt + o.shortfall).toBe(0);
      }
    }
    expect(siloed).toBeGreaterThan(0);
  });

  it("are deterministic", () => {
    for (let i = 0; i < 5; i++) {
      for (const rule of ["siloed", "unified"] as const) expect(runCase(i, rule)).toEqual(runCase(i, rule));
    }
  });
});

describe("the margin trigger index", () => {
  const assets = ["ETH", "BTC", "USDC"];
  const p0 = Float64Array.of(100, 200, 1);
  const spec = {
    rule: "unified" as const,
    grid: scenarioGrid("span", {
      priceScan: 0.16,
      volUp: 0.5,
      volDown: 0.25,
      extremeMove: 2,
      extremeFraction: 0.35,
    }),
    mmFactor: 1,
    contingency: 0.01,
    perp: {
      tiers: [flatTiers(0.05, 0.03), flatTiers(0.05, 0.03), null],
      liquidationFee: 0,
      insuranceFund: 0,
    },
  };

  it("pops every account that fails at the prices, unified or siloed perp", () => {
    const rng = streamFor(5, 0, "index");
    const n = 200;
    const p = allocPopulation(n, assets, ["lend"]);
    for (let a = 0; a < n; a++) {
      const two = rng.uniform() < 0.5;
      p.coll[a * 3] = 10 * rng.uniform();
      if (two) p.coll[a * 3 + 1] = 5 * rng.uniform();
      p.debt[a * 3 + 2] = 1000 * rng.uniform();
      p.perpAsset[a] = two && rng.uniform() < 0.5 ? 1 : 0;
      p.perpSize[a] = (rng.uniform() - 0.6) * 12;
      p.perpCash[a] = 50 - (p.perpSize[a] as number) * 100 * (0.8 + 0.4 * rng.uniform());
    }
    const unified = new MarginIndex(n);
    const perps = new MarginIndex(n);
    for (let a = 0; a < n; a++) {
      unifiedTriggers(spec, p, a, p0, 2, unified.at);
      unified.set(a, unified.at.lo, unified.at.hi);
      perpTriggers(spec.perp, p, a, p0, perps.at);
      perps.set(a, perps.at.lo, perps.at.hi);
    }
    const out = new Int32Array(n);
    for (let t = 0; t < 100; t++) {
      const r = [0.3 + 1.4 * rng.uniform(), t % 2 === 0 ? 1 : 0.3 + 1.4 * rng.uniform(), 1];
      const price = Float64Array.of(100 * (r[0] as number), 200 * (r[1] as number), 1);
      const [lo, hi] = [Math.min(...r), Math.max(...r)];
      const popped = new Set<number>();
      const end = unified.popCrossed(lo, hi, out, 0);
      for (let x = 0; x < end; x++) popped.add(out[x] as number);
      const perpPopped = new Set<number>();
      const pend = perps.popCrossed(lo, hi, out, 0);
      for (let x = 0; x < pend; x++) perpPopped.add(out[x] as number);
      for (let a = 0; a < n; a++) {
        if (unifiedEquity(p, a, price) < unifiedRequirement(spec, p, a, price, 2))
          expect(popped.has(a)).toBe(true);
        if (perpEquity(p, a, price) < perpMaintenance(spec.perp, p, a, price))
          expect(perpPopped.has(a)).toBe(true);
      }
      // Exact for the accounts exposed to ETH alone when only ETH moves: popped iff failing.
      if (r[1] === 1)
        for (const a of popped) {
          if (p.coll[a * 3 + 1] !== 0 || p.perpAsset[a] !== 0) continue;
          // (the quote's ratio 1 is among the ratios: an account failing at P⁰ pops at every point)
          if (unifiedEquity(p, a, p0) < unifiedRequirement(spec, p, a, p0, 2)) continue;
          expect(unifiedEquity(p, a, price) < unifiedRequirement(spec, p, a, price, 2)).toBe(true);
        }
      for (const a of popped) {
        unifiedTriggers(spec, p, a, p0, 2, unified.at);
        unified.set(a, unified.at.lo, unified.at.hi);
      }
      for (const a of perpPopped) {
        perpTriggers(spec.perp, p, a, p0, perps.at);
        perps.set(a, perps.at.lo, perps.at.hi);
      }
    }
  });
});
