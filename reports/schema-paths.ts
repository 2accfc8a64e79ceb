/**
 * `paths.parquet`: one row per path. Amounts in the quote currency. Equity = wallet + venue
 * accounts (perp margin + unrealised PnL, lending collateral − debt, options accounts) + option
 * marks, at market prices; the end of a path is the horizon.
 */
import type { ColumnDoc } from "./schema.js";

const q = "quote";

export const PATH_COLUMN_DOCS: readonly ColumnDoc[] = [
  { name: "path", type: "INTEGER", doc: "path index (0-based)" },
  { name: "pnl", type: "DOUBLE", unit: q, doc: "equity at the horizon − equity at the start" },
  { name: "startEquity", type: "DOUBLE", unit: q, doc: "equity right after the book opened" },
  {
    name: "premium",
    type: "DOUBLE",
    unit: q,
    doc: "|Σ qty × mark| of the trader's options right after the book opened (0 without options)",
  },
  {
    name: "optionPnl",
    type: "DOUBLE",
    unit: q,
    doc: "premium received + settlement cash + the mark of options still live at the end",
  },
  {
    name: "hedgePnl",
    type: "DOUBLE",
    unit: q,
    doc: "pnl − optionPnl: the hedge's trading PnL net of its costs and funding",
  },
  { name: "hedgeCost", type: "DOUBLE", unit: q, doc: "fees + slippage + gas + funding" },
  { name: "fees", type: "DOUBLE", unit: q, doc: "trading fees the trader paid" },
  { name: "slippage", type: "DOUBLE", unit: q, doc: "slippage and impact the trader paid" },
  { name: "gas", type: "DOUBLE", unit: q, doc: "gas the trader paid" },
  { name: "funding", type: "DOUBLE", unit: q, doc: "net perp funding paid (> 0 paid, < 0 received)" },
  {
    name: "tradedNotional",
    type: "DOUBLE",
    unit: q,
    doc: "Σ |size| × fill price over the trader's fills (turnover = tradedNotional / startEquity)",
  },
  {
    name: "maxDrawdown",
    type: "DOUBLE",
    unit: q,
    doc: "max over grid points of (running peak equity − equity), ≥ 0",
  },
  {
    name: "minPerpEquity",
    type: "DOUBLE",
    unit: q,
    doc: "lowest perp margin balance at market prices over grid points; NULL without a perp account",
  },
  {
    name: "peakMarginUtilisation",
    type: "DOUBLE",
    doc: "highest margin utilisation over grid points (see series.marginUtilisation); NULL without venue accounts",
  },
  {
    name: "peakCapitalCommitted",
    type: "DOUBLE",
    unit: q,
    doc: "highest Σ perp margin balance + lending collateral value over grid points (capital efficiency = pnl / this)",
  },
  { name: "trades", type: "INTEGER", doc: "fills of the trader's orders" },
  {
    name: "rejected",
    type: "INTEGER",
    doc: "orders refused by a venue, left without liquidity or landing after the horizon",
  },
  {
    name: "liquidations",
    type: "INTEGER",
    doc: "liquidation rows on the trader's accounts (a perp liquidation closing two markets counts 2)",
  },
  {
    name: "firstLiquidationHours",
    type: "DOUBLE",
    unit: "hours",
    doc: "time from the start to the first liquidation; NULL when none",
  },
  {
    name: "perpMarginLost",
    type: "DOUBLE",
    unit: q,
    doc: "perp: per venue where the trader was liquidated, margin deposited − margin balance after the last liquidation (≥ 0)",
  },
  {
    name: "perpLiquidationFees",
    type: "DOUBLE",
    unit: q,
    doc: "perp: liquidation fees charged + price concession of impacted closes",
  },
  {
    name: "optionsLiquidationPenalty",
    type: "DOUBLE",
    unit: q,
    doc: "options venue: penalty paid on shorts bought back",
  },
  {
    name: "insuranceDraw",
    type: "DOUBLE",
    unit: q,
    doc: "what venues' insurance funds paid to cover the trader's bankrupt accounts",
  },
  {
    name: "collateralSeized",
    type: "DOUBLE",
    unit: q,
    doc: "lending: collateral taken by liquidations, at the price used",
  },
  {
    name: "liquidationBonus",
    type: "DOUBLE",
    unit: q,
    doc: "lending: what the trader paid beyond the debt repaid (protocol share included)",
  },
  { name: "badDebt", type: "DOUBLE", unit: q, doc: "debt written off on the trader's accounts (any venue)" },
  {
    name: "pnlDelta",
    type: "DOUBLE",
    unit: q,
    doc: "attribution: Σ over grid steps of book delta × price change",
  },
  { name: "pnlGamma", type: "DOUBLE", unit: q, doc: "attribution: Σ ½ × gamma × (price change)²" },
  {
    name: "pnlTheta",
    type: "DOUBLE",
    unit: q,
    doc: "attribution: Σ theta × step (years), options held outright and at options venues",
  },
  {
    name: "pnlVega",
    type: "DOUBLE",
    unit: q,
    doc: "attribution of implied-vol moves: Σ over options of vega × Δσ + ½ volga × Δσ² + vanna × Δprice × Δσ per step (0 when every option keeps a fixed implied vol)",
  },
  { name: "pnlFunding", type: "DOUBLE", unit: q, doc: "attribution: −funding" },
  { name: "pnlCosts", type: "DOUBLE", unit: q, doc: "attribution: −(fees + slippage + gas)" },
  {
    name: "pnlResidual",
    type: "DOUBLE",
    unit: q,
    doc: "attribution: pnl − all of the above (higher orders, discrete hedging, liquidations, settlement)",
  },
  {
    name: "finalPrice",
    type: "DOUBLE",
    unit: "quote per unit",
    doc: "market price of the first asset at the horizon",
  },
];
