/**
 * The lending venues' resolved configuration (`LendingConfig`) and the `aave-v3` parameters:
 * per-asset tables keyed by ledger asset name whose defaults are the REFERENCE rows of the Aave v3
 * Ethereum core market (on-chain snapshot 2023-10-31), see ./asset-table.ts. Compound v3:
 * ./compound-config.ts.
 */
import type { Issue } from "../errors.js";
import { join, type ParamSpecs, type Params } from "../params.js";
import { type CloseFactorRule, checkRiskParams } from "./aave-v3.js";
import { frac, num, POOL_SPECS, type Row, readAssetTable } from "./asset-table.js";
import { AaveCurve, type RateModel } from "./rate-curve.js";

/** One reserve (asset) of a lending market. */
export interface ReserveConfig {
  readonly asset: string;
  /** Borrow gate (Compound: borrowCF). */
  readonly ltv: number;
  /** Liquidation threshold (Compound: liquidateCF); 0 = not collateral. */
  readonly lt: number;
  /** Aave liquidation bonus above principal (0.05 = 5 %). */
  readonly bonus: number;
  /** Aave share of the bonus to the treasury. */
  readonly protocolFee: number;
  /** Compound liquidationFactor (1 − penalty); 1 for Aave. */
  readonly liquidationFactor: number;
  readonly reserveFactor: number;
  readonly borrowable: boolean;
  readonly curve: RateModel;
  /** Utilisation of the whole pool at the start and its total supply (units), of which the simulated accounts are part. */
  readonly utilization: number;
  readonly marketSupply: number;
}

export interface LendingConfig {
  readonly rules: "aave-v3" | "compound-v3";
  readonly reserves: readonly ReserveConfig[];
  readonly closeFactorRule: CloseFactorRule;
  readonly closeFactorThresholdUsd: number;
  readonly minLeftoverUsd: number;
  readonly storeFront: number;
  readonly targetReserves: number;
  readonly borrowMin: number;
  readonly initialReserves: number;
}

/** Aave per-asset parameters; defaults come from the asset's REFERENCE row. */
export const AAVE_ASSET_SPECS: ParamSpecs = {
  preset: {
    type: "enum",
    description: "REFERENCE row to take defaults from",
    values: ["WETH", "WBTC", "USDC", "wstETH"],
    optional: true,
  },
  ltv: frac("loan-to-value: gates borrows and withdrawals"),
  lt: frac("liquidation threshold: HF uses it"),
  bonus: frac("liquidation bonus above principal (0.05 = Aave 10 500 bps)"),
  protocolFee: frac("share of the bonus part paid to the treasury"),
  reserveFactor: frac("share of borrow interest kept by the reserve"),
  uOpt: frac("optimal utilisation (the kink)", { min: 0.01, max: 0.99 }),
  base: frac("base borrow rate per year", { max: 10 }),
  slope1: frac("slope below the kink per year", { max: 10 }),
  slope2: frac("slope above the kink per year", { max: 100 }),
  borrowable: { type: "boolean", description: "may be borrowed", default: true },
  ...POOL_SPECS,
};

/** REFERENCE: Aave v3 Ethereum core market, on-chain snapshot 2023-10-31 (bgd-labs/aave-proposals-v3). */
export const AAVE_ROWS: Readonly<Record<string, Row>> = {
  WETH: {
    ltv: 0.805,
    lt: 0.83,
    bonus: 0.05,
    protocolFee: 0.1,
    reserveFactor: 0.15,
    uOpt: 0.8,
    base: 0,
    slope1: 0.028,
    slope2: 0.8,
  },
  WBTC: {
    ltv: 0.73,
    lt: 0.78,
    bonus: 0.05,
    protocolFee: 0.1,
    reserveFactor: 0.2,
    uOpt: 0.45,
    base: 0,
    slope1: 0.04,
    slope2: 3,
  },
  USDC: {
    ltv: 0.77,
    lt: 0.8,
    bonus: 0.045,
    protocolFee: 0.2,
    reserveFactor: 0.1,
    uOpt: 0.9,
    base: 0,
    slope1: 0.035,
    slope2: 0.6,
  },
  wstETH: {
    ltv: 0.785,
    lt: 0.81,
    bonus: 0.06,
    protocolFee: 0.1,
    reserveFactor: 0.15,
    uOpt: 0.45,
    base: 0.0025,
    slope1: 0.045,
    slope2: 0.8,
  },
};
/** Fallback for an asset with no row: no interest, no protocol fee; LTV/LT/bonus required. */
const AAVE_NO_ROW: Row = { protocolFee: 0, reserveFactor: 0, uOpt: 0.8, base: 0, slope1: 0, slope2: 0 };

/** Cross-field checks of `aave-v3` parameters (the KindDef `check`). */
export function checkAave(params: Params, path: string, issues: Issue[]): void {
  const table = readAssetTable(
    params["assets"],
    AAVE_ASSET_SPECS,
    AAVE_ROWS,
    AAVE_NO_ROW,
    ["ltv", "lt", "bonus"],
    join(path, "assets"),
    issues,
  );
  for (const [name, a] of Object.entries(table)) {
    checkRiskParams(
      num(a["ltv"]),
      num(a["lt"]),
      num(a["bonus"], 1),
      join(join(path, "assets"), name),
      issues,
    );
  }
}

/** Each asset of validated `aave-v3` parameters with its effective values (REFERENCE defaults filled). */
export function aaveAssetTable(params: Params): Record<string, Record<string, unknown>> {
  return readAssetTable(params["assets"], AAVE_ASSET_SPECS, AAVE_ROWS, AAVE_NO_ROW, [], "assets", []);
}

/** Resolves validated `aave-v3` parameters into a config (throws nothing: call after `check`). */
export function aaveConfig(params: Params): LendingConfig {
  const table = aaveAssetTable(params);
  const reserves = Object.entries(table).map(([asset, a]): ReserveConfig => {
    const uOpt = num(a["uOpt"], 0.8);
    return {
      asset,
      ltv: num(a["ltv"]),
      lt: num(a["lt"]),
      bonus: num(a["bonus"]),
      protocolFee: num(a["protocolFee"]),
      liquidationFactor: 1,
      reserveFactor: num(a["reserveFactor"]),
      borrowable: a["borrowable"] !== false,
      curve: new AaveCurve(num(a["base"]), num(a["slope1"]), num(a["slope2"]), uOpt, num(a["reserveFactor"])),
      utilization: num(a["utilization"], uOpt),
      marketSupply: num(a["marketSupply"], 1e9),
    };
  });
  return {
    rules: "aave-v3",
    reserves,
    closeFactorRule: params["closeFactorRule"] === "v3.0" ? "v3.0" : "v3.3",
    closeFactorThresholdUsd: num(params["closeFactorThresholdUsd"], 2000),
    minLeftoverUsd: num(params["minLeftoverUsd"], 1000),
    storeFront: 0,
    targetReserves: 0,
    borrowMin: 0,
    initialReserves: 0,
  };
}
