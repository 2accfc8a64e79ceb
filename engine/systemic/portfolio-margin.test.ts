/**
 * Siloed versus unified margin on accounts computed by hand. Set-up (margin-fixtures.ts): ETH at
 * 100 → one step to the price named; ETH collateral, USDC debt, LT 0.8 unless said, bonus 10 %,
 * close factor 100 %, a market of infinite depth, an ideal oracle, one liquidator that always
 * acts. Perp venue: flat MMF 3 %, liquidation fee 0.5 %, no insurance fund. Unified: SPAN, price
 * scan 16 %, extreme move 2 scan ranges at 35 % (so the largest weighted fall is 16 %).
 */
import { describe, expect, it } from "vitest";
import { Cascade } from "./cascade.js";
import { hedgedLoans, type MarginSetup, marginConfig } from "./margin-fixtures.js";
import type { MarginRule } from "./portfolio-margin.js";
import { ETH, ethPath } from "./test-fixtures.js";

type Row = readonly [number, number, number, number];

function run(rule: MarginRule, rows: readonly Row[], to: number, o: MarginSetup = {}) {
  const path = ethPath([100, to]);
  const c = new Cascade(marginConfig(rule, o), hedgedLoans(rows), path.grid);
  const out = c.run(path);
  c.state.checkBooks("end");
  return { out, pop: c.state.pop };
}

// 10 ETH collateral, 600 USDC debt, perp short 10 ETH entered at 100 with 100 margin:
// perp cash = 100 + 10·100 = 1 100. Equity across venues = 10P − 600 + 1 100 − 10P = 500 at every
// price; net ETH units 0, so the unified requirement is 0.
const HEDGED: Row = [10, 600, -10, 100];

describe("a loan hedged by a perp short", () => {
  it("at 70 the siloed rule liquidates the loan; the unified rule nets the hedge and does not", () => {
    // Siloed: HF = 10·70·0.8/600 = 0.933333 < 1: repay 600, seize 600/70·1.1 = 9.428571 ETH
    // (660.00 USDC); the perp (equity 1 100 − 700 = 400 ≥ MM 0.03·700 = 21) is left alone.
    const s = run("siloed", [HEDGED], 70);
    expect(s.out.liquidations).toBe(1);
    expect(s.out.debtRepaid).toBeCloseTo(600, 6);
    expect(s.out.collateralSeized).toBeCloseTo(660, 6);
    expect(s.pop.coll[ETH]).toBeCloseTo(10 - 9.428571, 5);
    expect(s.out.perpLiquidations).toBe(0);
    const u = run("unified", [HEDGED], 70);
    expect(u.out.liquidations + u.out.perpLiquidations).toBe(0);
    expect(u.out.collateralSeized).toBe(0);
  });

  it("at 200 the siloed perp venue closes the short with 900 of bad debt while the loan holds 1 400", () => {
    // Perp equity 1 100 − 2 000 = −900 < MM 60: closed (notional 2 000), fee min(10, max(0, −900))
    // = 0, cash −900 written off with no insurance. The loan (HF 2.67) is safe; unified: equity 500.
    const s = run("siloed", [HEDGED], 200);
    expect(s.out.perpLiquidations).toBe(1);
    expect(s.out.perpClosedNotional).toBeCloseTo(2000, 6);
    expect(s.out.perpFees).toBe(0);
    expect(s.out.perpBadDebt).toBeCloseTo(900, 6);
    expect(s.out.liquidations).toBe(0);
    const u = run("unified", [HEDGED], 200);
    expect(u.out.perpLiquidations + u.out.liquidations).toBe(0);
    expect(u.out.perpBadDebt + u.out.badDebt + u.out.shortfall).toBe(0);
  });

  it("the siloed perp pays the venue's fee out of the equity left (liquidation price 106.80)", () => {
    // Short liquidates when 1 100 − 10P < 0.03·10P ⇔ P > 1 100/10.3 = 106.796. At 107: equity 30 <
    // MM 32.10; closed notional 1 070, fee min(0.005·1 070, 30) = 5.35, cash left 24.65.
    const s = run("siloed", [HEDGED], 107);
    expect(s.out.perpClosedNotional).toBeCloseTo(1070, 6);
    expect(s.out.perpFees).toBeCloseTo(5.35, 9);
    expect(s.pop.perpCash[0]).toBeCloseTo(24.65, 9);
    expect(run("siloed", [HEDGED], 106.7).out.perpLiquidations).toBe(0);
  });
});

