/**
 * Per-path result columns (one Float64Array per metric, one row per path), filled as paths finish.
 * Definitions (quote currency):
 * - pnl: trader equity at the end − at the start (equity = wallet + perp margin + unrealised perp
 *   PnL + option marks, at market prices). The end is the horizon: nothing happens after it.
 * - optionPnl: premium received + settlement cash + the mark of options still live at the end.
 * - hedgePnl: pnl − optionPnl (the hedge's trading PnL net of its costs and funding).
 * - fees, slippage, gas, funding: totals posted to the ledger under those reasons (funding > 0: paid).
 * - hedgeCost: fees + slippage + gas + funding.
 * - maxDrawdown: max over ticks of (running peak equity − equity), ≥ 0.
 * - minMargin: lowest perp account equity over ticks, at market prices (NaN when the book has no
 *   perp); the venue itself judges margin on the oracle.
 * - trades, rejected: counts of fills and of rejected orders (refused by a venue, no liquidity, or
 *   a latency that would land after the horizon).
 * - liquidations: liquidation events on the trader's venue accounts; timeToFirstLiquidation: ms
 *   from the start to the first (NaN when none).
 * - collateralLost: seized collateral at the liquidation price (lending) or the fee/penalty charged
 *   (perp, options); liquidationPenalty: the bonus or fee the trader paid (engine/sim/liquidation-metrics.ts).
 * - badDebt: debt left uncovered on the trader's accounts (written off by the venue, quote);
 *   insuranceDraw: what the venue's insurance fund paid for them.
 */
export const PATH_COLUMNS = [
  "pnl",
  "optionPnl",
  "hedgePnl",
  "hedgeCost",
  "fees",
  "slippage",
  "gas",
  "funding",
  "maxDrawdown",
  "minMargin",
  "trades",
  "rejected",
  "liquidations",
  "timeToFirstLiquidation",
  "collateralLost",
  "liquidationPenalty",
  "badDebt",
  "insuranceDraw",
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
