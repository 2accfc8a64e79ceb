/**
 * Sampled time series of the first few paths (DESIGN: series.parquet): per grid point, the first
 * asset's market and oracle price, trader equity, and the first asset's perp and spot position.
 */
export const SERIES_COLUMNS = ["price", "oracle", "equity", "perpQty", "spotQty"] as const;

export class SeriesLog {
  readonly path: number[] = [];
  readonly timeMs: number[] = [];
  readonly values: Record<(typeof SERIES_COLUMNS)[number], number[]> = {
    price: [],
    oracle: [],
    equity: [],
    perpQty: [],
    spotQty: [],
  };

  get length(): number {
    return this.timeMs.length;
  }

  push(
    path: number,
    t: number,
    price: number,
    oracle: number,
    equity: number,
    perpQty: number,
    spotQty: number,
  ): void {
    this.path.push(path);
    this.timeMs.push(t);
    const v = this.values;
    v.price.push(price);
    v.oracle.push(oracle);
    v.equity.push(equity);
    v.perpQty.push(perpQty);
    v.spotQty.push(spotQty);
  }
}
