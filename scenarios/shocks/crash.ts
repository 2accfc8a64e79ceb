/**
 * Crash: a permanent relative move `size` of one asset (−0.35 = a 35 % fall) starting at `at`.
 * With `over` = 0 it is a jump: every price at or after `at` is multiplied by (1 + size). With
 * `over` > 0 the fall ramps geometrically (linearly in log price) over the window, reaching
 * (1 + size) at `at + over`. Returns outside the window are unchanged, so the path continues from the
 * crashed level. size > −1 keeps prices positive.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { Shock } from "./types.js";
import { common, logProfileShock } from "./window.js";

/** Log shift of a geometric ramp to log(1+size) starting at `at`, lasting `over` ms. */
export function rampLog(size: number, atMs: number, overMs: number): (offsetMs: number) => number {
  const total = Math.log1p(size);
  return (t) => {
    const d = t - atMs;
    if (d < 0) return 0;
    return overMs === 0 || d >= overMs ? total : (total * d) / overMs;
  };
}

export function crashShock(p: Params): Shock {
  const asset = p["asset"] as string;
  const at = p["at"] as number;
  return logProfileShock(asset, at, rampLog(p["size"] as number, at, p["over"] as number));
}

export const crashKind: KindDef<Shock> = {
  kind: "crash",
  summary: "Permanent fall (or rise) of one asset, instant or ramped geometrically over a window",
  params: {
    ...common,
    size: {
      type: "number",
      description: "relative move, e.g. -0.35 for a 35 % fall",
      min: -1,
      exclusiveMin: true,
    },
    over: { type: "duration", description: "length of the ramp (0 = instant)", default: 0, min: 0 },
  },
  create: crashShock,
};
