/**
 * Aave v3 liquidation through the market with the debt priced away from 1 (10 WETH borrowed against
 * 30 000 USDC; aave-dao/aave-v3-origin LiquidationLogic.sol, REFERENCE "Lending: Aave v3"), so every
 * amount in debt units and its USD value differ. Hand-computed figures; every test ends with
 * `ledger.check`.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { aaveV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function book() {
  const w = world(["WETH", "USDC"]);
  const usdc = { ltv: 0.77, lt: 0.8, bonus: 0.05, protocolFee: 0.1, marketSupply: 1e12 };
  const m = build(aaveV3Kind, { assets: { WETH: { marketSupply: 1e9 }, USDC: usdc } }, w, "aave");
  const user = wallet(w, "user", { USDC: 30000 });
  const liq = wallet(w, "liq", { WETH: 100 });
  const a = m.open("user", user);
  w.prices.set([2000, 1]);
  expect(m.deposit(0, a, 1, 30000)).toBe(true);
  expect(m.borrow(0, a, 0, 10, w.prices)).toBe(true); // 20 000 USD, HF 30 000·0.8/20 000 = 1.2
  return { w, m, a, liq };
}

describe("Aave v3.3 partial liquidation of a WETH debt at 2 500 (HF 0.96)", () => {
  it("close factor 50 % of 25 000 USD ⇒ 5 WETH; seizes 13 125 USDC, fee 62.5; HF after 1.08", () => {
    const { w, m, a, liq } = book();
    w.prices[0] = 2500;
    const p = m.preview(a, 0, 1, 1e9, w.prices, liq);
    expect(p.code).toBe(LiqCode.done);
    expect(p.hfBefore).toBeCloseTo(0.96, 12);
    expect(p.debtRepaid).toBeCloseTo(5, 12);
    expect(p.seized).toBeCloseTo(13125, 9); // 5·2 500·1.05
    expect(p.fee).toBeCloseTo(62.5, 9); // (13 125 − 12 500)·0.1
    expect(p.toLiquidator).toBeCloseTo(13062.5, 9);
    expect(p.bonusQuote).toBeCloseTo(625, 9);
    expect(p.hfAfter).toBeCloseTo(1.08, 12); // 16 875·0.8 / 12 500
    const o = m.liquidate(7, a, 0, 1, 1e9, w.prices, liq);
    expect(o.hfAfter).toBeCloseTo(1.08, 12);
    expect(m.debtOf(a, 0)).toBeCloseTo(5, 12);
    expect(w.ledger.balance(liq, 1)).toBeCloseTo(13062.5, 9);
    expect(w.ledger.balance(m.reserveAcct, 1)).toBeCloseTo(62.5, 9);
    const [ev] = eventRows(w.events, EventType.liquidation);
    expect(ev).toMatchObject({
      t: 7,
      account: "user",
      asset: "USDC",
      price: 1,
      venue: "aave",
      liquidator: "liq",
    });
    expect(ev?.["size"]).toBeCloseTo(-13125, 9);
    expect(ev?.["debtRepaid"]).toBeCloseTo(12500, 9);
    expect(ev?.["collateralSeized"]).toBeCloseTo(13125, 9);
    expect(ev?.["bonus"]).toBeCloseTo(625, 9);
    expect(ev?.["protocolFee"]).toBeCloseTo(62.5, 9);
    expect(ev?.["healthFactorBefore"]).toBeCloseTo(0.96, 12);
    expect(ev?.["healthFactorAfter"]).toBeCloseTo(1.08, 12);
    expect(ev?.["badDebt"]).toBe(0);
    expect(ev?.["detail"]).toMatch(
      /^aave aave-v3: repaid 5(\.0*\d)? WETH, protocol fee 62\.5\d*, HF 0\.96\d* → 1\.08\d*$/,
    );
    w.ledger.check("weth debt");
  });
});

describe("deficit of a WETH debt (all collateral gone at 3 500)", () => {
  it("seizes 30 000 USDC for 30 000/3 500/1.05 WETH; burns the other 1.836735 WETH as 6 428.57 USD", () => {
    const { w, m, a, liq } = book();
    w.prices[0] = 3500;
    const repaid = 30000 / 3500 / 1.05; // 8.163265
    const o = m.liquidate(3, a, 0, 1, 1e9, w.prices, liq);
    expect(o.seized).toBe(30000);
    expect(o.debtRepaid).toBeCloseTo(repaid, 12);
    expect(o.badDebtQuote).toBeCloseTo((10 - repaid) * 3500, 6);
    expect(m.debtOf(a, 0)).toBe(0);
    const bad = eventRows(w.events, EventType.badDebt);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ t: 3, account: "user", asset: "WETH", price: 3500, venue: "aave" });
    expect(bad[0]?.["size"]).toBeCloseTo(10 - repaid, 12);
    expect(bad[0]?.["badDebt"]).toBeCloseTo((10 - repaid) * 3500, 6);
    expect(bad[0]?.["detail"]).toBe(
      "aave: debt with no collateral left written off as the reserve's deficit",
    );
    expect(eventRows(w.events, EventType.liquidation)[0]?.["badDebt"]).toBeCloseTo((10 - repaid) * 3500, 6);
    expect(w.ledger.flow(Reason.badDebt, 0)).toBeCloseTo(10 - repaid, 12);
    w.ledger.check("weth deficit");
  });

  it("asking for a collateral the account does not hold: nothing to seize (empty), nothing burned", () => {
    const { w, m, a, liq } = book();
    w.prices[0] = 3500;
    expect(m.liquidate(3, a, 0, 0, 1e9, w.prices, liq).code).toBe(LiqCode.empty);
    expect(m.debtOf(a, 0)).toBeCloseTo(10, 12);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    w.ledger.check("empty");
  });
});

describe("an empty request on an account whose collateral is worth nothing (USDC at 0)", () => {
  it("previews as empty and burns nothing; applied, burns the 10 WETH debt as 20 000 USD", () => {
    const { w, m, a, liq } = book();
    w.prices[1] = 0; // HF 0: liquidatable; asking for a USDC debt the account does not have
    const p = m.preview(a, 1, 1, 1e9, w.prices, liq);
    expect(p.code).toBe(LiqCode.empty);
    expect(m.debtOf(a, 0)).toBeCloseTo(10, 12);
    expect(w.events.count(EventType.badDebt)).toBe(0);
    const o = m.liquidate(4, a, 1, 1, 1e9, w.prices, liq);
    expect(o.code).toBe(LiqCode.empty);
    expect(o.badDebtQuote).toBeCloseTo(20000, 9);
    expect(m.debtOf(a, 0)).toBe(0);
    expect(eventRows(w.events, EventType.badDebt)).toEqual([
      expect.objectContaining({
        t: 4,
        account: "user",
        asset: "WETH",
        size: 10,
        price: 2000,
        badDebt: 20000,
      }),
    ]);
    w.ledger.check("worthless collateral");
  });
});
