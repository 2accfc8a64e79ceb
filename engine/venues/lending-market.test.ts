/**
 * LendingMarket against REFERENCE's worked examples, through the registry's parameter path.
 * Sources: Aave v3 (aave-v3-origin GenericLogic, LiquidationLogic, ValidationLogic, MathUtils) and
 * Compound v3 (comet Comet.sol absorb/buyCollateral). Every test ends with `ledger.check`.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { MS_PER_YEAR } from "../units.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, wallet, world } from "./test-fixtures.js";

/** REFERENCE example: 10 WETH, LT 0.825, debt 14 000 USDC (LTV 0.80 so the borrow is allowed). */
function aaveExample(rule: "v3.0" | "v3.3" = "v3.3") {
  const w = world(["WETH", "USDC"]);
  const m = build(
    aaveV3Kind,
    {
      assets: {
        WETH: { ltv: 0.8, lt: 0.825, marketSupply: 1e15 },
        USDC: { marketSupply: 1e15, utilization: 0.9 },
      },
      closeFactorRule: rule,
    },
    w,
    "aave",
  );
  const user = wallet(w, "user", { WETH: 10 });
  const liq = wallet(w, "liq", { USDC: 1e6 });
  const a = m.open("user", user);
  w.prices[0] = 2000;
  w.prices[1] = 1;
  expect(m.deposit(0, a, 0, 10)).toBe(true);
  expect(m.borrow(0, a, 1, 14000, w.prices)).toBe(true);
  return { w, m, a, user, liq };
}

describe("Aave v3 market: health factor and trigger", () => {
  it("HF 1.178571 at 2 000; HF = 1 at ETH 1 696.97; the screen crosses there", () => {
    const { w, m, a } = aaveExample();
    expect(m.healthFactor(a, w.prices)).toBeCloseTo(1.178571, 6);
    expect(m.triggerRatio(a)).toBeCloseTo(1696.97, 2);
    w.prices[0] = 1697.5;
    expect(m.crossed(a, w.prices, 0)).toBe(false);
    w.prices[0] = 1696.5;
    expect(m.crossed(a, w.prices, 0)).toBe(true);
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(true);
  });
  it("ledger: the position account holds +10 WETH and −14 000 USDC", () => {
    const { w, m, a, user } = aaveExample();
    expect(w.ledger.balance(m.acct[a] as number, 0)).toBe(10);
    expect(w.ledger.balance(m.acct[a] as number, 1)).toBe(-14000);
    expect(w.ledger.balance(user, 1)).toBe(14000);
    w.ledger.check("aave open");
  });
  it("LTV gates borrows and withdrawals (LTV 0.80: at most 16 000 against 20 000)", () => {
    const { w, m, a } = aaveExample();
    expect(m.borrow(0, a, 1, 2001, w.prices)).toBe(false);
    expect(m.borrow(0, a, 1, 2000, w.prices)).toBe(true);
    expect(m.withdraw(0, a, 0, 0.01, w.prices)).toBe(false);
    expect(w.events.count(EventType.rejected)).toBe(2);
  });
});

describe("Aave v3.3 liquidation (REFERENCE worked example at ETH 1 650)", () => {
  it("repays 7 000, seizes 4.454545 WETH: 4.433333 to the liquidator, 0.021212 fee; HF 1.078393", () => {
    const { w, m, a, liq } = aaveExample();
    w.prices[0] = 1650;
    expect(m.healthFactor(a, w.prices)).toBeCloseTo(0.972321, 6);
    const o = m.liquidate(10, a, 1, 0, 1e9, w.prices, liq);
    expect(o.code).toBe(LiqCode.done);
    expect(o.debtRepaid).toBe(7000);
    expect(o.seized).toBeCloseTo(4.454545, 6);
    expect(o.fee).toBeCloseTo(0.021212, 6);
    expect(o.toLiquidator).toBeCloseTo(4.433333, 6);
    expect(o.toLiquidator * 1650).toBeCloseTo(7315.0, 2);
    expect(o.hfAfter).toBeCloseTo(1.078393, 6);
    expect(m.supplyOf(a, 0)).toBeCloseTo(5.545455, 6);
    expect(m.debtOf(a, 1)).toBeCloseTo(7000, 9);
    expect(w.ledger.balance(liq, 0)).toBeCloseTo(4.433333, 6);
    expect(w.ledger.balance(m.reserveAcct, 0)).toBeCloseTo(0.021212, 6);
    expect(w.events.count(EventType.liquidation)).toBe(1);
    w.ledger.check("aave liquidation");
  });
  it("healthy accounts are not liquidated; self-liquidation is refused", () => {
    const { w, m, a, user } = aaveExample();
    expect(m.liquidate(0, a, 1, 0, 1e9, w.prices, user).code).toBe(LiqCode.healthy);
    w.prices[0] = 1650;
    expect(m.liquidate(0, a, 1, 0, 1e9, w.prices, user).code).toBe(LiqCode.self);
  });
  it("dust rule: repaying 13 500 of 14 000 would leave 500 USD of debt ⇒ refused", () => {
    const { w, m, a, liq } = aaveExample();
    w.prices[0] = 1500; // HF 0.884 ≤ 0.95 ⇒ close factor 100 %
    expect(m.liquidate(0, a, 1, 0, 13500, w.prices, liq).code).toBe(LiqCode.dust);
    expect(m.liquidate(0, a, 1, 0, 1e9, w.prices, liq).code).toBe(LiqCode.done);
  });
});

