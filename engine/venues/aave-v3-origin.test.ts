/**
 * Aave v3.3 close factor and dust rule checked on the protocol's own test cases, with the protocol's
 * numbers, so that a rule change is caught by Aave's figures rather than ours.
 *
 * Source: aave-dao/aave-v3-origin `tests/protocol/pool/Pool.Liquidations.CloseFactor.t.sol`
 * (test names cited per case). Its market is `tests/mocks/AaveV3TestListing.sol`: USDX (6 dec,
 * price 1), WETH (price 1 800), WBTC (price 27 000), each LTV 82.50 %, LT 86 %, bonus 5 %
 * (`liqBonus: 5_00`), protocol fee 10 % (`liqProtocolFee: 10_00`). The rule is
 * `src/contracts/protocol/libraries/logic/LiquidationLogic.sol` (commit e4cc47e):
 * `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000e8`, `MIN_LEFTOVER_BASE = 1000e8` (USD, 8 decimals), and
 * the collateral left is `borrowerCollateralBalance − actualCollateralToLiquidate −
 * liquidationProtocolFeeAmount` (the liquidator's part *and* the fee).
 *
 * `_borrowToBeBelowHf` borrows `totalCollateralBase·(LT + 1 bps)/desiredHf − totalBorrowsBase` with the
 * borrowed asset's oracle price mocked to 0 so the LTV gate lets it through; the same is done here.
 */
import { describe, expect, it } from "vitest";
import { LiquidationEngine } from "../liquidation/liquidation-engine.js";
import { aaveV3Kind } from "./lending-kinds.js";
import { LiqCode } from "./lending-liquidation.js";
import { build, wallet, world } from "./test-fixtures.js";

const ASSET = { ltv: 0.825, lt: 0.86, bonus: 0.05, protocolFee: 0.1, marketSupply: 1e12 };
const PRICES = [1, 1800, 27000]; // USDX, WETH, WBTC (AaveV3TestListing MockAggregator)
const [USDX, WETH] = [0, 1];

function market(supply: Readonly<Record<string, number>>) {
  const w = world(["USDX", "WETH", "WBTC"]);
  const m = build(aaveV3Kind, { assets: { USDX: ASSET, WETH: ASSET, WBTC: ASSET } }, w, "aave");
  w.prices.set(PRICES);
  const a = m.open("bob", wallet(w, "bob", supply));
  for (const [name, x] of Object.entries(supply)) m.deposit(0, a, w.ledger.asset(name), x);
  const liquidator = wallet(w, "liquidator", { USDX: 1e9, WETH: 1e6 });
  return { w, m, a, liquidator };
}

/** The protocol's `_borrowToBeBelowHf`: borrows with the borrowed asset priced at 0, then restores it. */
function borrowToBeBelowHf(x: ReturnType<typeof market>, asset: number, hf: number): number {
  const usd = (x.m.collateralValue(x.a, x.w.prices, 0) * 0.8601) / hf - x.m.debtValue(x.a, x.w.prices);
  const amount = usd / (PRICES[asset] as number);
  x.w.prices[asset] = 0;
  expect(x.m.borrow(0, x.a, asset, amount, x.w.prices)).toBe(true);
  x.w.prices[asset] = PRICES[asset] as number;
  return amount;
}

