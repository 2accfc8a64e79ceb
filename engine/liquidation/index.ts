/** Public API of the liquidation engine and its agents. */
export { LiquidationEngine, type LiquidationStats } from "./liquidation-engine.js";
export { LIQUIDATOR_SPECS, Liquidator, type LiquidatorConfig, liquidatorConfig } from "./liquidator.js";
