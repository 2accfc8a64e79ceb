/**
 * `covered-call`: hold the asset and write calls over it, rolled every `tenor`. The premium is
 * kept; above the strike the gain is given up: at expiry the book is worth
 * S_T − max(S_T − K, 0) + premium (Hull, *Options, Futures and Other Derivatives*, ch. 12).
 * Fails in a rally (capped) and in a crash (the premium is a small cushion).
 */
import type { KindDef } from "../../engine/registry.js";
import type { Strategy } from "../../engine/strategy.js";
import { createOverlay, OVERLAY_PARAMS } from "../option-overlay.js";
import type { StrategyContext } from "../types.js";

export const coveredCall: KindDef<Strategy, StrategyContext> = {
  kind: "covered-call",
  summary: "Write out-of-the-money calls over a holding on an options venue, rolled at each expiry.",
  source: "covered call payoff S_T − max(S_T − K, 0) + premium (Hull ch. 12)",
  params: OVERLAY_PARAMS,
  create: (p, ctx) => createOverlay({ isCall: true, side: -1 }, p, ctx),
};
