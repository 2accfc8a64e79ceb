/**
 * `series.parquet`: the first `report.sampleSeries` paths at every grid point (and the start).
 * Amounts in the quote currency; "the first asset" is the first asset of `market.assets`.
 */
import type { ColumnDoc } from "./schema.js";

/** The key of a sampled row: path and grid point (also the first columns of `accounts`). */
export const PATH_AND_TIME: readonly ColumnDoc[] = [
  { name: "path", type: "INTEGER", doc: "path index (0-based)" },
  { name: "time", type: "TIMESTAMP", doc: "grid point (UTC)" },
];

export const SERIES_COLUMN_DOCS: readonly ColumnDoc[] = [
  ...PATH_AND_TIME,
  { name: "price", type: "DOUBLE", unit: "quote per unit", doc: "market price of the first asset" },
  {
    name: "oracle",
    type: "DOUBLE",
    unit: "quote per unit",
    doc: "oracle price of the first asset landed before this instant's publications; NULL before its first publication",
  },
  {
    name: "equity",
    type: "DOUBLE",
    unit: "quote",
    doc: "trader equity at market prices: wallet + venue accounts + option marks",
  },
  {
    name: "perpQty",
    type: "DOUBLE",
    unit: "base units",
    doc: "position in the hedge perp on the first asset",
  },
  {
    name: "spotQty",
    type: "DOUBLE",
    unit: "base units",
    doc: "spot holding of the first asset in the trader's wallet",
  },
  {
    name: "delta",
    type: "DOUBLE",
    unit: "quote per quote of price",
    doc: "book delta on the first asset: options (book and venue) + perp + spot",
  },
  {
    name: "gamma",
    type: "DOUBLE",
    unit: "per quote of price",
    doc: "book gamma on the first asset (options)",
  },
  {
    name: "vega",
    type: "DOUBLE",
    unit: "quote per 1.00 of vol",
    doc: "vega of the book's options on the first asset, held outright and at options venues",
  },
  {
    name: "vanna",
    type: "DOUBLE",
    unit: "quote per quote of price per 1.00 of vol",
    doc: "vanna ∂²V/∂S∂σ of the book's options on the first asset, held outright and at options venues",
  },
  {
    name: "volga",
    type: "DOUBLE",
    unit: "quote per (1.00 of vol)²",
    doc: "volga ∂²V/∂σ² of the book's options on the first asset, held outright and at options venues",
  },
  {
    name: "iv",
    type: "DOUBLE",
    doc: "ATM implied vol of the first asset at its model's reference tenor (market.assets.<X>.iv); NULL without an implied-vol model",
  },
  {
    name: "healthFactor",
    type: "DOUBLE",
    doc: "lowest health factor over the trader's lending accounts; NULL without a loan",
  },
  {
    name: "marginRatio",
    type: "DOUBLE",
    doc: "highest margin ratio (maintenance margin / margin balance) over the trader's perp accounts; NULL without a perp account",
  },
  {
    name: "collateralValue",
    type: "DOUBLE",
    unit: "quote",
    doc: "Σ perp margin balances + Σ lending collateral at market value",
  },
  { name: "debt", type: "DOUBLE", unit: "quote", doc: "Σ lending debt at market value" },
  {
    name: "marginUtilisation",
    type: "DOUBLE",
    doc: "margin used / margin available = (Σ perp initial margin + Σ debt) / (Σ perp margin balance + Σ collateral × LTV); NULL without venue accounts",
  },
];
