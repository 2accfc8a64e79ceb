/** `hold`: never trades. The unhedged baseline every hedge is compared with. */
import type { KindDef } from "../../engine/registry.js";
import type { Strategy } from "../../engine/strategy.js";
import type { StrategyContext } from "../types.js";

export const hold: KindDef<Strategy, StrategyContext> = {
  kind: "hold",
  summary: "Keep the initial book; never trade (the unhedged baseline).",
  params: {},
  create: () => ({
    start: () => {},
    onTimer: () => {},
  }),
};
