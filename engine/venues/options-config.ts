/**
 * Parameters of the `options-standard` venue: European options on an underlying, margined with the
 * Deribit-style standard rule (./options-margin.ts). Defaults follow REFERENCE: IM 0.15 / floor 0.10,
 * MM 0.075 (inverse) or 0.10 (linear, Aevo); liquidation penalty 0.2 % of the underlying per option
 * (deribit.com/pages/docs "BTC and ETH options 0.2 %", Aevo docs "0.2 % of the notional").
 */
import type { Issue } from "../errors.js";
import type { ParamSpecs, Params } from "../params.js";
import type { OptionMarginParams } from "./options-margin.js";

export interface OptionsConfig {
  /** inverse: margin, marks and payoffs in the underlying coin; linear: in `quote`. */
  readonly inverse: boolean;
  readonly quote: string;
  readonly margin: OptionMarginParams;
  /** Rate for the forward F = S·e^{rT} and discounting (per year, continuous). */
  readonly rate: number;
  readonly liquidationPenalty: number;
  /** Settlement TWAP window before expiry (ms); 0: the last oracle reading. */
  readonly settlementWindowMs: number;
  readonly insuranceFund: number;
  readonly revalueMs: number;
}

export const OPTIONS_SPECS: ParamSpecs = {
  style: {
    type: "enum",
    description: "inverse (coin-margined, Deribit) or linear (USDC-margined, Aevo)",
    values: ["inverse", "linear"],
    default: "linear",
  },
  quote: {
    type: "string",
    description: "margin asset of linear accounts (ledger asset name)",
    default: "USDC",
  },
  imBase: {
    type: "number",
    description: "short IM: max(imBase − OTM/F, imFloor) (+ mark)",
    min: 0,
    max: 1,
    default: 0.15,
  },
  imFloor: { type: "number", description: "short IM floor", min: 0, max: 1, default: 0.1 },
  mm: {
    type: "number",
    description: "short MM constant (default 0.075 inverse, 0.10 linear)",
    min: 0,
    max: 1,
    optional: true,
  },
  rate: { type: "number", description: "rate for the forward and discounting, per year", default: 0 },
  liquidationPenalty: {
    type: "number",
    description: "buy-back penalty per option, fraction of the underlying price (to the insurance fund)",
    min: 0,
    max: 0.1,
    default: 0.002,
  },
  settlementWindow: {
    type: "duration",
    description:
      "expiry settles on the time-weighted mean of the oracle reading over this window before expiry (Deribit: 30m); 0s = the last reading",
    min: 0,
    default: "0s",
  },
  insuranceFund: {
    type: "number",
    description: "insurance fund at the start (margin-asset units)",
    min: 0,
    default: 0,
  },
  revalueMs: {
    type: "duration",
    description: "how long a precomputed safe spot band stays valid before a full revaluation",
    min: 1,
    default: "1h",
  },
};

/** IM ≥ MM at the floor: imFloor ≥ the MM constant. */
export function checkOptions(params: Params, path: string, issues: Issue[]): void {
  const mm = typeof params["mm"] === "number" ? params["mm"] : params["style"] === "inverse" ? 0.075 : 0.1;
  if ((params["imFloor"] as number) < mm)
    issues.push({
      code: "invariant",
      path: `${path}.imFloor`,
      message: `found imFloor ${String(params["imFloor"])} < mm ${mm}; allowed: imFloor ≥ mm`,
    });
  if ((params["imBase"] as number) < (params["imFloor"] as number))
    issues.push({
      code: "invariant",
      path: `${path}.imBase`,
      message: "found imBase < imFloor; allowed: imBase ≥ imFloor",
    });
}

export function optionsConfig(params: Params): OptionsConfig {
  const inverse = params["style"] === "inverse";
  return {
    inverse,
    quote: String(params["quote"]),
    margin: {
      imBase: params["imBase"] as number,
      imFloor: params["imFloor"] as number,
      mm: typeof params["mm"] === "number" ? params["mm"] : inverse ? 0.075 : 0.1,
    },
    rate: params["rate"] as number,
    liquidationPenalty: params["liquidationPenalty"] as number,
    settlementWindowMs: params["settlementWindow"] as number,
    insuranceFund: params["insuranceFund"] as number,
    revalueMs: params["revalueMs"] as number,
  };
}
