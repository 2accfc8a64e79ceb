/**
 * Compound v3 (Comet) against its own rules (compound-finance/comet Comet.sol `isLiquidatable`,
 * `absorb`, `buyCollateral`, `quoteCollateral`; REFERENCE "Lending: Compound v3", cUSDCv3 launch
 * configuration): the REFERENCE book of 10 WETH and 17 000 USDC borrowed, with the base priced off
 * its peg where a figure must tell P_base apart from 1.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { EventType } from "../events.js";
import { compoundConfig } from "./compound-config.js";
import { absorb, canBuyCollateral, checkCompoundCollateral, newAbsorption } from "./compound-v3.js";
import { compoundV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function comet(params: Record<string, unknown> = {}, base = 1) {
  const w = world(["WETH", "USDC", "WBTC"]);
  const m = build(compoundV3Kind, { collaterals: { WETH: {}, WBTC: {} }, ...params }, w, "comet");
  const user = wallet(w, "user", { WETH: 10 });
  const liq = wallet(w, "liq", { USDC: 1e7 });
  const a = m.open("user", user);
  w.prices.set([2100, base, 60000]);
  expect(m.deposit(0, a, 0, 10)).toBe(true);
  expect(m.borrow(0, a, 1, 17000, w.prices)).toBe(true);
  return { w, m, a, liq };
}

describe("absorb and buyCollateral (pure rules)", () => {
  it("credit is Σ coll·P·LF in base units: 18 000 USD at a base of 0.9 is 20 000", () => {
    const r = absorb(1000, 18000, 0.9, newAbsorption());
    expect(r.credit).toBeCloseTo(20000, 9);
    expect(r.newBalance).toBeCloseTo(19000, 9);
  });
  it("a credit exactly equal to the debt leaves 0 and no shortfall", () => {
    const r = absorb(1800, 1800, 1, newAbsorption());
    expect(r.newBalance).toBe(0);
    expect(r.shortfall).toBe(0);
  });
  it("collateral is for sale only while reserves < target (Comet NotForSale at ≥ target)", () => {
    expect(canBuyCollateral(4.9e6, 5e6)).toBe(true);
    expect(canBuyCollateral(5e6, 5e6)).toBe(false);
    expect(canBuyCollateral(6e6, 5e6)).toBe(false);
  });
  it("borrowCF < liquidateCF ≤ 1 and 0 < LF ≤ 1, boundaries included as Comet states them", () => {
    const issues: Issue[] = [];
    checkCompoundCollateral(0.9, 1, 1, "edge", issues); // liquidateCF = 1 and LF = 1 allowed
    expect(issues).toEqual([]);
    checkCompoundCollateral(0.8, 0.8, 0.95, "eq", issues);
    checkCompoundCollateral(0.8, 1.01, 0.95, "over", issues);
    checkCompoundCollateral(0.8, 0.9, 0, "zero", issues);
    checkCompoundCollateral(0.8, 0.9, 1.01, "big", issues);
    expect(issues).toEqual([
      {
        code: "invariant",
        path: "eq.liquidateCF",
        message: "found borrowCF 0.8, liquidateCF 0.8; allowed: borrowCF < liquidateCF ≤ 1",
      },
      {
        code: "invariant",
        path: "over.liquidateCF",
        message: "found borrowCF 0.8, liquidateCF 1.01; allowed: borrowCF < liquidateCF ≤ 1",
      },
      {
        code: "invariant",
        path: "zero.liquidationFactor",
        message: "found 0; allowed: 0 < liquidationFactor ≤ 1",
      },
      {
        code: "invariant",
        path: "big.liquidationFactor",
        message: "found 1.01; allowed: 0 < liquidationFactor ≤ 1",
      },
    ]);
  });
});

describe("absorb through the market, base off its peg (P_base 0.98)", () => {
  it("a shortfall is valued at P_base, the account ends at exactly 0 and the events say so", () => {
    const { w, m, a, liq } = comet({}, 0.98);
    w.prices[0] = 1500; // credit 10·1 500·0.95 / 0.98 = 14 540.816 < 17 000
    const credit = (10 * 1500 * 0.95) / 0.98;
    const o = m.liquidate(1, a, 1, 0, 0, w.prices, liq);
    expect(o.badDebtQuote).toBeCloseTo((17000 - credit) * 0.98, 6);
    expect(w.ledger.balance(m.acct[a] as number, 1)).toBeCloseTo(0, 9);
    expect(m.debtOf(a, 1)).toBe(0);
    const [ev] = eventRows(w.events, EventType.liquidation);
    expect(ev).toMatchObject({
      account: "user",
      asset: "USDC",
      price: 1,
      venue: "comet",
      liquidator: "comet#reserve",
    });
    expect(ev?.["size"]).toBeCloseTo(-15000, 9); // all collateral seized, in USD
    expect(ev?.["collateralSeized"]).toBeCloseTo(15000, 9);
    expect(ev?.["debtRepaid"]).toBeCloseTo(17000 * 0.98, 9);
    expect(ev?.["bonus"]).toBeCloseTo(15000 * 0.05, 9); // the 1 − LF penalty
    expect(ev?.["badDebt"]).toBeCloseTo((17000 - credit) * 0.98, 6);
    expect(ev?.["detail"]).toMatch(
      /^comet compound-v3 absorb: debt 17000, credit 14540\.8\d*, left to user 0$/,
    );
    const bad = eventRows(w.events, EventType.badDebt);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ account: "user", asset: "USDC", price: 0.98, venue: "comet" });
    expect(bad[0]?.["size"]).toBeCloseTo(17000 - credit, 6);
    expect(bad[0]?.["badDebt"]).toBeCloseTo((17000 - credit) * 0.98, 6);
    expect(bad[0]?.["detail"]).toBe("comet: absorb shortfall taken by reserves");
    w.ledger.check("shortfall");
  });

  it("buyCollateral at the storefront price, paid in base at P_base", () => {
    const { w, m, a, liq } = comet({}, 0.98);
    w.prices[0] = 1850; // 10·1 850·0.895 = 16 557.5 < 17 000·0.98 = 16 660
    const price = 1850 * (1 - 0.5 * 0.05); // 1 803.75
    const o = m.preview(a, 1, 0, 1000, w.prices, liq);
    expect(o.price).toBeCloseTo(price, 9);
    expect(o.toLiquidator).toBeCloseTo((1000 * 0.98) / price, 12);
    expect(o.paid).toBeCloseTo(1000, 9);
    expect(o.bonusQuote).toBeCloseTo(((1000 * 0.98) / price) * (1850 - price), 9);
    expect(w.events.count(EventType.badDebt)).toBe(0);
  });
});

describe("buyCollateral opens only while reserves stay below target after the absorb", () => {
  // debt 17 000, credit 10·1 890·0.95 = 17 955 ⇒ reserves fall by 17 000 + 955 = 17 955.
  for (const [start, open] of [
    [5e6 + 16500, true], // ends 1 455 below target
    [5e6 + 18000, false], // ends 45 above target
  ] as const) {
    it(`reserves ${start - 5e6} above target at the start ⇒ ${open ? "open" : "closed"}`, () => {
      const { w, m, a, liq } = comet({ reserves: start });
      w.prices[0] = 1890;
      const o = m.liquidate(1, a, 1, 0, 1000, w.prices, liq);
      expect(o.toLiquidator > 0).toBe(open);
      expect(m.reserves).toBeCloseTo(start - 17955 + (open ? 1000 : 0), 6);
      expect(w.events.count(EventType.badDebt)).toBe(0);
      w.ledger.check("target");
    });
  }

  it("nothing to buy in a collateral the account never held and the protocol has none of", () => {
    const { w, m, a, liq } = comet();
    w.prices[0] = 1890;
    const o = m.preview(a, 1, 2, 1000, w.prices, liq);
    // the storefront stays shut: no price is quoted for a collateral with nothing available
    expect([o.code, o.toLiquidator, o.price, o.paid]).toEqual([LiqCode.done, 0, 0, 0]);
    expect(m.liquidate(1, a, 1, 2, 1000, w.prices, liq).code).toBe(LiqCode.done);
    const again = m.preview(a, 1, 2, 1000, w.prices, liq);
    expect([again.toLiquidator, again.price, again.paid]).toEqual([0, 0, 0]);
  });
});

describe("a collateral the market does not list", () => {
  it("seizes and sells nothing of it", () => {
    const w = world(["WETH", "USDC", "DOGE"]);
    const m = build(compoundV3Kind, { collaterals: { WETH: {} } }, w, "comet");
    const a = m.open("user", wallet(w, "user", { WETH: 10 }));
    const liq = wallet(w, "liq", { USDC: 1e7 });
    w.prices.set([2100, 1, 0.1]);
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 17000, w.prices);
    w.prices[0] = 1890;
    const o = m.preview(a, 1, 2, 1000, w.prices, liq);
    expect([o.code, o.seized, o.toLiquidator, o.paid]).toEqual([LiqCode.done, 0, 0, 0]);
  });
});

describe("compound-v3 configuration", () => {
  it("launch defaults: target 5 M, borrowMin 100, base reserve neutral and the only borrowable one", () => {
    const { m } = comet({ reserves: 123 });
    expect([m.cfg.targetReserves, m.cfg.borrowMin, m.cfg.initialReserves, m.reserves]).toEqual([
      5e6, 100, 123, 123,
    ]);
    const [base, weth] = m.cfg.reserves;
    expect(base).toMatchObject({ asset: "USDC", borrowable: true, utilization: 0.8, marketSupply: 1e9 });
    expect(base).toMatchObject({
      ltv: 0,
      lt: 0,
      bonus: 0,
      protocolFee: 0,
      liquidationFactor: 1,
      reserveFactor: 0,
    });
    expect(weth).toMatchObject({
      asset: "WETH",
      borrowable: false,
      ltv: 0.825,
      lt: 0.895,
      liquidationFactor: 0.95,
    });
  });

  it("collateral presets take the REFERENCE rows (WBTC 0.70/0.77/0.95, LINK 0.79/0.85/0.93)", () => {
    const w = world(["A", "B", "USDC"]);
    const m = build(compoundV3Kind, { collaterals: { A: { preset: "WBTC" }, B: { preset: "LINK" } } }, w);
    expect(m.cfg.reserves.slice(1).map((r) => [r.ltv, r.lt, r.liquidationFactor])).toEqual([
      [0.7, 0.77, 0.95],
      [0.79, 0.85, 0.93],
    ]);
  });

  it("rates follow the launch curves: at U = kink 0.8, borrow 1.5 % + 3.5 %·0.8, supply 3.25 %·0.8", () => {
    const c = compoundConfig({ ...defaults(), utilization: 0.9, marketSupply: 5e6 });
    const r = { borrow: 0, supply: 0 };
    c.reserves[0]?.curve.rates(0.8, r);
    expect(r.borrow).toBeCloseTo(0.015 + 0.035 * 0.8, 12);
    expect(r.supply).toBeCloseTo(0.0325 * 0.8, 12);
    c.reserves[0]?.curve.rates(0.9, r);
    expect(r.borrow).toBeCloseTo(0.015 + 0.035 * 0.8 + 0.25 * 0.1, 12);
    expect(r.supply).toBeCloseTo(0.0325 * 0.8 + 0.4 * 0.1, 12);
    expect([c.reserves[0]?.utilization, c.reserves[0]?.marketSupply]).toEqual([0.9, 5e6]);
  });

  it("a supply base rate and a collateral's market supply are taken as given", () => {
    const c = compoundConfig({
      ...defaults(),
      supplyBase: 0.01,
      collaterals: { WETH: { marketSupply: 2e6 } },
    });
    const r = { borrow: 0, supply: 0 };
    c.reserves[0]?.curve.rates(0, r);
    expect(r.supply).toBeCloseTo(0.01, 12); // at U = 0 the supply rate is its base
    expect(c.reserves[1]?.marketSupply).toBe(2e6);
  });

  it("a collateral cannot be borrowed: Compound v3 lends its base asset only", () => {
    const { w, m, a } = comet();
    expect(m.borrow(1, a, 0, 0.1, w.prices)).toBe(false);
  });

  it("refuses the base among collaterals and an unknown collateral without its factors", () => {
    const issues: Issue[] = [];
    compoundV3Kind.check?.(
      { ...defaults(), collaterals: { USDC: { preset: "WETH" }, FOO: {} } },
      "v",
      issues,
    );
    const found = issues.map((i) => [i.code, i.path]);
    expect(found.slice(0, 3)).toEqual([
      ["missing", "v.collaterals.FOO.borrowCF"],
      ["missing", "v.collaterals.FOO.liquidateCF"],
      ["missing", "v.collaterals.FOO.liquidationFactor"],
    ]);
    expect(issues.at(-1)).toEqual({
      code: "invariant",
      path: "v.collaterals",
      message: "found the base asset USDC among collaterals; allowed: other assets",
    });
  });
});

/** The kind's defaults, as a scenario without overrides resolves them. */
function defaults(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(compoundV3Kind.params).map(([k, s]) => [k, s.default]));
}
