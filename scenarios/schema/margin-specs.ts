/**
 * Parameters of the unified-versus-siloed margin comparison (README "Unified versus siloed
 * margin"; engine/systemic/portfolio-margin.ts): keys of `cascade:`, its `portfolio:` grid, and the
 * generator's `hedge:` (accounts that hedge their collateral with a perp short).
 */
import type { ParamSpecs } from "../../engine/params.js";

/** Spread into `cascade:`'s specs. */
export const MARGIN_CASCADE_SPECS: ParamSpecs = {
  margin: {
    type: "enum",
    values: ["siloed", "unified"],
    default: "siloed",
    description:
      "siloed: each venue's own rule on its own positions; unified: one portfolio requirement per account (cascade.portfolio)",
  },
  compareMargin: {
    type: "boolean",
    default: false,
    description:
      "also run the other margin rule on the same paths; margin.parquet and report.md compare them",
  },
  portfolio: {
    type: "record",
    default: {},
    description: "the unified rule's scenario grid (see portfolio's keys)",
  },
};

/** `cascade.portfolio`: REFERENCE "Portfolio (unified) margin: scenario-grid rules". */
export const PORTFOLIO_SPECS: ParamSpecs = {
  grid: {
    type: "enum",
    values: ["span", "deribit-pm"],
    default: "span",
    description:
      "SPAN's 16 scenarios, or Deribit S:PM's 9 price buckets × 3 vol scenarios and extended moves",
  },
  priceScan: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    max: 1,
    default: 0.16,
    description: "SPAN price scan range, or Deribit price_range (0.16); relative move",
  },
  volUp: {
    type: "number",
    min: 0,
    default: 0.5,
    description: "vol scan range (SPAN) or volatility_range_up (Deribit 0.5); linear positions ignore it",
  },
  volDown: {
    type: "number",
    min: 0,
    default: 0.25,
    description: "Deribit volatility_range_down (0.25); linear positions ignore it",
  },
  extremeMove: {
    type: "number",
    min: 0,
    default: 2,
    description: "SPAN scenarios 15–16: the extreme move, in price scan ranges (REFERENCE: 2)",
  },
  extremeFraction: {
    type: "number",
    min: 0,
    max: 1,
    default: 0.35,
    description:
      "share of an extreme (SPAN, 35 %) or extended (Deribit; its factor is not in REFERENCE, 35 % is Ballast's choice) move's loss counted",
  },
  mmFactor: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    optional: true,
    description: "maintenance = mmFactor × worst loss (default: SPAN 1, Deribit mm_factor 0.8)",
  },
  contingency: {
    type: "number",
    min: 0,
    max: 1,
    default: 0,
    description:
      "extra requirement per unit of perp notional (Deribit's earlier PM: 0.01 for offsetting futures)",
  },
};

/** Spread into `population.generate:`'s specs. */
export const HEDGE_GENERATE_SPECS: ParamSpecs = {
  hedge: {
    type: "record",
    default: {},
    description: "accounts hedging their collateral with a perp short (see hedge's keys)",
  },
};

export const HEDGE_SPECS: ParamSpecs = {
  share: { type: "number", min: 0, max: 1, default: 0, description: "share of accounts that hedge" },
  ratioMin: {
    type: "number",
    min: 0,
    default: 0.5,
    description: "hedge ratio (perp short / collateral units of the main asset), uniform from ratioMin",
  },
  ratioMax: { type: "number", min: 0, default: 1, description: "… to ratioMax" },
  leverage: {
    type: "number",
    min: 1,
    default: 10,
    description: "perp margin = the short's notional at the start / leverage",
  },
};
