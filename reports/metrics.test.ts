/**
 * The run metrics by hand on small fixtures: hedge error, Sharpe (with Lo's SE), Sortino,
 * turnover, capital efficiency, P(liquidation) and the means given liquidation.
 */
import { describe, expect, test } from "vitest";
import { liquidationMetrics, pnlMetrics, riskMetrics } from "./metrics.js";

const f = (...x: number[]) => Float64Array.from(x);

describe("run metrics", () => {
  const c = {
    pnl: f(-2, 0, 2, 4),
    premium: f(10, 10, 10, 10),
    startEquity: f(100, 100, 100, 100),
    tradedNotional: f(50, 100, 150, 200),
    peakCapitalCommitted: f(100, 200, 100, 200),
    maxDrawdown: f(1, 2, 3, 4),
  };
  const r = riskMetrics(c, 1) as Record<string, { value: number; se?: number }>;

  test("hedge error = std(PnL) / premium", () => {
    // s of −2, 0, 2, 4 = √(20/3)
    expect(r["hedgeError"]?.value).toBeCloseTo(Math.sqrt(20 / 3) / 10, 14);
  });

  test("Sharpe = mean(r)/std(r) with SE √((1 + SR²/2)/n); Sortino on the downside deviation", () => {
    // r = −0.02, 0, 0.02, 0.04: mean 0.01, s = √(20/3)/100
    const sr = 0.01 / (Math.sqrt(20 / 3) / 100);
    expect(r["sharpe"]?.value).toBeCloseTo(sr, 12);
    expect(r["sharpe"]?.se).toBeCloseTo(Math.sqrt((1 + (sr * sr) / 2) / 4), 12);
    // downside deviation √(mean(min(r, 0)²)) = √(0.0004/4) = 0.01 ⇒ Sortino 1
    expect(r["sortino"]?.value).toBeCloseTo(1, 12);
  });

  test("turnover and capital efficiency are means of per-path ratios", () => {
    expect(r["turnover"]?.value).toBeCloseTo(1.25, 14); // (0.5 + 1 + 1.5 + 2)/4
    expect(r["capitalEfficiency"]?.value).toBeCloseTo((-0.02 + 0 + 0.02 + 0.02) / 4, 14);
    expect(r["maxDrawdown"]?.value).toBe(2.5);
  });

  test("VaR interval brackets VaR, and ES ≥ VaR", () => {
    const pnl = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 100);
    const p = pnlMetrics(pnl, [0.05], 7) as Record<string, { value: number; lower: number; upper: number }>;
    const v = p["var95"] as { value: number; lower: number; upper: number };
    expect(v.lower).toBeLessThanOrEqual(v.value);
    expect(v.upper).toBeGreaterThanOrEqual(v.value);
    expect((p["es95"] as { value: number }).value).toBeGreaterThanOrEqual(v.value);
  });

  test("P(liquidation) with its Wilson interval; figures given liquidation over liquidated paths only", () => {
    const l = liquidationMetrics({
      liquidations: f(0, 2, 0, 1),
      perpMarginLost: f(0, 900, 0, 1100),
      firstLiquidationHours: f(Number.NaN, 10, Number.NaN, 20),
      badDebt: f(0, 5, 0, 0),
    }) as {
      probability: { value: number; lower: number };
      givenLiquidation: Record<string, { value: number; se: number }>;
      badDebt: { probability: { value: number } };
    };
    expect(l.probability.value).toBe(0.5);
    expect(l.givenLiquidation["perpMarginLost"]?.value).toBe(1000);
    expect(l.givenLiquidation["perpMarginLost"]?.se).toBeCloseTo(100, 12); // s = √20000, /√2
    expect(l.givenLiquidation["firstLiquidationHours"]?.value).toBe(15);
    expect(l.badDebt.probability.value).toBe(0.25);
  });
});
