/**
 * Per-path result columns (one Float64Array per metric, one row per path), filled as paths finish.
 * The definition, unit and SQL type of every column is in reports/schema-paths.ts (the one place
 * the README's table is generated from); counts are stored as integers there, NaN as NULL.
 */
export const PATH_COLUMNS = [
  "pnl",
  "startEquity",
  "premium",
  "optionPnl",
  "hedgePnl",
  "hedgeCost",
  "fees",
  "slippage",
  "gas",
  "funding",
  "tradedNotional",
  "maxDrawdown",
  "minPerpEquity",
  "peakMarginUtilisation",
  "peakCapitalCommitted",
  "trades",
  "rejected",
  "liquidations",
  "firstLiquidationHours",
  "perpMarginLost",
  "perpLiquidationFees",
  "optionsLiquidationPenalty",
  "insuranceDraw",
  "collateralSeized",
  "liquidationBonus",
  "badDebt",
  "pnlDelta",
  "pnlGamma",
  "pnlTheta",
  "pnlVega",
  "pnlFunding",
  "pnlCosts",
  "pnlResidual",
  "finalPrice",
] as const;
export type PathColumn = (typeof PATH_COLUMNS)[number];

export class PathMetrics {
  readonly columns: Record<PathColumn, Float64Array>;

  constructor(readonly paths: number) {
    this.columns = Object.fromEntries(PATH_COLUMNS.map((c) => [c, new Float64Array(paths)])) as Record<
      PathColumn,
      Float64Array
    >;
  }

  set(row: number, column: PathColumn, value: number): void {
    this.columns[column][row] = value;
  }
}