describe("a half-hedged loan through a crash", () => {
  // 10 ETH, debt 700 (HF 1.14 at 100), perp short 5 with 50 margin: cash 550. Unified at 100:
  // equity 1 000 − 700 + 550 − 500 = 350 ≥ 0.16·5·100 = 80.
  const rows: Row[] = [[10, 700, -5, 50]];
  it("at 50 siloed seizes everything and writes off 245.45; unified (equity 100 ≥ 40) liquidates nothing", () => {
    // Siloed: 500 of collateral < 700·1.1: all 10 ETH seized, repaying 500/1.1 = 454.545455.
    const s = run("siloed", rows, 50);
    expect(s.out.debtRepaid).toBeCloseTo(454.545455, 5);
    expect(s.out.badDebt).toBeCloseTo(245.454545, 5);
    expect(s.out.perpLiquidations).toBe(0);
    expect(s.pop.perpCash[0]).toBeCloseTo(550, 9); // perp equity 550 − 250 = 300, untouched
    const u = run("unified", rows, 50);
    expect(u.out.liquidations + u.out.perpLiquidations).toBe(0);
    expect(u.out.badDebt + u.out.shortfall).toBe(0);
  });

  it("at 20 unified cuts the perp with the loan and its cash repays 450 before 68.18 is written off", () => {
    // Siloed: repay 200/1.1 = 181.818182, write off 518.181818; the perp (equity 450) stays.
    const s = run("siloed", rows, 20);
    expect(s.out.badDebt).toBeCloseTo(518.181818, 5);
    // Unified: equity 200 − 700 + 550 − 100 = −50 < 16: all 10 ETH seized (repaying 181.818182);
    // the perp is cut by 200/200 = 100 %: 5 bought back at 20 (notional 100), cash 450 (fee capped
    // at the negative equity: 0); the collateral is gone, so the cash repays 450 and
    // 700 − 181.818182 − 450 = 68.181818 is written off.
    const u = run("unified", rows, 20);
    expect(u.out.debtRepaid).toBeCloseTo(181.818182, 5);
    expect(u.out.perpClosedNotional).toBeCloseTo(100, 9);
    expect(u.out.cashRepaid).toBeCloseTo(450, 9);
    expect(u.out.badDebt).toBeCloseTo(68.181818, 5);
    expect(u.out.perpFees + u.out.perpBadDebt).toBe(0);
    expect(u.pop.perpSize[0]).toBe(0);
  });
});

describe("an unhedged loan where the unified rule is stricter", () => {
  // 10 ETH, debt 600, LT 0.9. Siloed fails below 600/9 = 66.67; unified SPAN (16 %) when
  // 10P − 600 < 0.16·10P ⇔ P < 71.43; Deribit-PM (9 buckets to ±16 %, extended −66 % at 35 % =
  // 23.1 %, × mm_factor 0.8 = 18.48 %) when P < 600/(10·0.8152) = 73.60.
  const rows: Row[] = [[10, 600, 0, 0]];
  it("at 70 unified SPAN liquidates (equity 100 < 112) where the loan's HF is 1.05", () => {
    expect(run("siloed", rows, 70, { lt: 0.9 }).out.liquidations).toBe(0);
    const u = run("unified", rows, 70, { lt: 0.9 });
    expect(u.out.liquidations).toBe(1);
    expect(u.out.collateralSeized).toBeCloseTo(660, 6);
  });

  it("at 72 Deribit-PM liquidates (equity 120 < 133.06) and SPAN does not (120 ≥ 115.2)", () => {
    expect(run("unified", rows, 72, { lt: 0.9 }).out.liquidations).toBe(0);
    const d = run("unified", rows, 72, { lt: 0.9, grid: "deribit-pm", mmFactor: 0.8 });
    expect(d.out.liquidations).toBe(1);
    expect(run("unified", rows, 73.7, { lt: 0.9, grid: "deribit-pm", mmFactor: 0.8 }).out.liquidations).toBe(
      0,
    );
  });
});

describe("a unified liquidation under the close factor", () => {
  // 10 ETH, debt 700, perp short 2 with 50 margin (cash 250), LT 0.8, close factor 50 %. Unified
  // at P: equity 10P − 700 + 250 − 2P = 8P − 450, requirement 0.16·8P = 1.28P. At 66.9: equity
  // 85.2 < 85.632, health 0.994956 > 0.95, so half the debt: repay 350, seize 350/66.9·1.1 =
  // 5.754858 ETH, 57.54858 % of the collateral's value; the perp is cut by the same share:
  // 1.150972 bought back at 66.9 (notional 77.000), fee 0.005·77.000 = 0.385 (equity left > 0).
  it("cuts the perp by the seized share of the collateral, keeping the hedge ratio at 0.2", () => {
    const u = run("unified", [[10, 700, -2, 50]], 66.9, { closeFactor: 0.5 });
    expect(u.out.liquidations).toBe(1);
    expect(u.out.debtRepaid).toBeCloseTo(350, 9);
    expect(u.pop.coll[ETH]).toBeCloseTo(10 - 5.754858, 6);
    expect(u.pop.perpSize[0]).toBeCloseTo(-2 * (1 - 0.5754858), 6);
    expect((u.pop.perpSize[0] as number) / (u.pop.coll[ETH] as number)).toBeCloseTo(-0.2, 12);
    expect(u.out.perpClosedNotional).toBeCloseTo(2 * 0.5754858 * 66.9, 5);
    expect(u.out.perpFees).toBeCloseTo(0.005 * 2 * 0.5754858 * 66.9, 7);
    // Siloed: HF = 10·66.9·0.8/700 = 0.7646 < 0.95: the whole 700 repaid, 11.51 ETH > 10: all
    // seized; the perp (equity 250 − 133.8 = 116.2 ≥ MM 4.01) stays.
    expect(run("siloed", [[10, 700, -2, 50]], 66.9, { closeFactor: 0.5 }).out.perpLiquidations).toBe(0);
  });
});
