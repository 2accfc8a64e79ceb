import { describe, expect, test } from "vitest";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { renderMarkdown, reproduceCommand } from "./markdown.js";
import { buildSummary } from "./summary.js";
import type { RunResults } from "./types.js";

const oneTo100 = Float64Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);

function results(extraColumns: Record<string, number[]>, metrics: Record<string, unknown> = {}): RunResults {
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
    metrics,
  };
}

describe("renderMarkdown", () => {
  const full = results(
    { fees: new Array(100).fill(12.5), gas: new Array(100).fill(0.25), badDebt: new Array(100).fill(0) },
    { liquidations: { count: 7, paths: 3 } },
  );
  const md = renderMarkdown(buildSummary(full, [0.05, 0.5]));

  test("states the manifest: scenario, hash, seed, paths, data range", () => {
    expect(md.startsWith("# Ballast run: eth-short-call-hedged\n")).toBe(true);
    expect(md).toContain("| Scenario hash | `sha256:0f3a` |");
    expect(md).toContain("| Seed | 42 |");
    expect(md).toContain("| Paths | 100 |");
    expect(md).toContain("| Data range | 2024-01-01T00:00:00Z – 2024-01-31T00:00:00Z |");
  });

  test("contains the PnL figures: mean, quantiles, VaR/ES, with separators and fixed decimals", () => {
    // PnL = 1 000 · (1..100): mean 50 500, Q(0.05) = 5 950, VaR95 = −5 950, ES95 = −3 000, Q(0.5) = 50 500.
    expect(md).toContain("| Mean | 50,500.00 |");
    expect(md).toContain("| Quantile 5 % | 5,950.00 |");
    expect(md).toContain("| Quantile 50 % | 50,500.00 |");
    expect(md).toContain("| VaR 95 % | -5,950.00 |");
    expect(md).toContain("| ES 95 % | -3,000.00 |");
    expect(md).toContain("| Max | 100,000.00 |");
  });

  test("has a costs table for the cost columns present and a liquidation section", () => {
    expect(md).toContain("## Costs");
    expect(md).toContain("| Fees | 1,250.00 | 12.50 | 12.50 |");
    expect(md).toContain("| Gas | 25.00 | 0.25 | 0.25 |");
    expect(md).not.toContain("| Slippage |");
    expect(md).toContain("## Liquidations");
    expect(md).toContain("| Bad debt | 0.00 | 0.00 | 0.00 |");
    expect(md).toContain("| count | 7 |");
  });

  test("says how to reproduce the run", () => {
    expect(md).toContain("`ballast run scenarios/eth-short-call.yaml --seed 42 --paths 100`");
    expect(md.endsWith("\n")).toBe(true);
  });

  test("omits the costs and liquidation sections when there is nothing to show", () => {
    const bare = renderMarkdown(buildSummary(results({}), [0.5]));
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
