/**
 * `events.parquet`: one row per event of the paths whose events are kept (every event of the first
 * `report.eventPaths` paths; liquidations, rejections, settlements, insurance draws, bad debt and
 * deleveraging of every path). Amounts in the quote currency unless said otherwise; a column an
 * event type does not use is NULL.
 */
import type { ColumnDoc } from "./schema.js";

export const EVENT_COLUMNS: readonly ColumnDoc[] = [
  { name: "time", type: "TIMESTAMP", doc: "when the event happened (UTC)" },
  { name: "path", type: "INTEGER", doc: "path index (0-based)" },
  {
    name: "type",
    type: "VARCHAR",
    doc: "trade, oracleUpdate, funding, settlement, liquidation, rejected, partialFill, insuranceDraw, badDebt, deleverage",
  },
  {
    name: "venue",
    type: "VARCHAR",
    doc: "venue the event happened at; NULL for the trader's own book (spot trades, book options, oracle)",
  },
  {
    name: "account",
    type: "VARCHAR",
    doc: "account owner: `trader`, a liquidator, a population account or `oracle`",
  },
  { name: "asset", type: "VARCHAR", doc: "asset traded, seized, published or settled" },
  {
    name: "size",
    type: "DOUBLE",
    unit: "base units",
    doc: "signed quantity (sold, closed or seized: negative); the amount for insurance draws and bad debt",
  },
  {
    name: "price",
    type: "DOUBLE",
    unit: "quote per unit",
    doc: "fill price; oracle price; price used by a liquidation; settlement price",
  },
  {
    name: "fee",
    type: "DOUBLE",
    unit: "quote",
    doc: "trade: taker/maker fee; perp liquidation: liquidation fee charged; options liquidation: penalty",
  },
  {
    name: "slippage",
    type: "DOUBLE",
    unit: "quote",
    doc: "trade: cost of the fill price against the mid; perp liquidation: price concession of a close moved by impact",
  },
  {
    name: "gas",
    type: "DOUBLE",
    unit: "quote",
    doc: "trade: gas paid; rejected liquidation: the liquidator's gas spent on the reverted transaction",
  },
  {
    name: "funding",
    type: "DOUBLE",
    unit: "quote",
    doc: "funding payment of the interval, > 0 paid by the account",
  },
  {
    name: "cash",
    type: "DOUBLE",
    unit: "quote",
    doc: "settlement: payoff credited (> 0) or debited; deleverage: amount the deleveraged account paid (< 0)",
  },
  {
    name: "debtRepaid",
    type: "DOUBLE",
    unit: "quote",
    doc: "lending liquidation: debt extinguished, at the debt's price",
  },
  {
    name: "collateralSeized",
    type: "DOUBLE",
    unit: "quote",
    doc: "lending liquidation: collateral taken from the borrower (protocol fee included), at the price used",
  },
  {
    name: "bonus",
    type: "DOUBLE",
    unit: "quote",
    doc: "lending liquidation: what the borrower paid beyond the debt repaid (collateral seized − debt repaid), protocol share included",
  },
  {
    name: "protocolFee",
    type: "DOUBLE",
    unit: "quote",
    doc: "Aave liquidation: the protocol's share of the bonus",
  },
  { name: "healthFactorBefore", type: "DOUBLE", doc: "lending liquidation: health factor just before (< 1)" },
  {
    name: "healthFactorAfter",
    type: "DOUBLE",
    doc: "Aave liquidation: health factor just after (Infinity with no debt left)",
  },
  {
    name: "marginRatioBefore",
    type: "DOUBLE",
    doc: "perp liquidation: maintenance margin / margin balance just before (≥ 1)",
  },
  {
    name: "marginRatioAfter",
    type: "DOUBLE",
    doc: "perp liquidation: margin ratio just after (0 with no position left, Infinity at a balance ≤ 0)",
  },
  {
    name: "marginBalanceAfter",
    type: "DOUBLE",
    unit: "quote",
    doc: "perp liquidation: margin balance (equity at mark) left in the account just after",
  },
  {
    name: "liquidator",
    type: "VARCHAR",
    doc: "liquidation: who took the position or collateral (a liquidator's account, the venue's insurance fund or reserve)",
  },
  {
    name: "badDebt",
    type: "DOUBLE",
    unit: "quote",
    doc: "badDebt: debt written off; liquidation: bad debt its own shortfall created (also logged as its badDebt row)",
  },
  {
    name: "insuranceDraw",
    type: "DOUBLE",
    unit: "quote",
    doc: "insuranceDraw: what the venue's insurance fund paid to cover a bankrupt account",
  },
  { name: "detail", type: "VARCHAR", doc: "free text: the rule that fired, why an order was rejected" },
];
