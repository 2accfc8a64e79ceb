/**
 * Public API of the venues (rule sets and stateful venues); see ./types.ts for the ledger account
 * naming convention and the Liquidatable contract the liquidation engine drives.
 */
export * from "./aave-v3.js";
export * from "./compound-v3.js";
export { optionsStandardKind, perpLinearKind, type Venue, venueKinds } from "./kinds.js";
export type { LendingConfig, ReserveConfig } from "./lending-config.js";
export { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
export { LiqCode, type LiquidationOutcome } from "./lending-liquidation.js";
export { LendingMarket } from "./lending-market.js";
export type { OptionsConfig } from "./options-config.js";
export * from "./options-margin.js";
export { type Instrument, OptionsVenue } from "./options-venue.js";
export type { Bankruptcy, FundingSource, PerpConfig } from "./perp-config.js";
export * from "./perp-rules.js";
export { PerpVenue } from "./perp-venue.js";
export * from "./rate-curve.js";
export { TriggerKind, Triggers } from "./trigger.js";
export * from "./types.js";
