/**
 * A cascade computed by hand. Pool: 100 000 USDC against ETH at 100 (x₀ = 1 000 ETH, k = 1e8, no
 * fee, no recovery); LT 0.8, bonus 10 %, close factor 100 %, no protocol fee, no gas, an ideal
 * oracle, one liquidator that acts at any profit. ETH falls 100 → 64 in one step; arbitrage moves
 * the pool along x·y = k to x = √(1e8/64) = 1 250, y = 80 000.
 *
 * Keys (HF at 100): A1 10 ETH / 550 = 1.4545, A2 200 ETH / 10 200 = 1.5686, A3 5 ETH / 250 = 1.6.
 * At 64 only A1 is liquidatable: HF = 10·64·0.8/550 = 0.930909.
 *  A1: repay 550, seize 550/64·1.1 = 9.453125 ETH; sold: Δy = 80 000·9.453125/(1 250 + 9.453125)
 *      = 600.459029; pool 1 259.453125 ETH / 79 399.540971 ⇒ P₁ = 63.042871.
 *  A2: HF = 200·63.042871·0.8/10 200 = 0.988908 < 1: repay 10 200, seize 10 200/63.042871·1.1
 *      = 177.974128 ETH; Δy = 79 399.540971·177.974128/(1 259.453125 + 177.974128) = 9 830.802939
 *      (a loss of 369.197061 to the liquidator); pool 1 437.427253 / 69 568.738032 ⇒ P₂ = 48.398093.
 *  A3: HF = 5·48.398093·0.8/250 = 0.774369; 250/48.398093·1.1 = 5.682 > 5 ETH, so seize all 5 and
 *      repay 5·48.398093/1.1 = 219.991332; bad debt 250 − 219.991332 = 30.008668;
 *      Δy = 69 568.738032·5/(1 437.427253 + 5) = 241.151635 ⇒ P₃ = 48.063142.
 * Amplification: (1 − 48.063142/100) / (1 − 64/100) = 1.442690.
 */
import { describe, expect, it } from "vitest";
import { Cascade } from "./cascade.js";
import { amplification } from "./outcome.js";
import { EAGER, ETH, ethLoans, ethPath, testConfig, USDC } from "./test-fixtures.js";

const ACCOUNTS = [
  [10, 550],
  [200, 10_200],
  [5, 250],
] as const;

describe("a hand-computed three-account cascade", () => {
  it("liquidates A1, then A2, then A3 with bad debt, matching the hand figures to the cent", () => {
    const c = new Cascade(testConfig(), ethLoans(ACCOUNTS), ethPath([100, 64]).grid);
    const o = c.run(ethPath([100, 64]));
    expect(o.liquidations).toBe(3);
    expect(o.accountsLiquidated).toBe(3);
    expect(o.debtRepaid).toBeCloseTo(550 + 10_200 + 219.991332, 2);
    expect(o.badDebt).toBeCloseTo(30.008668, 2);
    expect(o.badDebtByDebtAsset[USDC]).toBeCloseTo(30.008668, 2);
    expect(o.soldUnits[ETH]).toBeCloseTo(9.453125 + 177.974128 + 5, 6);
    expect(o.proceeds[ETH]).toBeCloseTo(600.459029 + 9_830.802939 + 241.151635, 2);
    expect(o.liquidatorProfit).toBeCloseTo(50.459029 - 369.197061 + 21.160303, 2);
    expect((o.marketLow[ETH] as number) * 100).toBeCloseTo(48.063142, 4);
    expect(amplification(o, ETH)).toBeCloseTo((1 - 0.48063142) / 0.36, 5);
    expect(o.shortfall).toBe(0);
    expect(c.state.oracle.price[ETH]).toBeCloseTo(48.063142, 4);
  });

  it("skips A2 when the liquidator wants a profit: the sale into the thin pool would lose 369", () => {
    const careful = { ...EAGER, minProfit: 0 };
    const c = new Cascade(
      testConfig({ liquidators: [careful] }),
      ethLoans(ACCOUNTS),
      ethPath([100, 64]).grid,
    );
    const o = c.run(ethPath([100, 64]));
    // A1 is liquidated (profit 50.46); A2 is skipped; A3 at 63.042871 has HF 1.0086 and is safe.
    expect(o.liquidations).toBe(1);
    expect(o.skipped).toBe(1);
    expect(o.badDebt).toBe(0);
    expect(o.shortfall).toBe(0);
    expect((o.marketLow[ETH] as number) * 100).toBeCloseTo(63.042871, 4);
  });

  it("with a pool of infinite depth the shock is not amplified and no bad debt appears", () => {
    const deep = { depthQuote: Number.POSITIVE_INFINITY, fee: 0, halfLifeMs: 0 };
    const o = new Cascade(testConfig({ pool: deep }), ethLoans(ACCOUNTS), ethPath([100, 64]).grid).run(
      ethPath([100, 64]),
    );
    // Only A1 (HF 0.93 at 64) is liquidated; A2 and A3 stay safe at 64.
    expect(o.liquidations).toBe(1);
    expect(amplification(o, ETH)).toBe(1);
    expect(o.badDebt).toBe(0);
  });
});
