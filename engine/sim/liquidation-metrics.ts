/**
 * Per-path liquidation figures, read back from the event log rows of the path (liquidations,
 * bad debt and insurance draws are kept for every path; see EventLog). A liquidation's venue is the
 * first word of its detail (every venue writes its name first).
 * - collateralLost: lending — the collateral seized, at the liquidation price; perp and options —
 *   what the liquidation cost beyond closing at mark: the fee or penalty charged, plus (perp) the
 *   price concession of a close moved by impact (closing at mark only realises PnL already in equity).
 * - liquidationPenalty: the bonus (lending, protocol share included) or that cost (perp, options)
 *   the trader paid beyond the debt repaid or the position closed.
 */
import { type EventLog, EventType } from "../events.js";
import type { PathMetrics } from "./path-metrics.js";
import { TRADER } from "./venues.js";

export function recordLiquidations(
  m: PathMetrics,
  row: number,
  log: EventLog,
  from: number,
  startMs: number,
  lendingVenues: ReadonlySet<string>,
): void {
  let count = 0;
  let first = Number.NaN;
  let lost = 0;
  let penalty = 0;
  let badDebt = 0;
  let insurance = 0;
  for (let i = from; i < log.length; i++) {
    if (log.account[i] !== TRADER) continue;
    const type = log.type[i];
    if (type === EventType.liquidation) {
      count++;
      if (Number.isNaN(first)) first = (log.timeMs[i] as number) - startMs;
      const bonus = log.bonus[i] as number;
      const venue = (log.detail[i] as string).split(/[\s:]/, 1)[0] as string;
      lost += lendingVenues.has(venue) ? Math.abs(log.size[i] as number) * (log.price[i] as number) : bonus;
      penalty += bonus;
    } else if (type === EventType.badDebt) badDebt += log.shortfall[i] as number;
    else if (type === EventType.insuranceDraw) insurance += log.shortfall[i] as number;
  }
  m.set(row, "liquidations", count);
  m.set(row, "timeToFirstLiquidation", first);
  m.set(row, "collateralLost", lost);
  m.set(row, "liquidationPenalty", penalty);
  m.set(row, "badDebt", badDebt);
  m.set(row, "insuranceDraw", insurance);
}
