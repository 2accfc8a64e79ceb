/** `vega-hedge`: vega neutral with a second option, then delta neutral (../option-hedge.ts). */
import { optionHedgeKind } from "../option-hedge.js";

export const vegaHedge = optionHedgeKind(
  "vega-hedge",
  "vega",
  "Neutralise the book's vega with a second option on an options venue (on the moving implied-vol surface), then its delta with the perp or spot.",
  "Hull, Options, Futures, and Other Derivatives, ch. 19 (vega neutrality)",
);
