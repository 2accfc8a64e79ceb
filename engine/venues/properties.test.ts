/**
 * Property tests of the venues over seeded random cases (engine/rng.ts, fixed seeds: deterministic).
 * Invariants:
 *  P1 the per-tick screen never misses: `crossed` false ⇒ `isLiquidatable` false;
 *  P2 no liquidation while HF ≥ 1 / equity ≥ maintenance margin: nothing is posted;
 *  P3 after a liquidation the account is healthier or closed — for Aave when the liquidator covers
 *     the maximum allowed, or HF > LT·(1 + bonus); below that threshold a partial repayment lowers
 *     HF (seized value (1 + bonus)·LT per unit repaid exceeds the HF), which is why Aave lets the
 *     whole debt be repaid there (close factor 100 % below HF 0.95 ≥ LT·(1 + bonus));
 *  P4 the ledger is conserved (`ledger.check`) through liquidations, insurance draws, ADL, bad debt;
 *  P5 no account is left with debt and no collateral, or with a negative balance and no positions.
 */
import { describe, expect, it } from "vitest";
import type { ImpactModel } from "../execution/types.js";
import { Rng } from "../rng.js";
import { optionsStandardKind, perpLinearKind } from "./kinds.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, wallet, world } from "./test-fixtures.js";

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.uniform();

describe("Aave v3 properties (400 cases)", () => {
  it("P1–P5", () => {
    const rng = new Rng("ballast/test/aave-properties");
    for (let i = 0; i < 400; i++) {
      const rule = rng.uniform() < 0.5 ? "v3.0" : "v3.3";
      const w = world(["WETH", "USDC"]);
      const m = build(
        aaveV3Kind,
        { assets: { WETH: { marketSupply: 1e15 }, USDC: { marketSupply: 1e15 } }, closeFactorRule: rule },
        w,
        "aave",
      );
      const user = wallet(w, "user", { WETH: 100 });
      const liq = wallet(w, "liq", { USDC: 1e9 });
      const a = m.open("u", user);
      const coll = between(rng, 0.05, 50);
      const p0 = between(rng, 200, 5000);
      w.prices[0] = p0;
      w.prices[1] = 1;
      m.deposit(0, a, 0, coll);
      expect(m.borrow(0, a, 1, between(rng, 0.5, 1) * coll * p0 * 0.805, w.prices)).toBe(true);
      w.prices[0] = p0 * Math.exp(0.25 * rng.normal());
      const hf = m.healthFactor(a, w.prices);
      if (!m.crossed(a, w.prices, 0)) expect(m.isLiquidatable(a, w.prices, 0)).toBe(false);
      const postings = w.ledger.postings;
      const debt = m.debtOf(a, 1);
      const full = rng.uniform() < 0.5;
      const o = m.liquidate(
        1,
        a,
        1,
        0,
        full ? Number.POSITIVE_INFINITY : between(rng, 0, 2 * debt),
        w.prices,
        liq,
      );
      if (hf >= 1) {
        expect(o.code).toBe(LiqCode.healthy);
        expect(w.ledger.postings).toBe(postings);
      } else if (o.code === LiqCode.done) {
        const closed = m.debtOf(a, 1) === 0;
        if (full || hf > 0.83 * 1.05) expect(closed || o.hfAfter > hf).toBe(true);
        else if (!closed) expect(o.hfAfter).toBeLessThanOrEqual(hf * (1 + 1e-12));
      } else {
        expect(full).toBe(false); // only a partial request can be refused (dust rule)
        expect(o.code).toBe(LiqCode.dust);
      }
      expect(m.collateralValue(a, w.prices, 0) === 0 && m.debtValue(a, w.prices) > 0).toBe(false);
      w.ledger.check(`aave case ${i}`);
    }
  });
});

describe("Compound v3 properties (300 cases)", () => {
  it("absorb clears the debt, never leaves a negative balance, books exactly the shortfall", () => {
    const rng = new Rng("ballast/test/compound-properties");
    for (let i = 0; i < 300; i++) {
      const w = world(["WETH", "USDC"]);
      const m = build(
        compoundV3Kind,
        { collaterals: { WETH: { marketSupply: 1e15 } }, marketSupply: 1e15 },
        w,
        "comet",
      );
      const user = wallet(w, "user", { WETH: 100 });
      const liq = wallet(w, "liq", { USDC: 1e9 });
      const a = m.open("u", user);
      const coll = between(rng, 0.1, 50);
      const p0 = between(rng, 500, 5000);
      w.prices[0] = p0;
      w.prices[1] = 1;
      m.deposit(0, a, 0, coll);
      const debt = Math.max(100, between(rng, 0.1, 1) * coll * p0 * 0.825);
      if (!m.borrow(0, a, 1, debt, w.prices)) continue;
      w.prices[0] = p0 * Math.exp(0.4 * rng.normal());
      const liquidatable = m.isLiquidatable(a, w.prices, 0);
      if (!m.crossed(a, w.prices, 0)) expect(liquidatable).toBe(false);
      const credit = coll * (w.prices[0] as number) * 0.95;
      const o = m.liquidate(1, a, 1, 0, between(rng, 0, 2 * debt), w.prices, liq);
      if (liquidatable) {
        expect(m.debtOf(a, 1)).toBe(0);
        expect(m.supplyOf(a, 1)).toBeCloseTo(Math.max(0, credit - debt), 6);
        expect(o.badDebtQuote).toBeCloseTo(Math.max(0, debt - credit), 6);
      } else expect(o.code).toBe(LiqCode.healthy);
      w.ledger.check(`compound case ${i}`);
    }
  });
});

