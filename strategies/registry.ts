/** The built-in strategies, by `kind` (STYLE 4). */
import { Registry } from "../engine/registry.js";
import type { Strategy } from "../engine/strategy.js";
import { collateralRebalance } from "./collateral-rebalance/index.js";
import { collateralTopup } from "./collateral-topup/index.js";
import { coveredCall } from "./covered-call/index.js";
import { deleverage } from "./deleverage/index.js";
import { deltaBand } from "./delta-band/index.js";
import { deltaGammaHedge } from "./delta-gamma-hedge/index.js";
import { deltaHedge } from "./delta-hedge/index.js";
import { forecastDeleverage } from "./forecast-deleverage/index.js";
import { fundingCarry } from "./funding-carry/index.js";
import { gammaScalp } from "./gamma-scalp/index.js";
import { hold } from "./hold/index.js";
import { protectivePut } from "./protective-put/index.js";
import type { StrategyContext } from "./types.js";
import { vegaHedge } from "./vega-hedge/index.js";
import { volArb } from "./vol-arb/index.js";
import { wwBand } from "./ww-band/index.js";

export const strategyKinds = new Registry<Strategy, StrategyContext>("strategy", [
  hold,
  deltaHedge,
  deltaBand,
  wwBand,
  deltaGammaHedge,
  vegaHedge,
  volArb,
  gammaScalp,
  collateralTopup,
  deleverage,
  collateralRebalance,
  fundingCarry,
  coveredCall,
  protectivePut,
  forecastDeleverage,
]);
