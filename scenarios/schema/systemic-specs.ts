/**
 * Parameters of the `population:` and `cascade:` sections (systemic stress; README "Systemic
 * stress"). Declared once as ParamSpecs: the same declaration validates, fills defaults and prints.
 */
import type { ParamSpecs } from "../../engine/params.js";
import { HEDGE_GENERATE_SPECS, MARGIN_CASCADE_SPECS } from "./margin-specs.js";

export const POPULATION_SPECS: ParamSpecs = {
  snapshot: {
    type: "string",
    optional: true,
    description: "CSV or Parquet snapshot, relative to the scenario file",
  },
  generate: { type: "record", optional: true, description: "a seeded generator (see generate's keys)" },
};

export const GENERATE_SPECS: ParamSpecs = {
  accounts: { type: "integer", min: 1, max: 5_000_000, description: "number of accounts" },
  totalDebt: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    description: "debt of all accounts together (quote)",
  },
  sizes: {
    type: "enum",
    values: ["lognormal", "pareto"],
    default: "lognormal",
    description: "law of debt sizes",
  },
  sizeParam: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    default: 1.5,
    description: "σ of the lognormal or α of the Pareto law",
  },
  hfMin: { type: "number", min: 0, exclusiveMin: true, default: 1.0, description: "lowest health factor" },
  hfMedian: { type: "number", min: 0, exclusiveMin: true, default: 1.6, description: "median health factor" },
  hfSigma: { type: "number", min: 0, default: 0.5, description: "σ of log(HF − min)" },
  collateral: { type: "record", description: "collateral asset → weight in the mix, e.g. { ETH: 1 }" },
  debt: { type: "record", default: {}, description: "debt asset → weight (default: the quote)" },
  mix: {
    type: "enum",
    values: ["single", "blend"],
    default: "single",
    description: "one asset per account drawn by weight, or every asset with random shares",
  },
  venues: { type: "record", default: {}, description: "lending venue → weight (default: the first)" },
  atLt: {
    type: "record",
    default: {},
    description: "asset → LT the health factors are measured at (default: the venue's); fix when sweeping LT",
  },
  ...HEDGE_GENERATE_SPECS,
};

export const CASCADE_SPECS: ParamSpecs = {
  ...MARGIN_CASCADE_SPECS,
  rule: {
    type: "enum",
    values: ["fixed-bonus", "clipper", "flipper"],
    default: "fixed-bonus",
    description:
      "liquidation rule: the venue's fixed bonus, Maker's Dutch (clipper) or English (flipper) auction",
  },
  closeFactor: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    max: 1,
    default: 0.5,
    description: "share of a debt reserve repaid per liquidation while HF > 0.95 (Aave v3.0: 0.5)",
  },
  reserve: {
    type: "number",
    min: 0,
    default: 0,
    description: "insurance fund that absorbs bad debt first (quote)",
  },
  pools: {
    type: "record",
    default: {},
    description: "asset → { depth, fee, halfLife }: the market seized collateral is sold into",
  },
  liquidators: {
    type: "any",
    optional: true,
    description: "list of { name, latency, capital, gasBid, minProfit }",
  },
  chain: { type: "record", default: {}, description: "gas and inclusion under load (see chain's keys)" },
  auction: { type: "record", default: {}, description: "clipper/flipper parameters (see auction's keys)" },
  recheck: {
    type: "duration",
    min: 0,
    default: "5m",
    description: "how long a skipped (unprofitable) account rests before liquidators look again",
  },
  profile: {
    type: "duration",
    min: 1,
    default: "1h",
    description: "bucket of the liquidations' time profile",
  },
  drops: {
    type: "numbers",
    min: 0,
    max: 0.99,
    default: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6],
    description: "price drops of the liquidations-at-risk curve",
  },
};

export const POOL_SPECS: ParamSpecs = {
  depth: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    optional: true,
    description: "quote reserve at the start (absent: no impact)",
  },
  fee: { type: "number", min: 0, max: 0.1, default: 0.003, description: "pool fee (Uniswap v2: 0.003)" },
  halfLife: {
    type: "duration",
    min: 0,
    default: "1h",
    description: "half-life of the sales' price impact (arbitrage)",
  },
};

export const CASCADE_LIQUIDATOR_SPECS: ParamSpecs = {
  latency: {
    type: "duration",
    min: 0,
    default: "12s",
    description: "from seeing an unsafe account to sending",
  },
  capital: {
    type: "number",
    min: 0,
    default: 1e7,
    description: "quote capital; bounds the debt repaid per liquidation",
  },
  gasBid: {
    type: "number",
    min: 0,
    default: 0,
    description: "gas price bid in gwei (0: pays the going price)",
  },
  minProfit: { type: "number", default: 0, description: "least expected profit after gas (quote) to act" },
};

export const CHAIN_SPECS: ParamSpecs = {
  gasUnits: {
    type: "number",
    min: 0,
    default: 504_440,
    description: "gas of a liquidation and its swap (Aave liquidationCall 393 192 + Uniswap v3 swap 111 248)",
  },
  baseGwei: { type: "number", min: 0, default: 20, description: "gas price at rest (gwei)" },
  gasAsset: {
    type: "string",
    optional: true,
    description: "asset that prices gas (default: ETH when listed)",
  },
  inclusion: {
    type: "duration",
    min: 0,
    default: "12s",
    description: "inclusion delay of a bid at the going price",
  },
  gasPerMove: {
    type: "number",
    min: 0,
    default: 0,
    description: "extra gas price, × base, per 1 % move of the gas asset in a step",
  },
  gasPerPending: {
    type: "number",
    min: 0,
    default: 0,
    description: "extra gas price, × base, per pending liquidation",
  },
  delayPerShortGwei: {
    type: "duration",
    min: 0,
    default: "0s",
    description: "extra inclusion delay per gwei bid below the going price",
  },
};

/** Maker auctions: Clipper ETH-A (REFERENCE, spells-mainnet config) and flip.sol's code defaults. */
export const AUCTION_SPECS: ParamSpecs = {
  buf: { type: "number", min: 1, default: 1.2, description: "clipper: starting price = oracle × buf" },
  tail: { type: "duration", min: 1, default: "140m", description: "clipper: reset after this long" },
  cusp: {
    type: "number",
    min: 0,
    max: 1,
    default: 0.4,
    description: "clipper: reset when price/top falls below",
  },
  step: { type: "duration", min: 1, default: "90s", description: "clipper: length of one price step" },
  cut: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    max: 1,
    default: 0.99,
    description: "clipper: price factor per step",
  },
  chip: {
    type: "number",
    min: 0,
    max: 1,
    default: 0.001,
    description: "clipper: keeper incentive, share of tab",
  },
  tip: { type: "number", min: 0, default: 300, description: "clipper: keeper incentive, flat (quote)" },
  beg: {
    type: "number",
    min: 0,
    max: 1,
    default: 0.05,
    description: "flipper: least bid increase (flip.sol 5 %)",
  },
  ttl: {
    type: "duration",
    min: 1,
    default: "3h",
    description: "flipper: auction deals this long after the last bid",
  },
  tau: {
    type: "duration",
    min: 1,
    default: "2d",
    description: "flipper: auction length; unbid auctions restart",
  },
};
