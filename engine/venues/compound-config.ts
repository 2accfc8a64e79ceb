/**
 * Compound v3 (Comet) parameters: collateral table defaults from the cUSDCv3 launch configuration
 * (REFERENCE "Lending: Compound v3"), resolved into a LendingConfig whose reserve 0 is the base asset.
 */
import type { Issue } from "../errors.js";
import { join, type ParamSpec, type ParamSpecs, type Params } from "../params.js";
import { frac, num, POOL_SPECS, type Row, readAssetTable } from "./asset-table.js";
import { checkCompoundCollateral } from "./compound-v3.js";
import type { LendingConfig, ReserveConfig } from "./lending-config.js";
import { CompoundCurves, ZERO_RATES } from "./rate-curve.js";

/** Compound collateral parameters (REFERENCE cUSDCv3 launch table). */
export const COMPOUND_COLLATERAL_SPECS: ParamSpecs = {
  preset: {
    type: "enum",
    description: "REFERENCE row to take defaults from",
    values: ["WETH", "WBTC", "LINK"],
    optional: true,
  },
  borrowCF: frac("borrow collateral factor: gates borrows and withdrawals"),
  liquidateCF: frac("liquidation collateral factor: liquidatable iff debt > Σ coll·P·liquidateCF"),
  liquidationFactor: frac("share of collateral value credited on absorb (1 − penalty)"),
  marketSupply: POOL_SPECS["marketSupply"] as ParamSpec,
};
export const COMPOUND_ROWS: Readonly<Record<string, Row>> = {
  WETH: { borrowCF: 0.825, liquidateCF: 0.895, liquidationFactor: 0.95 },
  WBTC: { borrowCF: 0.7, liquidateCF: 0.77, liquidationFactor: 0.95 },
  LINK: { borrowCF: 0.79, liquidateCF: 0.85, liquidationFactor: 0.93 },
};

/** Cross-field checks of `compound-v3` parameters. */
export function checkCompound(params: Params, path: string, issues: Issue[]): void {
  const at = join(path, "collaterals");
  const table = readAssetTable(
    params["collaterals"],
    COMPOUND_COLLATERAL_SPECS,
    COMPOUND_ROWS,
    {},
    ["borrowCF", "liquidateCF", "liquidationFactor"],
    at,
    issues,
  );
  for (const [name, c] of Object.entries(table)) {
    checkCompoundCollateral(
      num(c["borrowCF"]),
      num(c["liquidateCF"]),
      num(c["liquidationFactor"]),
      join(at, name),
      issues,
    );
  }
  if (Object.keys(table).includes(String(params["base"]))) {
    issues.push({
      code: "invariant",
      path: at,
      message: `found the base asset ${String(params["base"])} among collaterals; allowed: other assets`,
    });
  }
}

/** Resolves validated `compound-v3` parameters: the base reserve first, then the collaterals. */
/** A reserve with every Aave-only field neutral. */
function reserve(asset: string, fields: Partial<ReserveConfig>): ReserveConfig {
  const neutral = { ltv: 0, lt: 0, bonus: 0, protocolFee: 0, liquidationFactor: 1, reserveFactor: 0 };
  return {
    asset,
    ...neutral,
    borrowable: false,
    curve: ZERO_RATES,
    utilization: 0,
    marketSupply: 1e9,
    ...fields,
  };
}

/** Each collateral of validated `compound-v3` parameters with its effective values. */
export function compoundCollateralTable(params: Params): Record<string, Record<string, unknown>> {
  return readAssetTable(
    params["collaterals"],
    COMPOUND_COLLATERAL_SPECS,
    COMPOUND_ROWS,
    {},
    [],
    "collaterals",
    [],
  );
}

export function compoundConfig(params: Params): LendingConfig {
  const p = (k: string) => num(params[k]);
  const curve = new CompoundCurves(
    { base: p("supplyBase"), low: p("supplyLow"), kink: p("supplyKink"), high: p("supplyHigh") },
    { base: p("borrowBase"), low: p("borrowLow"), kink: p("borrowKink"), high: p("borrowHigh") },
  );
  const base = reserve(String(params["base"]), {
    borrowable: true,
    curve,
    utilization: num(params["utilization"], p("borrowKink")),
    marketSupply: num(params["marketSupply"], 1e9),
  });
  const table = compoundCollateralTable(params);
  const colls = Object.entries(table).map(([asset, c]) =>
    reserve(asset, {
      ltv: num(c["borrowCF"]),
      lt: num(c["liquidateCF"]),
      liquidationFactor: num(c["liquidationFactor"], 1),
      marketSupply: num(c["marketSupply"], 1e9),
    }),
  );
  return {
    rules: "compound-v3",
    reserves: [base, ...colls],
    closeFactorRule: "v3.3",
    closeFactorThresholdUsd: 0,
    minLeftoverUsd: 0,
    storeFront: p("storeFront"),
    targetReserves: p("targetReserves"),
    borrowMin: p("borrowMin"),
    initialReserves: p("reserves"),
  };
}
