/**
 * `protective-put`: hold the asset and buy puts under it, rolled every `tenor`: the loss below
 * the strike is insured for the premium, S_T + max(K − S_T, 0) − premium at expiry (Hull,
 * *Options, Futures and Other Derivatives*, ch. 12). Costs the premium every roll in calm markets.
 */
import type { KindDef } from "../../engine/registry.js";
import type { Strategy } from "../../engine/strategy.js";
import { createOverlay, OVERLAY_PARAMS } from "../option-overlay.js";
import type { StrategyContext } from "../types.js";

export const protectivePut: KindDef<Strategy, StrategyContext> = {
  kind: "protective-put",
  summary: "Buy out-of-the-money puts under a holding on an options venue, rolled at each expiry.",
  source: "protective put payoff S_T + max(K − S_T, 0) − premium (Hull ch. 12)",
  params: OVERLAY_PARAMS,
  create: (p, ctx) => createOverlay({ isCall: false, side: 1 }, p, ctx),
};
