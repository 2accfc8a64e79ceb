/**
 * Sampled time series of the first few paths (DESIGN: series.parquet): per grid point, the first
 * asset's market and oracle price, trader equity, the first asset's perp and spot position, the
 * book's Greeks on the first asset, and the trader's venue accounts (engine/sim/account-state.ts).
 * Column documentation: reports/schema-series.ts. NaN marks "no value" (stored as NULL).
 */
import type { AccountState, BookGreeks } from "./account-state.js";

export const SERIES_COLUMNS = [
  "price",
  "oracle",
  "equity",
  "perpQty",
  "spotQty",
  "delta",
  "gamma",
  "vega",
  "healthFactor",
  "marginRatio",
  "collateralValue",
  "debt",
  "marginUtilisation",
] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

export class SeriesLog {
  readonly path: number[] = [];
  readonly timeMs: number[] = [];
  readonly values = Object.fromEntries(SERIES_COLUMNS.map((c) => [c, [] as number[]])) as Record<
    SeriesColumn,
    number[]
  >;

  get length(): number {
    return this.timeMs.length;
  }

  /** One grid point; `oracle` ≤ 0 (no reading yet) is stored as unknown. */
  push(
    path: number,
    t: number,
    prices: { price: number; oracle: number; equity: number; perpQty: number; spotQty: number },
    g: BookGreeks,
    s: AccountState,
  ): void {
    this.path.push(path);
    this.timeMs.push(t);
    const v = this.values;
    v.price.push(prices.price);
    v.oracle.push(prices.oracle > 0 ? prices.oracle : Number.NaN);
    v.equity.push(prices.equity);
    v.perpQty.push(prices.perpQty);
    v.spotQty.push(prices.spotQty);
    v.delta.push(g.delta);
    v.gamma.push(g.gamma);
    v.vega.push(g.vega);
    v.healthFactor.push(s.healthFactor);
    v.marginRatio.push(s.marginRatio);
    v.collateralValue.push(s.collateralValue);
    v.debt.push(s.debt);
    v.marginUtilisation.push(s.utilisation);
  }
}
