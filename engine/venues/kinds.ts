/**
 * The venue registry (`venueKinds`): rule set → factory, with every parameter a ParamSpec carrying
 * its REFERENCE default, so `ballast list venues` prints them and scenario sections validate.
 */

import type { KindDef } from "../registry.js";
import { Registry } from "../registry.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import type { LendingMarket } from "./lending-market.js";
import { checkOptions, OPTIONS_SPECS, optionsConfig } from "./options-config.js";
import { OptionsVenue } from "./options-venue.js";
import { checkPerp, PERP_SPECS, perpConfig } from "./perp-config.js";
import { PerpVenue } from "./perp-venue.js";
import type { VenueCtx } from "./types.js";

export type Venue = LendingMarket | PerpVenue | OptionsVenue;

export const perpLinearKind: KindDef<PerpVenue, VenueCtx> = {
  kind: "perp-linear",
  summary:
    "linear USD-margined perpetual: tiered IMF/MMF, funding, partial liquidation, insurance fund, ADL or socialised loss",
  source:
    "Binance USDⓈ-M support pages (tiers, liquidation price, funding); dydxprotocol/v4-chain x/perpetuals, x/clob liquidations (REFERENCE 'Perpetual futures')",
  params: PERP_SPECS,
  check: checkPerp,
  create: (params, ctx) => new PerpVenue(ctx.name, perpConfig(params), ctx.ledger, ctx.events),
};

export const optionsStandardKind: KindDef<OptionsVenue, VenueCtx> = {
  kind: "options-standard",
  summary:
    "European options with Deribit-style standard margin (inverse or linear), expiry settlement, liquidation by buy-back",
  source:
    "Deribit standard margin (third-party copy, UNVERIFIED), Aevo docs for the linear variant; Black-76 marks (REFERENCE 'Options margin and conventions')",
  params: OPTIONS_SPECS,
  check: checkOptions,
  create: (params, ctx) => new OptionsVenue(ctx.name, optionsConfig(params), ctx.ledger, ctx.events),
};

/** All venue rule sets. */
export const venueKinds = new Registry<Venue, VenueCtx>("venue", [
  aaveV3Kind as KindDef<Venue, VenueCtx>,
  compoundV3Kind as KindDef<Venue, VenueCtx>,
  perpLinearKind as KindDef<Venue, VenueCtx>,
  optionsStandardKind as KindDef<Venue, VenueCtx>,
]);
