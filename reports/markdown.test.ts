import { describe, expect, test } from "vitest";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { renderMarkdown, reproduceCommand } from "./markdown.js";
import { buildSummary } from "./summary.js";
import type { RunResults } from "./types.js";

const oneTo100 = Float64Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);

function results(extraColumns: Record<string, number[]>): RunResults {
  return {
    manifest: {
      version: "0.1.0",
      scenarioName: "eth-short-call-hedged",
      scenarioHash: "sha256:0f3a",
      seed: 42,
      paths: 100,
      dataRange: { from: "2024-01-01T00:00:00Z", to: "2024-01-31T00:00:00Z" },
      scenarioFile: "scenarios/eth-short-call.yaml",
    },
    paths: { length: 100, columns: { pnl: oneTo100, ...extraColumns } },
  };
}

describe("renderMarkdown", () => {
  const liquidations = new Array(100).fill(0);
  const marginLost = new Array(100).fill(0);
  for (const [i, lost] of [
    [0, 900],
    [1, 1000],
    [2, 1100],
  ] as const) {
    liquidations[i] = 1;
    marginLost[i] = lost;
  }
  const full = results({
    fees: new Array(100).fill(12.5),
    gas: new Array(100).fill(0.25),
    badDebt: new Array(100).fill(0),
    liquidations,
    perpMarginLost: marginLost,
  });
  const md = renderMarkdown(buildSummary(full, [0.05, 0.5]));

  test("states the manifest: scenario, hash, seed, paths, data range", () => {
    expect(md.startsWith("# Ballast run: eth-short-call-hedged\n")).toBe(true);
    expect(md).toContain("| Scenario hash | `sha256:0f3a` |");
    expect(md).toContain("| Seed | 42 |");
    expect(md).toContain("| Paths | 100 |");
    expect(md).toContain("| Data range | 2024-01-01T00:00:00Z – 2024-01-31T00:00:00Z |");
  });

  test("gives each headline figure with its uncertainty", () => {
    // PnL = 1 000 · (1..100): mean 50 500, s = 1 000·√(100·101/12) = 29 011.49, SE = s/10;
    // Q(0.05) = 5 950 (type 7), order-statistic ranks ⌊5 − 1.96·√4.75⌋ → 1 and ⌈5 + 4.27⌉ = 10.
    expect(md).toContain("| Mean PnL | 50,500.00 | ± 2,901.15 |");
    expect(md).toContain("| PnL quantile 5 % | 5,950.00 | [1,000.00, 10,000.00] |");
    expect(md).toContain("| VaR 95 % | -5,950.00 | [-10,000.00, -1,000.00] |");
    // P(liquidation) = 3/100, Wilson 95 % [1.03 %, 8.45 %].
    expect(md).toContain("| P(liquidation) | 3.00 % | [1.03 %, 8.45 %] |");
  });

  test("has a costs table for the cost columns present and a liquidation section", () => {
    expect(md).toContain("## Costs (mean per path)");
    expect(md).toContain("| Fees | 12.50 | ± 0.00 |");
    expect(md).toContain("| Gas | 0.25 | ± 0.00 |");
    expect(md).not.toContain("| Slippage |");
    // Given liquidation: mean of 900, 1 000, 1 100 = 1 000, SE = 100/√3 = 57.74.
    expect(md).toContain("## Liquidations (mean over the 3 liquidated paths)");
    expect(md).toContain("| Perp margin lost | 1,000.00 | ± 57.74 |");
  });

  test("says how to reproduce the run", () => {
    expect(md).toContain("`ballast run scenarios/eth-short-call.yaml --seed 42 --paths 100`");
    expect(md.endsWith("\n")).toBe(true);
  });

  test("omits the costs and liquidation sections when there is nothing to show", () => {
    const bare = renderMarkdown(buildSummary(results({}), [0.5]));
    expect(bare).toContain("## Headline");
    expect(bare).not.toContain("## Costs");
    expect(bare).not.toContain("## Liquidations");
  });
});

describe("formatting", () => {
  test("numbers: thousands separators, fixed decimals, small and huge magnitudes, no -0", () => {
    expect(formatNumber(-1234567.891)).toBe("-1,234,567.89");
    expect(formatNumber(999.999)).toBe("1,000.00");
    expect(formatNumber(0)).toBe("0.00");
    expect(formatNumber(-0.0049)).toBe("-0.0049");
    expect(formatNumber(0.000123)).toBe("0.000123");
    expect(formatNumber(1.5e-9)).toBe("1.50e-9");
    expect(formatNumber(2e15)).toBe("2.000e+15");
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatNumber(1234.5678, 3)).toBe("1,234.568");
  });

  test("integers and percentages", () => {
    expect(formatInteger(1_000_000)).toBe("1,000,000");
    expect(formatInteger(-1234)).toBe("-1,234");
    expect(formatPercent(0.05)).toBe("5 %");
    expect(formatPercent(0.001)).toBe("0.1 %");
  });

  test("reproduceCommand quotes a scenario name that is not a plain word", () => {
    const m = { scenarioName: "my scenario", seed: 7, paths: 10 };
    expect(reproduceCommand(m)).toBe("ballast run 'my scenario' --seed 7 --paths 10");
  });
});
