/**
 * The chain under load: the going gas price and the inclusion delay of a liquidation transaction.
 * During a crash both grow (REFERENCE "Gas": ≈ 80–100 gwei on 12–13 March 2020, 3–5× normal;
 * ≈ 700 gwei on 19 May 2021):
 *
 *   going(t) = base · (1 + gasPerMove · 100·|ln(P_gas(t)/P_gas(t−step))| + gasPerPending · pending)
 *
 * (gasPerMove: multiples of the base per 1 % move of the gas asset over the last step;
 * gasPerPending: per liquidation waiting for inclusion). A bid at or above the going price is
 * included after `inclusionMs`; a bid below it waits `delayPerShortGweiMs` more per gwei short
 * (a keeper with a stale fixed bid is "stalled", as Maker's keepers were on 12 March 2020).
 * A bid of 0 pays the going price. Gas cost = gasUnits · gwei · 1e-9 · P_gas.
 */
import type { ChainSpec, LiquidatorSpec } from "./config.js";

export function goingGwei(c: ChainSpec, prevGasPrice: number, gasPrice: number, pending: number): number {
  const move = prevGasPrice > 0 && gasPrice > 0 ? Math.abs(Math.log(gasPrice / prevGasPrice)) : 0;
  return c.baseGwei * (1 + c.gasPerMove * 100 * move + c.gasPerPending * pending);
}

export function inclusionDelayMs(c: ChainSpec, l: LiquidatorSpec, going: number): number {
  const bid = l.gasBidGwei;
  if (!(bid > 0) || bid >= going) return c.inclusionMs;
  return c.inclusionMs + c.delayPerShortGweiMs * (going - bid);
}

export function gasCostQuote(c: ChainSpec, l: LiquidatorSpec, going: number, gasAssetPrice: number): number {
  if (c.gasAsset < 0) return 0;
  const gwei = l.gasBidGwei > 0 ? l.gasBidGwei : going;
  return c.gasUnits * gwei * 1e-9 * gasAssetPrice;
}
