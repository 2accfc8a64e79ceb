/**
 * Depeg: a temporary deviation of one asset from where it would otherwise trade (USDC vs USD,
 * stETH vs ETH). Profile of the log deviation L = log(1 + size):
 *   0 before `at`; ramps linearly to L over `over`; holds L for `hold`; then, when `recover` is
 *   given, returns linearly (in log space) to 0 over `recover`; without `recover` it stays at L.
 * Prices are multiplied by e^{profile}, so after recovery the path is exactly the unshocked one.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Shock } from "./types.js";
import { common, logProfileShock } from "./window.js";

export interface DepegTimes {
  readonly atMs: number;
  readonly overMs: number;
  readonly holdMs: number;
  /** Undefined: no recovery. */
  readonly recoverMs: number | undefined;
}

export function depegLog(size: number, w: DepegTimes): (offsetMs: number) => number {
  const full = Math.log1p(size);
  const peakEnd = w.overMs + w.holdMs;
  return (t) => {
    const d = t - w.atMs;
    if (d < 0) return 0;
    if (d < w.overMs) return (full * d) / w.overMs;
    if (w.recoverMs === undefined || d <= peakEnd) return full;
    if (d >= peakEnd + w.recoverMs) return 0;
    return full * (1 - (d - peakEnd) / w.recoverMs);
  };
}

export function depegShock(p: Params): Shock {
  const asset = p["asset"] as string;
  const at = p["at"] as number;
  const times = {
    atMs: at,
    overMs: p["over"] as number,
    holdMs: p["hold"] as number,
    recoverMs: p["recover"] as number | undefined,
  };
  return logProfileShock(asset, at, depegLog(p["size"] as number, times));
}

export const depegKind: KindDef<Shock> = {
  kind: "depeg",
  summary: "Temporary deviation of one asset from its peg, optionally recovering linearly in log space",
  params: {
    ...common,
    size: {
      type: "number",
      description: "deviation at the trough, e.g. -0.13 for 0.87 per 1",
      min: -1,
      exclusiveMin: true,
    },
    over: {
      type: "duration",
      description: "time to reach the full deviation (0 = instant)",
      default: 0,
      min: 0,
    },
    hold: { type: "duration", description: "time spent at the full deviation", default: 0, min: 0 },
    recover: {
      type: "duration",
      description: "time to return to the peg (absent: no recovery)",
      optional: true,
      min: 0,
    },
  },
  create: depegShock,
};
