/**
 * Lending account actions and their gates (./lending-actions.ts; Aave v3 ValidationLogic: LTV gates
 * borrows and withdrawals; Compound v3 Comet.sol: one signed base balance, borrowMin), and the
 * resolution of `aave-v3` parameters from the REFERENCE rows (Ethereum core market, 2023-10-31:
 * WETH LTV 80.5 %, LT 83 %, bonus 5 %, fee 10 %, RF 15 %, U_opt 80 %, slope1 2.8 %, slope2 80 %).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { EventType } from "../events.js";
import { aaveConfig, checkAave } from "./lending-config.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function aave(usdc: Record<string, unknown> = {}) {
  const w = world(["WETH", "USDC", "DOGE"]);
  const m = build(aaveV3Kind, { assets: { WETH: {}, USDC: { marketSupply: 1e6, ...usdc } } }, w, "aave");
  const user = wallet(w, "user", { WETH: 10, USDC: 500 });
  const a = m.open("user", user);
  w.prices.set([2000, 1, 0.1]);
  return { w, m, a, user };
}

const details = (w: ReturnType<typeof aave>["w"]) =>
  eventRows(w.events, EventType.rejected).map((r) => [r["asset"], r["size"], r["detail"]]);

describe("Aave gates, each refusal naming the asset, the amount and the rule", () => {
  it("deposits: unlisted asset, non-positive amount, more than the wallet holds", () => {
    const { w, m, a } = aave();
    expect(m.deposit(0, a, 2, 1)).toBe(false);
    expect(m.deposit(0, a, 0, 0)).toBe(false);
    expect(m.deposit(0, a, 0, 10.000001)).toBe(false);
    expect(m.deposit(0, a, 0, 10)).toBe(true);
    expect(details(w)).toEqual([
      ["DOGE", 1, "aave: deposit of an unlisted asset or a non-positive amount"],
      ["WETH", 0, "aave: deposit of an unlisted asset or a non-positive amount"],
      ["WETH", 10.000001, "aave: deposit exceeds the wallet balance"],
    ]);
    expect(eventRows(w.events, EventType.rejected)[0]?.["account"]).toBe("user");
  });

  it("borrows: up to Σ value·LTV (10 WETH at 2 000 × 0.805 = 16 100) and the pool's liquidity", () => {
    const { w, m, a } = aave({ marketSupply: 1e5, utilization: 0.8 }); // 20 000 USDC free
    m.deposit(0, a, 0, 10);
    expect(m.borrow(0, a, 1, 16100.01, w.prices)).toBe(false);
    expect(m.borrow(0, a, 1, 16100, w.prices)).toBe(true);
    expect(m.borrow(0, a, 2, 1, w.prices)).toBe(false);
    expect(m.borrow(0, a, 1, 0, w.prices)).toBe(false);
    expect(details(w)).toEqual([
      ["USDC", 16100.01, "aave: borrow would exceed LTV"],
      ["DOGE", 1, "aave: asset not borrowable"],
      ["USDC", 0, "aave: asset not borrowable"],
    ]);
    const { w: w2, m: m2, a: a2 } = aave({ marketSupply: 1e4, utilization: 0.8 }); // 2 000 free
    m2.deposit(0, a2, 0, 10);
    expect(m2.borrow(0, a2, 1, 2000.01, w2.prices)).toBe(false);
    expect(m2.borrow(0, a2, 1, 2000, w2.prices)).toBe(true);
    expect(details(w2)).toEqual([["USDC", 2000.01, "aave: borrow above the pool's liquidity"]]);
  });

  it("withdrawals: at most the supply, within the pool's liquidity, and keeping debt ≤ Σ value·LTV", () => {
    const { w, m, a } = aave();
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 8050, w.prices); // needs 5 WETH at LTV 0.805
    expect(m.withdraw(0, a, 0, 10.5, w.prices)).toBe(false);
    expect(m.withdraw(0, a, 0, 5.01, w.prices)).toBe(false);
    expect(m.withdraw(0, a, 0, 5, w.prices)).toBe(true);
    expect(m.supplyOf(a, 0)).toBeCloseTo(5, 12);
    expect(w.ledger.balance(m.wallet[a] as number, 0)).toBeCloseTo(5, 12);
    expect(details(w)).toEqual([
      ["WETH", 10.5, "aave: withdrawal above the supplied balance"],
      ["WETH", 5.01, "aave: withdrawal would exceed LTV"],
    ]);
  });

  it("a withdrawal the pool cannot pay is refused: 500 USDC supplied to a pool lent out but 100", () => {
    const { w, m, a } = aave({ marketSupply: 1000, utilization: 0.9 }); // 100 free
    expect(m.deposit(0, a, 1, 500)).toBe(true); // 600 free
    const b = m.open("b", wallet(w, "b", { WETH: 100 }));
    m.deposit(0, b, 0, 100);
    expect(m.borrow(0, b, 1, 550, w.prices)).toBe(true); // 50 free
    expect(m.withdraw(0, a, 1, 60, w.prices)).toBe(false);
    expect(m.withdraw(0, a, 1, 50, w.prices)).toBe(true);
    expect(details(w)).toEqual([["USDC", 60, "aave: withdrawal above the pool's liquidity"]]);
  });

  it("repayments: capped at the debt, refused beyond the wallet", () => {
    const { w, m, a } = aave();
    m.deposit(0, a, 0, 10);
    m.borrow(0, a, 1, 1000, w.prices); // wallet now 1 500 USDC
    expect(m.repay(0, a, 1, 2000)).toBeCloseTo(1000, 9);
    expect(m.debtOf(a, 1)).toBe(0);
    expect(m.repay(0, a, 1, 10)).toBe(0);
    m.borrow(0, a, 1, 3000, w.prices);
    w.ledger.transfer(m.wallet[a] as number, w.bank, 1, 4000, 0);
    expect(m.repay(0, a, 1, 3000)).toBe(0); // 500 in the wallet
    expect(details(w)).toEqual([["USDC", 3000, "aave: repayment exceeds the wallet balance"]]);
    w.ledger.check("repay");
  });

  it("an external wallet (the world outside) is never short", () => {
    const { w, m } = aave();
    const b = m.open("whale", w.bank);
    expect(m.deposit(0, b, 0, 1e6)).toBe(true);
  });
});

describe("Compound: one signed base balance", () => {
  function comet() {
    const w = world(["ETH", "USDC"]);
    const m = build(compoundV3Kind, {}, w, "comet");
    const user = wallet(w, "user", { ETH: 10, USDC: 5000 });
    const a = m.open("user", user);
    w.prices.set([2000, 1]);
    m.deposit(0, a, 0, 10);
    return { w, m, a };
  }
  it("a base deposit repays the debt first, the rest becomes supply", () => {
    const { w, m, a } = comet();
    expect(m.borrow(0, a, 1, 1000, w.prices)).toBe(true);
    expect(m.deposit(0, a, 1, 1500)).toBe(true);
    expect(m.debtOf(a, 1)).toBe(0);
    expect(m.supplyOf(a, 1)).toBeCloseTo(500, 9);
    w.ledger.check("deposit repays");
  });
  it("a base borrow withdraws the supply first, then borrows the rest", () => {
    const { w, m, a } = comet();
    m.deposit(0, a, 1, 300);
    expect(m.borrow(0, a, 1, 500, w.prices)).toBe(true);
    expect(m.supplyOf(a, 1)).toBe(0);
    expect(m.debtOf(a, 1)).toBeCloseTo(200, 9);
    expect(m.borrow(0, a, 1, 0.5, w.prices)).toBe(true); // 200.5 ≥ borrowMin
    w.ledger.check("borrow withdraws");
  });
  it("a debt below borrowMin (100 USDC) is refused", () => {
    const { w, m, a } = comet();
    expect(m.borrow(0, a, 1, 99.99, w.prices)).toBe(false);
    expect(m.borrow(0, a, 1, 100, w.prices)).toBe(true);
    expect(details(w as never)).toEqual([["USDC", 99.99, "comet: debt below borrowMin"]]);
  });
});

describe("aave-v3 parameters", () => {
  it("resolves the REFERENCE WETH row, a user's override and the market-wide defaults", () => {
    const c = aaveConfig({ assets: { ETH: {}, USDC: { ltv: 0.5, borrowable: false } } });
    expect(c).toMatchObject({
      rules: "aave-v3",
      closeFactorRule: "v3.3",
      closeFactorThresholdUsd: 2000,
      minLeftoverUsd: 1000,
    });
    expect(c.reserves[0]).toMatchObject({
      asset: "ETH",
      ltv: 0.805,
      lt: 0.83,
      bonus: 0.05,
      protocolFee: 0.1,
      reserveFactor: 0.15,
      liquidationFactor: 1,
      borrowable: true,
      utilization: 0.8,
      marketSupply: 1e9,
    });
    const r = { borrow: 0, supply: 0 };
    c.reserves[0]?.curve.rates(0.9, r); // above U_opt: 2.8 % + 80 %·(0.9 − 0.8)/0.2
    expect(r.borrow).toBeCloseTo(0.028 + 0.8 * 0.5, 12);
    expect(r.supply).toBeCloseTo((0.028 + 0.4) * 0.9 * 0.85, 12);
    expect(c.reserves[1]).toMatchObject({ asset: "USDC", ltv: 0.5, borrowable: false });
    const v30 = aaveConfig({
      assets: {},
      closeFactorRule: "v3.0",
      closeFactorThresholdUsd: 5,
      minLeftoverUsd: 7,
    });
    expect([v30.closeFactorRule, v30.closeFactorThresholdUsd, v30.minLeftoverUsd]).toEqual(["v3.0", 5, 7]);
  });
  it("an asset without a REFERENCE row must give LTV, LT and bonus; the rows are checked", () => {
    const issues: Issue[] = [];
    checkAave({ assets: { DOGE: { ltv: 0.5 }, WETH: { ltv: 0.9 } } }, "lend", issues);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["missing", "lend.assets.DOGE.lt"],
      ["missing", "lend.assets.DOGE.bonus"],
      ["invariant", "lend.assets.DOGE.ltv"],
      ["invariant", "lend.assets.WETH.ltv"],
    ]);
  });
});
