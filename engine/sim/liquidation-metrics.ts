/**
 * Per-path liquidation figures, read back from the event log rows of the path (liquidations,
 * bad debt and insurance draws are kept for every path; see EventLog).
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
      lost += Math.abs(log.size[i] as number) * (log.price[i] as number);
      penalty += log.bonus[i] as number;
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
