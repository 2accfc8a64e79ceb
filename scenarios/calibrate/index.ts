/** Calibration of price models to a historical price series (pure: prices in, parameters out). */
import { calibrateGarch } from "./garch.js";
import { calibrateGbm } from "./gbm.js";
import { calibrateHeston } from "./heston.js";
import { calibrateMerton } from "./merton.js";
import type { CalibratedKind, Calibration } from "./types.js";

export { toScenarioSnippet } from "./snippet.js";
export type { CalibratedKind, Calibration } from "./types.js";
export { calibrateGarch, calibrateGbm, calibrateHeston, calibrateMerton };

/** Calibrators by model kind, for `ballast calibrate --model`. */
export const CALIBRATORS: Readonly<
  Record<CalibratedKind, (prices: Float64Array, stepMs: number, timesMs?: Float64Array) => Calibration>
> = {
  gbm: calibrateGbm,
  merton: calibrateMerton,
  garch: calibrateGarch,
  heston: calibrateHeston,
};
