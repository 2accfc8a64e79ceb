/** Builders for the margin tests: ETH/USDC loans with a perp leg, under a siloed or unified rule. */
import { flatTiers } from "../venues/perp-rules.js";
import type { SystemicConfig } from "./config.js";
import { type GridKind, scenarioGrid } from "./margin-grid.js";
import type { Population } from "./population.js";
import type { MarginRule } from "./portfolio-margin.js";
import { ETH, ethLoans, type TestSetup, testConfig } from "./test-fixtures.js";

export interface MarginSetup extends TestSetup {
  readonly grid?: GridKind;
  readonly priceScan?: number;
  readonly mmFactor?: number;
  readonly contingency?: number;
  readonly mmf?: number;
  readonly fee?: number;
  readonly insurance?: number;
}

export const DEEP = { depthQuote: Number.POSITIVE_INFINITY, fee: 0, halfLifeMs: 0 };

export function marginConfig(rule: MarginRule, o: MarginSetup = {}): SystemicConfig {
  const grid = scenarioGrid(o.grid ?? "span", {
    priceScan: o.priceScan ?? 0.16,
    volUp: 0.5,
    volDown: 0.25,
    extremeMove: 2,
    extremeFraction: 0.35,
  });
  return {
    ...testConfig({ pool: DEEP, ...o }),
    margin: {
      rule,
      grid,
      mmFactor: o.mmFactor ?? 1,
      contingency: o.contingency ?? 0,
      perp: {
        tiers: [flatTiers(0.05, o.mmf ?? 0.03), null],
        liquidationFee: o.fee ?? 0.005,
        insuranceFund: o.insurance ?? 0,
      },
    },
  };
}

/**
 * Loans with a perp on ETH: [eth collateral, usdc debt, perp size (negative: short), perp margin],
 * the perp entered at `entry` (cash = margin − size·entry).
 */
export function hedgedLoans(
  rows: readonly (readonly [number, number, number, number])[],
  entry = 100,
): Population {
  const p = ethLoans(rows.map(([c, d]) => [c, d] as const));
  rows.forEach(([, , size, margin], a) => {
    if (size === 0 && margin === 0) return;
    p.perpAsset[a] = ETH;
    p.perpSize[a] = size;
    p.perpCash[a] = margin - size * entry;
  });
  return p;
}
