/**
 * Sampled time series of the first few paths (DESIGN: series.parquet): per grid point, the first
 * asset's market and oracle price, trader equity, the first asset's perp and spot position, the
 * book's Greeks on the first asset, its ATM implied vol, and the trader's venue accounts (engine/sim/account-state.ts),
 * aggregated (series.parquet) and one row per venue account (accounts.parquet, `accounts` here).
 * Column documentation: reports/schema-series.ts, reports/schema-accounts.ts. NaN marks "no value"
 * (stored as NULL).
 */
import type { AccountState, BookGreeks } from "./account-state.js";

/** Per venue account columns of `accounts.parquet` (what `AccountRows` holds, named as stored). */
export const ACCOUNT_SERIES_COLUMNS = [
  "healthFactor",
  "marginRatio",
  "collateralValue",
  "debt",
  "marginUtilisation",
] as const;
export const SERIES_COLUMNS = [
  "price",
  "oracle",
  "equity",
  "perpQty",
  "spotQty",
  "delta",
  "gamma",
  "vega",
  "vanna",
  "volga",
  "iv",
  ...ACCOUNT_SERIES_COLUMNS,
] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

export type AccountSeriesColumn = (typeof ACCOUNT_SERIES_COLUMNS)[number];

/** The rows of `accounts.parquet`: one per sampled path, grid point and trader venue account. */
export interface AccountLog {
  readonly path: number[];
  readonly timeMs: number[];
  readonly venue: string[];
  readonly values: Record<AccountSeriesColumn, number[]>;
}

export class SeriesLog {
  readonly path: number[] = [];
  readonly timeMs: number[] = [];
  readonly values = Object.fromEntries(SERIES_COLUMNS.map((c) => [c, [] as number[]])) as Record<
    SeriesColumn,
    number[]
  >;
  readonly accounts: AccountLog = {
    path: [],
    timeMs: [],
    venue: [],
    values: Object.fromEntries(ACCOUNT_SERIES_COLUMNS.map((c) => [c, [] as number[]])) as Record<
      AccountSeriesColumn,
      number[]
    >,
  };

  get length(): number {
    return this.timeMs.length;
  }

  /** One grid point; `oracle` ≤ 0 (no reading yet) is stored as unknown. */
  push(
    path: number,
    t: number,
    prices: { price: number; oracle: number; equity: number; perpQty: number; spotQty: number; iv: number },
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
    v.vanna.push(g.vanna);
    v.volga.push(g.volga);
    v.iv.push(prices.iv);
    v.healthFactor.push(s.healthFactor);
    v.marginRatio.push(s.marginRatio);
    v.collateralValue.push(s.collateralValue);
    v.debt.push(s.debt);
    v.marginUtilisation.push(s.utilisation);
    this.pushAccounts(path, t, s);
  }

  /** One row per venue account of `s`. */
  private pushAccounts(path: number, t: number, s: AccountState): void {
    const a = this.accounts;
    const e = s.each;
    const v = a.values;
    for (let k = 0; k < s.accounts; k++) {
      a.path.push(path);
      a.timeMs.push(t);
      a.venue.push(e.venue[k] as string);
      v.healthFactor.push(e.healthFactor[k] as number);
      v.marginRatio.push(e.marginRatio[k] as number);
      v.collateralValue.push(e.collateralValue[k] as number);
      v.debt.push(e.debt[k] as number);
      v.marginUtilisation.push(e.utilisation[k] as number);
    }
  }
}