describe("Aave v3.3 close factor: Pool.Liquidations.CloseFactor.t.sol", () => {
  it("test_hf_lte_095_supply_gt_threshold_closeFactorShouldBe100: 100 WETH, HF 0.94 ⇒ all the debt", () => {
    const x = market({ WETH: 100 });
    const debt = borrowToBeBelowHf(x, USDX, 0.94);
    const o = x.m.preview(x.a, USDX, WETH, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    expect(o.code).toBe(LiqCode.done);
    expect(o.debtRepaid).toBeCloseTo(debt, 6); // 180 000·0.8601/0.94 = 164 700.0
  });
  it("test_hf_gt_095_supply_lt_threshold_closeFactorShouldBe100: 0.5 WETH (900 USD), HF 0.97 ⇒ all", () => {
    const x = market({ WETH: 0.5 });
    const debt = borrowToBeBelowHf(x, USDX, 0.97);
    const o = x.m.preview(x.a, USDX, WETH, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    expect(o.code).toBe(LiqCode.done);
    expect(o.debtRepaid).toBeCloseTo(debt, 6); // 900·0.8601/0.97 = 798.03
  });
  it("test_hf_gt_095_supply_gt_threshold_closeFactorShouldBe50: 100 WETH, HF 0.97 ⇒ 50 %", () => {
    const x = market({ WETH: 100 });
    const debt = borrowToBeBelowHf(x, USDX, 0.97);
    expect(debt).toBeCloseTo((180000 * 0.8601) / 0.97, 6);
    const o = x.m.preview(x.a, USDX, WETH, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    expect(o.code).toBe(LiqCode.done);
    expect(o.debtRepaid).toBeCloseTo(debt / 2, 6);
  });
  it("test_hf_gt_095_borrow_gt_threshold_collateral_lt_threshold_closeFactorShouldBe100", () => {
    // 1 999 USDX + 1 999 USD of WETH; debt > 2 000 USD, HF > 0.95, but the WETH reserve < 2 000 USD.
    const x = market({ USDX: 1999, WETH: 1999 / 1800 });
    borrowToBeBelowHf(x, USDX, 0.97);
    expect(x.m.debtValue(x.a, x.w.prices)).toBeGreaterThan(2000);
    expect(x.m.healthFactor(x.a, x.w.prices)).toBeGreaterThan(0.95);
    const o = x.m.preview(x.a, USDX, WETH, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    // 100 % close factor; all the WETH goes, so the debt repaid is back-solved: 1 999/1.05.
    expect(o.code).toBe(LiqCode.done);
    expect(o.seized).toBeCloseTo(1999 / 1800, 12);
    expect(o.debtRepaid).toBeCloseTo(1999 / 1.05, 6);
  });
});

describe("Aave v3.3 dust rule counts the protocol fee: Pool.Liquidations.CloseFactor.t.sol", () => {
  it("test_shouldRevertIfCloseFactorIs100ButCollateralIsBelowThreshold: 2 000 USDX + 4 WETH, repay 956 reverts", () => {
    const x = market({ USDX: 2000, WETH: 4 });
    borrowToBeBelowHf(x, USDX, 0.93);
    expect(x.m.healthFactor(x.a, x.w.prices)).toBeLessThan(0.95); // close factor 100 %
    // Seized 956·1.05 = 1 003.8 USDX, of which fee 4.78 and liquidator 999.02: the liquidator's part
    // alone would leave 1 000.98 ≥ 1 000, the liquidator's part and the fee leave 996.2 < 1 000.
    const o = x.m.preview(x.a, USDX, USDX, 2000 / 2 - 44, x.w.prices, x.liquidator);
    expect(o.code).toBe(LiqCode.dust);
    // 952 leaves 2 000 − 999.6 = 1 000.4: allowed.
    expect(x.m.preview(x.a, USDX, USDX, 952, x.w.prices, x.liquidator).code).toBe(LiqCode.done);
  });
  it("test_liquidationdataprovider_edge_range: type(uint256).max leaves debt dust; the provider's 3 200 does not", () => {
    // 8 000 USDX supplied, 4 200 USDX borrowed, then WETH to HF 0.98: the 50 % close factor (3 510.6)
    // leaves 689.4 USDX of debt; LiquidationDataProvider lowers the repayment to leave exactly 1 000.
    const x = market({ USDX: 8000 });
    expect(x.m.borrow(0, x.a, USDX, 4200, x.w.prices)).toBe(true);
    borrowToBeBelowHf(x, WETH, 0.98);
    const all = x.m.preview(x.a, USDX, USDX, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    expect(all.code).toBe(LiqCode.dust);
    const ok = x.m.preview(x.a, USDX, USDX, 3200, x.w.prices, x.liquidator);
    expect(ok.code).toBe(LiqCode.done);
  });
  it("test_liquidationdataprovider_edge_range_reverse: max leaves collateral dust; the provider's amount does not", () => {
    // 4 200 USDX + 4 000 USD of WETH, USDX borrowed to HF 0.98: the 50 % cap (3 598.4) seizes 3 778.3
    // USDX, leaving 421.7. LiquidationDataProvider._adjustAmountsForGoodLeftovers lowers the
    // liquidator's collateral by the 578.3 missing, i.e. repays (3 760.31 − 578.30)/1.05 = 3 030.49.
    const x = market({ USDX: 4200, WETH: 4000 / 1800 });
    borrowToBeBelowHf(x, USDX, 0.98);
    const all = x.m.preview(x.a, USDX, USDX, Number.POSITIVE_INFINITY, x.w.prices, x.liquidator);
    expect(all.code).toBe(LiqCode.dust);
    expect(x.m.preview(x.a, USDX, USDX, 3030.49, x.w.prices, x.liquidator).code).toBe(LiqCode.done);
    // The exact bound with the fee counted: 4 200 − 1.05·d ≥ 1 000 ⇔ d ≤ 3 047.619…
    expect(x.m.preview(x.a, USDX, USDX, 3047.6, x.w.prices, x.liquidator).code).toBe(LiqCode.done);
    expect(x.m.preview(x.a, USDX, USDX, 3047.7, x.w.prices, x.liquidator).code).toBe(LiqCode.dust);
  });
  it("a liquidator agent on the reverse edge case repays the most that leaves 1 000 USDX in all", () => {
    const x = market({ USDX: 4200, WETH: 4000 / 1800 });
    borrowToBeBelowHf(x, USDX, 0.98);
    const before = x.m.debtAt(x.a, x.m.slot(USDX));
    const engine = new LiquidationEngine(x.w.ledger, x.w.events, USDX, []);
    engine.addLending(x.m);
    engine.addLiquidator({ name: "l", latencyMs: 0, capitalQuote: 1e6, gasQuote: 1, minProfitQuote: 0 });
    expect(engine.step(0, x.w.prices)).toBe(1);
    const repaid = before - x.m.debtAt(x.a, x.m.slot(USDX));
    expect(repaid).toBeCloseTo(3200 / 1.05, 4);
    expect(x.m.supplyAt(x.a, x.m.slot(USDX))).toBeGreaterThanOrEqual(1000);
    x.w.ledger.check("aave-v3-origin edge range");
  });
});