describe("close factor through the market", () => {
  // HF = 10·P·0.825/14 000 ⇒ HF 0.95 at P = 1 612.12.
  it("v3.0: just above HF 0.95 ⇒ 50 % (7 000), just below ⇒ 100 %", () => {
    const above = aaveExample("v3.0");
    above.w.prices[0] = 1613; // HF 0.95051
    expect(above.m.preview(above.a, 1, 0, 1e9, above.w.prices, above.liq).debtRepaid).toBeCloseTo(7000, 9);
    const below = aaveExample("v3.0");
    below.w.prices[0] = 1611; // HF 0.94933: 100 %, capped by the collateral (10·1 611/1.05 = 15 342.86 > 14 000)
    expect(below.m.preview(below.a, 1, 0, 1e9, below.w.prices, below.liq).debtRepaid).toBeCloseTo(14000, 9);
  });
});

describe("bad debt (Aave v3.3 deficit)", () => {
  it("all collateral seized with debt left ⇒ the rest is burned and booked as bad debt", () => {
    const { w, m, a, liq } = aaveExample();
    w.prices[0] = 1000; // collateral 10 000 < debt 14 000
    const o = m.liquidate(5, a, 1, 0, 1e9, w.prices, liq);
    expect(o.seized).toBe(10);
    expect(o.debtRepaid).toBeCloseTo(10000 / 1.05, 6); // back-solved: 9 523.81
    expect(o.badDebtQuote).toBeCloseTo(14000 - 10000 / 1.05, 6); // 4 476.19
    expect(m.debtOf(a, 1)).toBe(0);
    expect(w.events.count(EventType.badDebt)).toBe(1);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(4476.190476, 5);
    expect(m.crossed(a, w.prices, 5)).toBe(false);
    w.ledger.check("deficit");
  });
});

describe("interest accrual", () => {
  it("one year at USDC U 90 % (r_b 3.5 %): debt × (1 + x + x²/2 + x³/6); 10 % to the reserve", () => {
    const { w, m, a } = aaveExample();
    m.start(0);
    m.accrue(MS_PER_YEAR);
    const growth = 1 + 0.035 + 0.035 ** 2 / 2 + 0.035 ** 3 / 6; // 1.0356196…
    expect(m.debtOf(a, 1)).toBeCloseTo(14000 * growth, 4);
    const interest = 14000 * (growth - 1);
    expect(w.ledger.balance(m.reserveAcct, 1)).toBeCloseTo(interest * 0.1, 4);
    // WETH supply (2023 curve at U_opt 80 %: r_b 2.8 %, r_s 2.8 %·0.8·0.85 = 1.904 %), linear index.
    expect(m.supplyOf(a, 0)).toBeCloseTo(10 * 1.01904, 9);
    expect(w.ledger.balance(m.acct[a] as number, 0)).toBeCloseTo(10.1904, 9);
    expect(w.ledger.flow(Reason.interest, 1)).toBeCloseTo(interest, 4);
    w.ledger.check("accrual");
  });
});

describe("Compound v3 market (REFERENCE absorb example)", () => {
  function compoundExample() {
    const w = world(["WETH", "USDC"]);
    const m = build(compoundV3Kind, { collaterals: { WETH: {} } }, w, "comet");
    const user = wallet(w, "user", { WETH: 10 });
    const liq = wallet(w, "liq", { USDC: 1e6 });
    const a = m.open("user", user);
    w.prices[0] = 2100; // borrowCF 0.825: up to 17 325
    w.prices[1] = 1;
    expect(m.deposit(0, a, 0, 10)).toBe(true);
    expect(m.borrow(0, a, 1, 17000, w.prices)).toBe(true);
    return { w, m, a, liq };
  }
  it("safe at 2 000, liquidatable at 1 890; absorb leaves +955 USDC with the user; storefront 1 842.75", () => {
    const { w, m, a, liq } = compoundExample();
    w.prices[0] = 2000;
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(false);
    w.prices[0] = 1890;
    expect(m.isLiquidatable(a, w.prices, 0)).toBe(true);
    const o = m.liquidate(1, a, 1, 0, 2 * 1842.75, w.prices, liq);
    expect(o.debtRepaid).toBe(17000);
    expect(m.supplyOf(a, 1)).toBeCloseTo(955, 9);
    expect(w.ledger.balance(m.acct[a] as number, 1)).toBeCloseTo(955, 9);
    expect(w.ledger.balance(m.acct[a] as number, 0)).toBe(0);
    expect(o.price).toBeCloseTo(1842.75, 9);
    expect(o.toLiquidator).toBeCloseTo(2, 12);
    expect(o.paid).toBeCloseTo(3685.5, 9);
    expect(m.inventory[0 + 1]).toBeCloseTo(8, 12);
    expect(m.reserves).toBeCloseTo(-17955 + 3685.5, 9);
    w.ledger.check("absorb");
  });
  it("a shortfall is absorbed by the reserves and recorded as bad debt", () => {
    const { w, m, a, liq } = compoundExample();
    w.prices[0] = 1500; // credit 14 250 < 17 000
    const o = m.liquidate(1, a, 1, 0, 0, w.prices, liq);
    expect(o.badDebtQuote).toBeCloseTo(2750, 9);
    expect(m.debtOf(a, 1)).toBe(0);
    expect(w.events.count(EventType.badDebt)).toBe(1);
    expect(w.ledger.flow(Reason.badDebt, 1)).toBeCloseTo(2750, 9);
    w.ledger.check("shortfall");
  });
});
