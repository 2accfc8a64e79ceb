/**
 * LendingMarket bookkeeping at its edges (Aave v3 rules; REFERENCE "Lending: Aave v3", 2023-10-31
 * rows: WETH LT 83 %, USDC U_opt 90 %, slope1 3.5 %, slope2 60 %, RF 10 %): assets the market does
 * not list, its own accounts, the accrual clock, balances and rates once indexes have grown, the
 * per-account screen, rounding residues, pool liquidity, which liquidation requests are empty, and
 * a liquidation seizing a collateral priced ≠ 1 (WETH at 1 800 for a USDC debt).
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { MS_PER_DAY, MS_PER_YEAR } from "../units.js";
import { aaveV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function market(extra: Record<string, unknown> = {}) {
  const w = world(["WETH", "USDC", "DOGE", "JUNK"]);
  const assets = {
    WETH: {},
    USDC: { marketSupply: 1e6, utilization: 0.9 },
    JUNK: { ltv: 0, lt: 0, bonus: 0.05 },
  };
  const m = build(aaveV3Kind, { assets, ...extra }, w, "aave");
  const user = wallet(w, "user", { WETH: 10, USDC: 1e5, DOGE: 5, JUNK: 1000 });
  const a = m.open("user", user);
  w.prices.set([2000, 1, 0.1, 1]);
  return { w, m, a, user };
}

describe("assets the market does not list", () => {
  it("hold nothing and owe nothing, whatever the index asked", () => {
    const { m, a } = market();
    expect(m.deposit(0, a, 1, 500)).toBe(true);
    for (const asset of [-1, 2, 4, 99]) {
      expect(m.supplyOf(a, asset)).toBe(0);
      expect(m.debtOf(a, asset)).toBe(0);
      expect(m.slot(asset)).toBe(-1);
    }
  });
  it("liquidating a missing account is an internal error naming it", () => {
    const { w, m } = market();
    expect(() => m.liquidate(0, 5, 1, 0, 1, w.prices, 0)).toThrow("aave: no account 5");
    expect(() => m.liquidate(0, -1, 1, 0, 1, w.prices, 0)).toThrow("aave: no account -1");
    expect(() => m.liquidate(0, 1, 1, 0, 1, w.prices, 0)).toThrow("aave: no account 1");
  });
  it("names its accounts: the pool and the reserve are outside the simulation", () => {
    const { w, m } = market();
    expect(w.ledger.accounts[m.marketAcct]).toEqual({ name: "aave#market", external: true });
    expect(w.ledger.accounts[m.reserveAcct]).toEqual({ name: "aave#reserve", external: true });
  });
});

describe("rates and indexes", () => {
  it("rates are set at the start from each pool's utilisation: USDC at U 90 % borrows at 3.5 %", () => {
    const { m } = market();
    expect(m.rate[1]?.borrow).toBeCloseTo(0.035, 12);
    expect(m.rate[1]?.supply).toBeCloseTo(0.035 * 0.9 * 0.9, 12);
  });
  it("a borrow moves the pool's utilisation and its rate: 90 % + 5 000/1 M ⇒ 90.5 % ⇒ 3.5 % + 60 %·0.05", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 10);
    expect(m.borrow(0, a, 1, 5000, w.prices)).toBe(true);
    expect(m.rate[1]?.borrow).toBeCloseTo(0.035 + (0.6 * (0.905 - 0.9)) / 0.1, 12);
    m.repay(0, a, 1, 5000);
    expect(m.rate[1]?.borrow).toBeCloseTo(0.035, 12);
  });
  it("after a year the clock started at day 1 has grown the indexes: deposits and repayments are exact", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 1000, w.prices);
    const t0 = MS_PER_DAY;
    m.accrue(t0); // first call: starts the clock, accrues nothing
    expect(m.debtOf(a, 1)).toBe(1000);
    m.accrue(t0 + MS_PER_YEAR);
    const rb = 0.035 + (0.6 * (0.901 - 0.9)) / 0.1; // U 90.1 % after the borrow
    const g = 1 + rb + rb ** 2 / 2 + rb ** 3 / 6;
    expect(m.debtOf(a, 1)).toBeCloseTo(1000 * g, 9);
    m.accrue(t0); // a time in the past changes nothing
    m.accrue(t0 + MS_PER_YEAR);
    expect(m.debtOf(a, 1)).toBeCloseTo(1000 * g, 9);
    // utilisation now counts the grown indexes: the pool's debt and supply at their indexes
    const u = (0.901e6 * m.borrowIndex[1]!) / (1e6 * m.supplyIndex[1]!);
    expect(m.rate[1]?.borrow).toBeCloseTo(0.035 + (0.6 * (u - 0.9)) / 0.1, 12);
    m.deposit(0, a, 1, 100);
    expect(m.supplyOf(a, 1)).toBeCloseTo(100, 9);
    expect(m.repay(0, a, 1, 1e9)).toBeCloseTo(1000 * g, 9);
    expect(m.debtOf(a, 1)).toBe(0);
    w.ledger.check("indexes");
  });
});

describe("the screen", () => {
  it("one collateral and one debt: a price trigger at HF 1, kept after accrual even when others borrow", () => {
    const { w, m, a, user } = market();
    m.deposit(0, a, 0, 10);
    m.deposit(0, a, 3, 1000); // LT 0: not collateral, not a second pair
    m.borrow(0, a, 1, 8000, w.prices);
    expect(m.triggerRatio(a)).toBeCloseTo(8000 / (10 * 0.83), 9);
    const b = m.open("b", user);
    m.deposit(0, b, 1, 50000);
    m.borrow(0, b, 0, 1, w.prices); // b owes WETH, reserve 0
    m.accrue(0);
    m.accrue(MS_PER_DAY);
    expect(Number.isFinite(m.triggerRatio(a))).toBe(true);
    expect(m.triggerRatio(a)).toBeCloseTo(m.debtOf(a, 1) / (m.supplyOf(a, 0) * 0.83), 9);
  });
  it("no debt: no trigger; two collaterals: the full test", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 10);
    expect(Number.isNaN(m.triggerRatio(a))).toBe(true);
    expect(m.crossed(a, w.prices)).toBe(false);
    m.deposit(0, a, 1, 1000);
    m.borrow(0, a, 1, 100, w.prices);
    expect(Number.isNaN(m.triggerRatio(a))).toBe(true);
    expect(m.crossed(a, w.prices)).toBe(true);
  });
  it("one collateral and two debts (USDC and WETH): the full test, not one debt's trigger", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 1000, w.prices);
    m.borrow(0, a, 0, 1, w.prices);
    expect(Number.isNaN(m.triggerRatio(a))).toBe(true);
    expect(m.crossed(a, w.prices)).toBe(true);
  });
});

describe("balances", () => {
  it("9.9 WETH withdrawn as three 3.3: the 8.9e-16 rounding residue is cleared to 0", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 9.9);
    for (let k = 0; k < 3; k++) expect(m.withdraw(0, a, 0, 3.3, w.prices)).toBe(true);
    expect(m.supplyOf(a, 0)).toBe(0);
  });
  it("a borrow once the index has grown owes what was borrowed", () => {
    const { w, m, a } = market();
    m.deposit(0, a, 0, 10);
    m.accrue(0);
    m.accrue(MS_PER_YEAR);
    expect(m.borrowIndex[1]).toBeGreaterThan(1.03); // USDC borrows at ≥ 3.5 %
    expect(m.borrow(MS_PER_YEAR, a, 1, 1000, w.prices)).toBe(true);
    expect(m.debtOf(a, 1)).toBeCloseTo(1000, 9);
  });
  it("pool liquidity: USDC's 1 M supplied at U 90 % leaves 100 000, then 95 000 after a 5 000 borrow", () => {
    const { w, m, a } = market();
    expect(m.available(1)).toBeCloseTo(1e5, 6);
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 5000, w.prices);
    expect(m.available(1)).toBeCloseTo(95000, 6);
  });
});

describe("empty liquidation requests", () => {
  function underwater(extra: Record<string, unknown> = {}) {
    const s = market(extra);
    const liq = wallet(s.w, "liq", { USDC: 1e6, WETH: 100 });
    s.m.open("first", s.user); // the account under test is not account 0
    const b = s.m.open("b", s.user);
    s.m.deposit(0, b, 0, 10);
    s.m.deposit(0, b, 3, 1000);
    s.m.borrow(0, b, 1, 16000, s.w.prices);
    s.w.prices[0] = 1800; // HF 10·1 800·0.83/16 000 = 0.93
    return { ...s, b, liq };
  }
  it("a debt it does not owe, a collateral it lacks, one the market does not list or with LT 0", () => {
    const { w, m, b, liq } = underwater();
    for (const [debt, coll] of [
      [0, 0],
      [2, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]) {
      expect(m.preview(b, debt as number, coll as number, 1e9, w.prices, liq).code).toBe(LiqCode.empty);
    }
    expect(m.liquidate(1, b, 1, 3, 1e9, w.prices, liq).code).toBe(LiqCode.empty);
    expect(m.debtOf(b, 1)).toBe(16000);
    expect(w.events.count(EventType.badDebt)).toBe(0);
  });
  it("the dust rule is v3.3's: under v3.0 a repayment leaving 500 USD of debt goes through", () => {
    const v33 = underwater();
    expect(v33.m.preview(v33.b, 1, 0, 15500, v33.w.prices, v33.liq).code).toBe(LiqCode.dust);
    const v30 = underwater({ closeFactorRule: "v3.0" });
    expect(v30.m.preview(v30.b, 1, 0, 15500, v30.w.prices, v30.liq).code).toBe(LiqCode.done);
  });
  for (const grown of [false, true]) {
    it(`the treasury's fee stays supplied${grown ? " at a grown index" : ""}: the pool loses only the liquidator's part`, () => {
      const { w, m, b, liq } = underwater();
      const t = grown ? MS_PER_YEAR : 1;
      if (grown) {
        m.accrue(0);
        m.accrue(t);
        expect(m.supplyIndex[0]).toBeGreaterThan(1.005);
      }
      const before = m.poolSupply[0]! * m.supplyIndex[0]!;
      const o = m.liquidate(t, b, 1, 0, 1e9, w.prices, liq);
      expect(o.fee).toBeGreaterThan(0);
      // a pool of 1e9 WETH: the check is to 1e-5 of a unit
      expect(m.poolSupply[0]! * m.supplyIndex[0]!).toBeCloseTo(before - o.toLiquidator, 5);
    });
  }
  it("8 000 USDC repaid for WETH at 1 800: seizes 4.6667 WETH (8 400 USD), bonus 400, fee 40 USD, HF 0.996", () => {
    const { w, m, b, liq } = underwater();
    const hfAfter = (10 * 1800 * 0.83 - 8400 * 0.83) / 8000;
    expect(m.preview(b, 1, 0, 8000, w.prices, liq).hfAfter).toBeCloseTo(hfAfter, 12);
    const o = m.liquidate(1, b, 1, 0, 8000, w.prices, liq);
    expect(o.code).toBe(LiqCode.done);
    expect(o.seized).toBeCloseTo((8000 / 1800) * 1.05, 12);
    expect(o.bonusQuote).toBeCloseTo(400, 9); // 8 400 − 8 000
    expect(o.hfAfter).toBeCloseTo(hfAfter, 12);
    const [ev] = eventRows(w.events, EventType.liquidation);
    expect(ev?.["collateralSeized"]).toBeCloseTo(8400, 9);
    expect(ev?.["protocolFee"]).toBeCloseTo((8400 - 8000) * 0.1, 9); // 10 % of the bonus
    expect(ev?.["debtRepaid"]).toBeCloseTo(8000, 9);
    w.ledger.check("weth collateral");
  });
});
