/**
 * Fee schedules: maker and taker fees as fractions of filled notional (REFERENCE: Execution costs,
 * Fees — base tiers). A scenario gives either a preset name or `{ maker, taker }`. Rebates
 * (negative fees) are not supported: `quoteFill` promises a non-negative fee.
 */
import type { Issue } from "../errors.js";
import { describeValue } from "../errors.js";
import { didYouMean, isRecord, keyList, type ParamSpecs, readParams } from "../params.js";
import type { FeeSchedule } from "./types.js";

export const FEE_PRESETS: Readonly<Record<string, FeeSchedule>> = {
  /** Binance USDⓈ-M perps, base tier. */
  "binance-usdm": { maker: 0.0002, taker: 0.0005 },
  /** dYdX v4 perps, tier 1. */
  "dydx-v4": { maker: 0.0001, taker: 0.0005 },
  /** Hyperliquid perps, base tier. */
  hyperliquid: { maker: 0.00015, taker: 0.00045 },
  /** Deribit BTC/ETH perps. */
  "deribit-perp": { maker: 0, taker: 0.0005 },
  none: { maker: 0, taker: 0 },
};

export const FEE_PARAMS: ParamSpecs = {
  maker: { type: "number", description: "maker fee, fraction of notional", default: 0.0002, min: 0, max: 1 },
  taker: { type: "number", description: "taker fee, fraction of notional", default: 0.0005, min: 0, max: 1 },
};

/** Reads a preset name or `{ maker, taker }` (defaults: Binance USDⓈ-M base tier). */
export function readFeeSchedule(raw: unknown, path: string, issues: Issue[]): FeeSchedule | undefined {
  if (typeof raw === "string") {
    const preset = FEE_PRESETS[raw];
    if (!preset) {
      const names = Object.keys(FEE_PRESETS);
      issues.push({
        code: "unknown_kind",
        path,
        message: `unknown fee preset ${describeValue(raw)}${didYouMean(raw, names)}; allowed: ${names.join(", ")}`,
      });
    }
    return preset;
  }
  if (!isRecord(raw)) {
    issues.push({
      code: "wrong_type",
      path,
      message: `found ${describeValue(raw)}; allowed: a preset name or a mapping ${keyList(FEE_PARAMS)}`,
    });
    return undefined;
  }
  const before = issues.length;
  const p = readParams(raw, FEE_PARAMS, path, issues, false);
  if (issues.length !== before) return undefined;
  return Object.freeze({ maker: p["maker"] as number, taker: p["taker"] as number });
}
