/**
 * The end of a path: its row of per-path metrics (definitions in reports/schema-paths.ts). Cost
 * totals are what the trader's own ledger accounts paid under each reason (Ledger.paid).
 */
import { Reason } from "../ledger.js";
import { recordLiquidations } from "./liquidation-metrics.js";
import type { PathRunner } from "./path-runner.js";
import { optionAccountValue } from "./venues.js";

/** Σ qty × mark over every live option of the trader, book-held and venue-held (quote). */
export function optionMarks(r: PathRunner): number {
  const b = r.book;
  let sum = 0;
  for (let i = 0; i < b.optQty.length; i++) {
    sum += b.optionValue(i, r.prices[b.optAsset[i] as number] as number, r.t);
  }
  for (const [v, a] of b.venues.optAccts) sum += optionAccountValue(v, a, r.marketL, r.t) - v.cash(a);
  return sum;
}

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
  const pnl = end - startEquity;
  const tr = r.track;
  m.set(row, "pnl", pnl);
  m.set(row, "startEquity", startEquity);
  m.set(row, "premium", tr.premium);
  m.set(row, "optionPnl", optionPnl);
  m.set(row, "hedgePnl", pnl - optionPnl);
  m.set(row, "fees", fees);
  m.set(row, "slippage", slippage);
  m.set(row, "gas", gas);
  m.set(row, "funding", funding);
  m.set(row, "hedgeCost", fees + slippage + gas + funding);
  m.set(row, "tradedNotional", tr.notional);
  m.set(row, "maxDrawdown", r.maxDd);
  m.set(row, "minPerpEquity", r.cfg.perps.length > 0 ? r.minMargin : Number.NaN);
  m.set(row, "peakMarginUtilisation", tr.peakUtilisation);
  m.set(row, "peakCapitalCommitted", tr.peakCommitted);
  m.set(row, "trades", r.trades);
  m.set(row, "rejected", r.rejected);
  m.set(row, "finalPrice", r.prices[0] as number);
  const attributed = tr.pnlDelta + tr.pnlGamma + tr.pnlTheta + tr.pnlVega - funding - fees - slippage - gas;
  m.set(row, "pnlDelta", tr.pnlDelta);
  m.set(row, "pnlGamma", tr.pnlGamma);
  m.set(row, "pnlTheta", tr.pnlTheta);
  m.set(row, "pnlVega", tr.pnlVega);
  m.set(row, "pnlFunding", -funding);
  m.set(row, "pnlCosts", -(fees + slippage + gas));
  m.set(row, "pnlResidual", pnl - attributed);
  recordLiquidations(m, row, r.log, r.logStart, r.cfg.grid.startMs, r.liquidationContext);
}
