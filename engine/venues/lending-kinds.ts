/**
 * Registry definitions of the lending venues: every parameter is a ParamSpec with its REFERENCE
 * default, so `ballast list` prints them. Per-asset tables are nested; see ./lending-config.ts.
 */
import type { KindDef } from "../registry.js";
import {
  COMPOUND_COLLATERAL_SPECS,
  checkCompound,
  compoundCollateralTable,
  compoundConfig,
} from "./compound-config.js";
import { AAVE_ASSET_SPECS, aaveAssetTable, aaveConfig, checkAave } from "./lending-config.js";
import { LendingMarket } from "./lending-market.js";
import type { VenueCtx } from "./types.js";

const fieldList = (specs: Readonly<Record<string, { description: string }>>) =>
  Object.entries(specs)
    .map(([k, s]) => `${k} (${s.description})`)
    .join("; ");

export const aaveV3Kind: KindDef<LendingMarket, VenueCtx> = {
  kind: "aave-v3",
  summary: "Aave v3 lending market: HF, close factor, bonus + protocol fee, dust rule, deficit, kinked rates",
  source:
    "aave-dao/aave-v3-origin GenericLogic/LiquidationLogic/ValidationLogic, DefaultReserveInterestRateStrategyV2; REFERENCE 'Lending: Aave v3'",
  params: {
    assets: {
      type: "record",
      description: `per-asset parameters keyed by ledger asset name, defaults from the REFERENCE 2023-10-31 row of the same name (ETH→WETH, BTC→WBTC) or 'preset': ${fieldList(AAVE_ASSET_SPECS)}`,
      default: { ETH: {}, USDC: {} },
    },
    closeFactorRule: {
      type: "enum",
      description:
        "v3.0: 50 %/100 % of the reserve's debt at HF 0.95; v3.3: 100 % unless HF > 0.95 and both sides ≥ threshold",
      values: ["v3.0", "v3.3"],
      default: "v3.3",
    },
    closeFactorThresholdUsd: {
      type: "number",
      description: "v3.3 MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD (USD)",
      min: 0,
      default: 2000,
    },
    minLeftoverUsd: {
      type: "number",
      description: "v3.3 MIN_LEFTOVER_BASE dust rule (USD)",
      min: 0,
      default: 1000,
    },
  },
  check: checkAave,
  effective: (params) => ({ ...params, assets: aaveAssetTable(params) }),
  create: (params, ctx) => new LendingMarket(ctx.name, aaveConfig(params), ctx.ledger, ctx.events),
};

const rate = (description: string, dflt: number) => ({
  type: "number" as const,
  description,
  min: 0,
  max: 10,
  default: dflt,
});

export const compoundV3Kind: KindDef<LendingMarket, VenueCtx> = {
  kind: "compound-v3",
  summary:
    "Compound v3 (Comet): one borrowable base asset, absorb + buyCollateral, separate supply/borrow curves",
  source:
    "compound-finance/comet Comet.sol; cUSDCv3 launch configuration 2022-08 (REFERENCE 'Lending: Compound v3')",
  params: {
    base: { type: "string", description: "the borrowable base asset (ledger asset name)", default: "USDC" },
    collaterals: {
      type: "record",
      description: `collateral parameters keyed by ledger asset name, defaults from the REFERENCE launch table: ${fieldList(COMPOUND_COLLATERAL_SPECS)}`,
      default: { ETH: {} },
    },
    supplyBase: rate("supply curve base rate per year", 0),
    supplyLow: rate("supply slope below the kink", 0.0325),
    supplyKink: { type: "number", description: "supply curve kink", min: 0.01, max: 0.99, default: 0.8 },
    supplyHigh: rate("supply slope above the kink", 0.4),
    borrowBase: rate("borrow curve base rate per year", 0.015),
    borrowLow: rate("borrow slope below the kink", 0.035),
    borrowKink: { type: "number", description: "borrow curve kink", min: 0.01, max: 0.99, default: 0.8 },
    borrowHigh: rate("borrow slope above the kink", 0.25),
    storeFront: {
      type: "number",
      description: "storeFrontPriceFactor of buyCollateral",
      min: 0,
      max: 1,
      default: 0.5,
    },
    targetReserves: {
      type: "number",
      description: "buyCollateral only while reserves < target (base units)",
      min: 0,
      default: 5e6,
    },
    borrowMin: { type: "number", description: "minimum borrow balance (base units)", min: 0, default: 100 },
    reserves: { type: "number", description: "protocol reserves at the start (base units)", default: 0 },
    utilization: {
      type: "number",
      description: "base pool utilisation at the start (default: the borrow kink)",
      min: 0,
      max: 1,
      optional: true,
    },
    marketSupply: {
      type: "number",
      description: "base pool total supply (units), simulated accounts included",
      min: 0,
      exclusiveMin: true,
      default: 1e9,
    },
  },
  check: checkCompound,
  effective: (params) => ({ ...params, collaterals: compoundCollateralTable(params) }),
  create: (params, ctx) => new LendingMarket(ctx.name, compoundConfig(params), ctx.ledger, ctx.events),
};
