/**
 * The end of a path: its row of per-path metrics (definitions in path-metrics.ts). Cost totals are
 * what the trader's own ledger accounts paid under each reason (Ledger.paid).
 */
import { Reason } from "../ledger.js";
import { recordLiquidations } from "./liquidation-metrics.js";
import type { PathRunner } from "./path-runner.js";
import { optionAccountValue } from "./venues.js";

export function writePathResults(r: PathRunner, startEquity: number): void {
  const b = r.book;
  const row = r.row;
  const m = r.metrics;
  const end = b.equity(r.marketL, r.t);
  let liveOptions = 0;
  for (let i = 0; i < b.optQty.length; i++) {
    liveOptions += b.optionValue(i, r.prices[b.optAsset[i] as number] as number, r.t);
  }
  const l = b.ledger;
  const fees = l.paid(Reason.fee, b.quote);
  const slippage = l.paid(Reason.slippage, b.quote);
  const gas = l.paid(Reason.gas, b.quote);
  const funding = l.paid(Reason.funding, b.quote);
  let venueOptions = -r.venueOptionCollateral;
  for (const [v, a] of b.venues.optAccts) venueOptions += optionAccountValue(v, a, r.marketL, r.t);
  const optionPnl = r.optionCash + liveOptions + venueOptions;
  m.set(row, "pnl", end - startEquity);
  m.set(row, "optionPnl", optionPnl);
  m.set(row, "hedgePnl", end - startEquity - optionPnl);
  m.set(row, "fees", fees);
  m.set(row, "slippage", slippage);
  m.set(row, "gas", gas);
  m.set(row, "funding", funding);
  m.set(row, "hedgeCost", fees + slippage + gas + funding);
  m.set(row, "maxDrawdown", r.maxDd);
  m.set(row, "minMargin", r.cfg.perps.length > 0 ? r.minMargin : Number.NaN);
  m.set(row, "trades", r.trades);
  m.set(row, "rejected", r.rejected);
  m.set(row, "finalPrice", r.prices[0] as number);
  recordLiquidations(m, row, r.log, r.logStart, r.cfg.grid.startMs, r.lendingVenues);
}
