/** Fixed-shape sections of a scenario, declared as ParamSpecs so one reader validates them all. */
import type { ParamSpecs } from "../../engine/params.js";

export const TOP_KEYS = [
  "name",
  "description",
  "seed",
  "paths",
  "clock",
  "market",
  "oracle",
  "execution",
  "venues",
  "book",
  "liquidators",
  "strategy",
  "report",
  "population",
  "cascade",
  "sweep",
  "recommend",
] as const;

/** Most paths one run takes (the scenario's `paths` and `--paths` alike). */
export const MAX_PATHS = 10_000_000;

export const HEAD_SPECS: ParamSpecs = {
  name: { type: "string", description: "names the run folder and goes into the manifest" },
  description: { type: "string", optional: true, description: "free text" },
  seed: { type: "integer", default: 1, min: 0, max: 2 ** 53 - 1, description: "root of every random stream" },
  paths: {
    type: "integer",
    default: 1000,
    min: 1,
    max: MAX_PATHS,
    description: "number of Monte-Carlo paths",
  },
};

export const CLOCK_SPECS: ParamSpecs = {
  start: {
    type: "string",
    default: "2024-01-01T00:00:00Z",
    description: "ISO-8601 start time (UTC unless it gives an offset)",
  },
  horizon: { type: "duration", min: 1, description: "simulated span, e.g. 30d" },
  step: { type: "duration", default: "1h", min: 1, description: "market grid step, e.g. 1h or 1m" },
};

export const MARKET_SPECS: ParamSpecs = {
  rate: { type: "number", default: 0, min: -1, max: 1, description: "continuously compounded rate per year" },
  cashRate: {
    type: "number",
    default: 0,
    min: -1,
    max: 1,
    description:
      "rate the wallet's quote balance earns (or pays when negative), continuously compounded per year",
  },
  quote: {
    type: "string",
    default: "USDC",
    description: "quote currency of every price (a stablecoin taken at par)",
  },
  assets: { type: "record", description: "asset name → { model: {kind…} } or { data: {file…} }" },
  correlation: {
    type: "any",
    optional: true,
    description: "correlation matrix of the assets' drivers, in asset order",
  },
  shocks: { type: "any", optional: true, description: "list of shocks overlaid on the paths" },
};

export const DATA_SPECS: ParamSpecs = {
  file: { type: "string", description: "CSV, Parquet or Arrow file, relative to the scenario file" },
  column: { type: "string", default: "close", description: "price column" },
  from: { type: "string", optional: true, description: "first timestamp kept (ISO date)" },
  to: { type: "string", optional: true, description: "last timestamp kept (ISO date)" },
  resample: { type: "duration", optional: true, min: 1, description: "resample to this bar length" },
  maxGap: {
    type: "duration",
    optional: true,
    min: 1,
    description: "longest gap filled forward (default 3 bars)",
  },
  nullRows: {
    type: "enum",
    values: ["error", "gap"],
    optional: true,
    description:
      "rows whose every value is null (a vendor's defect): error (default), or gap to drop them as missing bars, then filled within maxGap",
  },
  format: {
    type: "enum",
    values: ["csv", "parquet", "arrow"],
    optional: true,
    description: "file format (default: by extension)",
  },
  vol: {
    type: "string",
    optional: true,
    description:
      "a column of implied vols beside the prices (e.g. a DVOL-like index), for market.assets.<X>.iv: { kind: column }",
  },
  funding: {
    type: "any",
    optional: true,
    description:
      "funding rates for the perp venues (fundingSource: series): a column of this file, or { file, column, every } — a separate file of the rates at the funding times (every: their interval, default 8h); rates per interval as fractions, |rate| ≤ 1",
  },
};

/** `data.funding` as a separate file (data/funding.ts). */
export const FUNDING_FILE_SPECS: ParamSpecs = {
  file: { type: "string", description: "CSV, Parquet or Arrow file of funding times and rates" },
  column: { type: "string", optional: true, description: "rate column (default: funding / fundingRate)" },
  every: { type: "duration", optional: true, min: 1, description: "interval of the rows (default 8h)" },
};

export const CONSUMER_SPECS: ParamSpecs = {
  maxAge: {
    type: "duration",
    optional: true,
    min: 0,
    description: "readings older than this are unusable (default: no limit)",
  },
  maxConfRatio: {
    type: "number",
    optional: true,
    min: 0,
    description: "readings with conf/price above this are unusable",
  },
};

export const FEES_SPECS: ParamSpecs = {
  maker: { type: "number", default: 0, min: 0, max: 0.1, description: "maker fee, fraction of notional" },
  taker: { type: "number", default: 0, min: 0, max: 0.1, description: "taker fee, fraction of notional" },
};

export const REPORT_SPECS: ParamSpecs = {
  quantiles: {
    type: "numbers",
    default: [0.01, 0.05, 0.5, 0.95, 0.99],
    min: 0,
    max: 1,
    description: "PnL quantiles reported",
  },
  sampleSeries: { type: "integer", default: 20, min: 0, description: "paths whose time series are kept" },
  eventPaths: {
    type: "integer",
    default: 10,
    min: 0,
    description: "paths whose every trade and oracle update is logged",
  },
};

export const OPTION_SPECS: ParamSpecs = {
  kind: { type: "enum", values: ["option"], description: "book entry kind" },
  venue: {
    type: "string",
    optional: true,
    description: "an options-standard venue that margins, liquidates and settles it (absent: held outright)",
  },
  collateral: {
    type: "any",
    default: 0,
    description: "quote collateral for the venue account: an amount or { USDC: amount }",
  },
  underlying: { type: "string", description: "asset the option is on" },
  right: { type: "enum", values: ["call", "put"], description: "call or put" },
  strike: { type: "any", description: "strike price, or atm for the path's start price" },
  expiry: { type: "duration", min: 1, description: "time to expiry from the start" },
  qty: { type: "number", description: "contracts on one unit each; negative = written" },
  iv: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    max: 10,
    optional: true,
    description:
      "a fixed implied vol to mark the option at (absent: the asset's implied-vol surface, market.assets.<X>.iv)",
  },
};

/** A `cash` book entry: balances held in the trader's wallet (a reserve a strategy can move). */
export const CASH_SPECS: ParamSpecs = {
  kind: { type: "enum", values: ["cash"], description: "book entry kind" },
  amount: {
    type: "record",
    description: "asset → amount held in the wallet at the start, e.g. { USDC: 5000 }",
  },
};

export const LOAN_SPECS: ParamSpecs = {
  kind: { type: "enum", values: ["loan"], description: "book entry kind" },
  venue: {
    type: "string",
    optional: true,
    description: "lending venue (default: the first aave-v3/compound-v3 venue)",
  },
  collateral: { type: "record", description: "asset → amount supplied as collateral, e.g. { ETH: 10 }" },
  debt: {
    type: "record",
    default: {},
    description:
      "asset → amount borrowed at the start, e.g. { USDC: 14000 }, or a target at the start prices: { ltv: 0.7 } or { healthFactor: 1.5 } (optional asset, default the quote)",
  },
};

export const PERP_ENTRY_SPECS: ParamSpecs = {
  kind: { type: "enum", values: ["perp"], description: "book entry kind" },
  venue: { type: "string", optional: true, description: "perp venue (default: the first perp-linear venue)" },
  underlying: { type: "string", description: "asset of the perp" },
  qty: { type: "number", default: 0, description: "initial position in units of the underlying, signed" },
  collateral: { type: "any", default: 0, description: "quote amount, or { USD|USDC|USDT: amount }" },
};