/** Linear impact k·|qty|, stateless. */
const impact = (k: number): ImpactModel => ({
  impact: (q) => k * Math.abs(q),
  capacity: () => Number.POSITIVE_INFINITY,
  onFill: () => {},
  reset: () => {},
});

const BTC_TIERS = {
  tierFloors: [0, 50e3, 250e3, 1e6],
  tierMmr: [0.004, 0.005, 0.01, 0.025],
  tierImf: [0.008, 0.01, 0.02, 0.05],
};

describe("perp properties (400 cases)", () => {
  it("P1–P5 with tiers, impact, insurance, ADL and socialised loss", () => {
    const rng = new Rng("ballast/test/perp-properties");
    for (let i = 0; i < 400; i++) {
      const params = {
        ...(rng.uniform() < 0.5 ? BTC_TIERS : {}),
        insuranceFund: rng.uniform() < 0.5 ? 0 : 1e4,
        bankruptcy: rng.uniform() < 0.5 ? "adl" : "socialise",
      };
      const w = world(["BTC", "USDC"]);
      const v = build(perpLinearKind, params, w, "perp");
      const mk = v.addMarket(0, impact(between(rng, 0, 0.002)));
      const user = wallet(w, "user", { USDC: 1e8 });
      const p0 = between(rng, 1000, 80000);
      w.prices[0] = p0;
      w.prices[1] = 1;
      const accounts = [v.open("a", user), v.open("b", user)];
      for (const a of accounts) {
        const size = (rng.uniform() < 0.5 ? -1 : 1) * between(rng, 0.01, 10);
        v.deposit(0, a, v.requirement(a, w.prices, 1) + Math.abs(size) * p0 * between(rng, 0.06, 0.3));
        expect(v.trade(0, a, mk, size, p0, w.prices)).toBe(true);
      }
      w.prices[0] = p0 * Math.exp(0.15 * rng.normal());
      for (const a of accounts) {
        const was = v.isLiquidatable(a, w.prices, 1);
        if (!v.crossed(a, w.prices, 1)) expect(was).toBe(false);
        const postings = w.ledger.postings;
        const done = v.liquidate(1, a, w.prices);
        expect(done).toBe(was);
        if (!was) expect(w.ledger.postings).toBe(postings);
        const open = v.qty[a]?.[mk] !== 0;
        if (done) expect(!open || !v.isLiquidatable(a, w.prices, 1)).toBe(true);
        if (!open) expect(v.cash(a)).toBeGreaterThanOrEqual(-1e-6);
      }
      w.ledger.check(`perp case ${i}`);
    }
  });
});

describe("options properties (200 cases)", () => {
  it("P1–P5: band screen, buy-back to IM or close, conservation", () => {
    const rng = new Rng("ballast/test/options-properties");
    const day = 86_400_000;
    for (let i = 0; i < 200; i++) {
      const w = world(["ETH", "USDC"]);
      const v = build(optionsStandardKind, { insuranceFund: rng.uniform() < 0.5 ? 0 : 1e4 }, w, "opt");
      const user = wallet(w, "user", { USDC: 1e8 });
      const s0 = between(rng, 500, 5000);
      w.prices[0] = s0;
      w.prices[1] = 1;
      const a = v.open("u", user);
      v.deposit(0, a, s0 * between(rng, 0.05, 1), w.prices);
      const n = 1 + rng.int(3);
      for (let k = 0; k < n; k++) {
        const ins = v.list(
          0,
          rng.uniform() < 0.5,
          s0 * between(rng, 0.6, 1.5),
          between(rng, 1, 60) * day,
          between(rng, 0.2, 1.5),
        );
        const qty = (rng.uniform() < 0.7 ? -1 : 1) * between(rng, 0.1, 3);
        v.trade(0, a, ins, qty, v.markAt(ins, 0, s0), w.prices);
      }
      w.prices[0] = s0 * Math.exp(0.3 * rng.normal());
      const t = 60_000;
      const was = v.isLiquidatable(a, w.prices, t);
      if (!v.crossed(a, w.prices, t)) expect(was).toBe(false);
      const postings = w.ledger.postings;
      expect(v.liquidate(t, a, w.prices)).toBe(was);
      if (!was) expect(w.ledger.postings).toBe(postings);
      else expect(!v.hasPositions(a) || !v.isLiquidatable(a, w.prices, t)).toBe(true);
      if (!v.hasPositions(a)) expect(v.cash(a)).toBeGreaterThanOrEqual(-1e-6);
      w.ledger.check(`options case ${i}`);
    }
  });
});
