/**
 * `accounts.parquet`: the trader's venue accounts one by one, for the same paths and grid points
 * as `series.parquet` (the first `report.sampleSeries` paths). A long table — one row per (path,
 * time, venue account) — rather than columns named after each venue, so its schema does not
 * depend on the scenario (ARCHITECTURE.md "Tables and metrics"). Perp and lending accounts only:
 * options-venue accounts carry no margin ratio, collateral or debt. At every (path, time), the
 * `series` columns are these rows aggregated: `healthFactor` the least, `marginRatio` the
 * greatest, `collateralValue` and `debt` the sums.
 */
import type { ColumnDoc } from "./schema.js";
import { PATH_AND_TIME } from "./schema-series.js";

export const ACCOUNT_COLUMN_DOCS: readonly ColumnDoc[] = [
  ...PATH_AND_TIME,
  { name: "venue", type: "VARCHAR", doc: "venue name, as in the scenario's `venues`" },
  { name: "account", type: "VARCHAR", doc: "account owner (`trader`), as in `events.account`" },
  {
    name: "healthFactor",
    type: "DOUBLE",
    doc: "lending account: Σ collateral × liquidation threshold / debt (< 1 ⇒ liquidatable; +∞ without debt); NULL for a perp account",
  },
  {
    name: "marginRatio",
    type: "DOUBLE",
    doc: "perp account: maintenance margin / margin balance (≥ 1 ⇒ liquidatable); NULL for a lending account",
  },
  {
    name: "collateralValue",
    type: "DOUBLE",
    unit: "quote",
    doc: "perp account: margin balance (equity at mark); lending account: collateral at market value",
  },
  {
    name: "debt",
    type: "DOUBLE",
    unit: "quote",
    doc: "lending account: debt at market value; NULL for a perp account",
  },
  {
    name: "marginUtilisation",
    type: "DOUBLE",
    doc: "perp account: initial margin / max(margin balance, 0); lending account: debt / (collateral × LTV); +∞ when margin is used and none is available, NULL when neither",
  },
];
