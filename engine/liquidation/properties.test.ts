/**
 * Property test of the liquidation engine over seeded random price paths (engine/rng.ts; fixed seed).
 * Each path: an Aave market with four borrowers, a perp venue with two traders, 1–3 liquidators with
 * random latency, capital, gas and profit threshold, collateral sold through a linear impact model;
 * interest accrues and funding settles along the way. Invariants, checked at every step:
 *  - a liquidation event at t concerns an account that was liquidatable at t's prices (no liquidation
 *    while HF ≥ 1 or equity ≥ maintenance margin), whatever the latency;
 *  - the ledger is conserved (liquidations, slippage, gas, interest, funding, insurance, bad debt);
 *  - at the end no borrower is left with debt and no collateral, no trader with a negative balance
 *    and no position.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import { Rng } from "../rng.js";
import { perpLinearKind } from "../venues/kinds.js";
import { aaveV3Kind } from "../venues/lending-kinds.js";
import { build, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.uniform();
const impact = (k: number): ImpactModel => ({
  impact: (q) => k * Math.abs(q),
  capacity: () => Number.POSITIVE_INFINITY,
  onFill: () => {},
  reset: () => {},
});

function setup(rng: Rng) {
  const w = world(["WETH", "USDC", "BTC"]);
  const m = build(
    aaveV3Kind,
    { assets: { WETH: { marketSupply: 1e12 }, USDC: { marketSupply: 1e12 } } },
    w,
    "aave",
  );
  const v = build(
    perpLinearKind,
    { insuranceFund: rng.uniform() < 0.5 ? 0 : 5e4, bankruptcy: rng.uniform() < 0.5 ? "adl" : "socialise" },
    w,
    "perp",
  );
  const btc = v.addMarket(2, impact(between(rng, 0, 0.001)));
  const user = wallet(w, "user", { WETH: 1e4, USDC: 1e8 });
  w.prices.set([between(rng, 1000, 4000), 1, between(rng, 20000, 80000)]);
  for (let k = 0; k < 4; k++) {
    const a = m.open(`a${k}`, user);
    const coll = between(rng, 1, 100);
    m.deposit(0, a, 0, coll);
    m.borrow(0, a, 1, between(rng, 0.6, 1) * coll * (w.prices[0] as number) * 0.805, w.prices);
  }
  for (let k = 0; k < 2; k++) {
    const a = v.open(`p${k}`, user);
    const size = (k === 0 ? 1 : -1) * between(rng, 0.1, 5);
    v.deposit(0, a, Math.abs(size) * (w.prices[2] as number) * between(rng, 0.06, 0.3));
    v.trade(0, a, btc, size, w.prices[2] as number, w.prices);
  }
  m.start(0);
  v.start(0);
  const engine = new LiquidationEngine(w.ledger, w.events, 1, [
    impact(between(rng, 0, 0.002)),
    undefined,
    undefined,
  ]);
  engine.addLending(m);
  engine.addVenue(v);
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    engine.addLiquidator({
      name: `l${k}`,
      latencyMs: 1000 * rng.int(60),
      capitalQuote: between(rng, 1e3, 1e6),
      gasQuote: between(rng, 0, 50),
      minProfitQuote: between(rng, 0, 100),
    });
  }
  return { w, m, v, engine };
}

describe("liquidation engine properties (60 paths × 300 steps)", () => {
  it("liquidates only liquidatable accounts and conserves the ledger", () => {
    const rng = new Rng("ballast/test/liquidation-engine-properties");
    let liquidations = 0;
    for (let path = 0; path < 60; path++) {
      const { w, m, v, engine } = setup(rng);
      const unsafe = new Set<string>();
      for (let step = 1; step <= 300; step++) {
        const t = step * 60_000;
        w.prices[0] =
          (w.prices[0] as number) * Math.exp(0.01 * rng.normal() - (rng.uniform() < 0.01 ? 0.1 : 0));
        w.prices[2] = (w.prices[2] as number) * Math.exp(0.01 * rng.normal());
        m.accrue(t);
        v.fund(t, w.prices, [0.0001 * rng.normal()]);
        unsafe.clear();
        for (let a = 0; a < m.accountCount; a++)
          if (m.isLiquidatable(a, w.prices, t)) unsafe.add(m.owners[a] as string);
        for (let a = 0; a < v.accountCount; a++)
          if (v.isLiquidatable(a, w.prices, t)) unsafe.add(v.owners[a] as string);
        const before = w.events.length;
        engine.step(t, w.prices);
        for (let e = before; e < w.events.length; e++) {
          if (w.events.type[e] !== EventType.liquidation) continue;
          liquidations++;
          expect(unsafe.has(w.events.account[e] as string)).toBe(true);
        }
        w.ledger.check(`path ${path} step ${step}`);
      }
      for (let a = 0; a < m.accountCount; a++)
        expect(m.collateralValue(a, w.prices, 0) === 0 && m.debtValue(a, w.prices) > 0).toBe(false);
      for (let a = 0; a < v.accountCount; a++)
        if (v.qty[a]?.[0] === 0) expect(v.cash(a)).toBeGreaterThanOrEqual(-1e-6);
    }
    expect(liquidations).toBeGreaterThan(50); // the paths do exercise liquidations
  });
});
