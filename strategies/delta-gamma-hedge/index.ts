/** `delta-gamma-hedge`: gamma neutral with a second option, then delta neutral (../option-hedge.ts). */
import { optionHedgeKind } from "../option-hedge.js";

export const deltaGammaHedge = optionHedgeKind(
  "delta-gamma-hedge",
  "gamma",
  "Neutralise the book's gamma with a second option on an options venue, then its delta with the perp or spot.",
  "Hull, Options, Futures, and Other Derivatives, ch. 19 (gamma neutrality)",
);
