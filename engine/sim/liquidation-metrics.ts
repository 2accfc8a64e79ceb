/**
 * Per-path liquidation figures, read back from the event log rows of the path (liquidations, bad
 * debt and insurance draws are kept for every path; see EventLog), named per venue type:
 * - perp: perpMarginLost — per perp venue where the trader was liquidated, the margin deposited at
 *   the start minus the margin balance right after the last liquidation (floored at 0): the margin
 *   the account no longer has; perpLiquidationFees — fees charged plus the price concession of
 *   closes moved by impact (the `fee` and `slippage` of its liquidation rows).
 * - options venue: optionsLiquidationPenalty — the penalty paid on shorts bought back (`fee`).
 * - lending: collateralSeized — collateral taken, valued at the price used; liquidationBonus — what
 *   the borrower paid beyond the debt repaid, the protocol's share included.
 * - any venue: badDebt — debt written off on the trader's accounts (the `badDebt` of bad-debt rows);
 *   insuranceDraw — what a venue's insurance fund paid for them.
 * firstLiquidationHours: hours from the start to the first liquidation (NaN when none).
 */
import { type EventLog, EventType } from "../events.js";
import { MS_PER_HOUR } from "../units.js";
import type { PathMetrics } from "./path-metrics.js";
import { TRADER } from "./venues.js";

/** Venue name → its type, and the margin the trader deposited at each perp venue at the start. */
export interface LiquidationContext {
  readonly lending: ReadonlySet<string>;
  readonly perpDeposits: ReadonlyMap<string, number>;
}

export function recordLiquidations(
  m: PathMetrics,
  row: number,
  log: EventLog,
  from: number,
  startMs: number,
  ctx: LiquidationContext,
): void {
  const sums = {
    liquidations: 0,
    perpFees: 0,
    optionsPenalty: 0,
    seized: 0,
    bonus: 0,
    badDebt: 0,
    insurance: 0,
  };
  let first = Number.NaN;
  const balanceAfter = new Map<string, number>();
  const a = log.amounts;
  for (let i = from; i < log.length; i++) {
    if (log.account[i] !== TRADER) continue;
    const type = log.type[i];
    const venue = log.names.venue[i] as string;
    if (type === EventType.liquidation) {
      sums.liquidations++;
      if (Number.isNaN(first)) first = ((log.timeMs[i] as number) - startMs) / MS_PER_HOUR;
      if (ctx.lending.has(venue)) {
        sums.seized += a.collateralSeized[i] as number;
        sums.bonus += a.bonus[i] as number;
      } else if (ctx.perpDeposits.has(venue)) {
        sums.perpFees += (a.fee[i] as number) + (a.slippage[i] as number);
        balanceAfter.set(venue, a.marginBalanceAfter[i] as number);
      } else sums.optionsPenalty += a.fee[i] as number;
    } else if (type === EventType.badDebt) sums.badDebt += a.badDebt[i] as number;
    else if (type === EventType.insuranceDraw) sums.insurance += a.insuranceDraw[i] as number;
  }
  let marginLost = 0;
  for (const [venue, after] of balanceAfter) {
    marginLost += Math.max(0, (ctx.perpDeposits.get(venue) as number) - after);
  }
  m.set(row, "liquidations", sums.liquidations);
  m.set(row, "firstLiquidationHours", first);
  m.set(row, "perpMarginLost", marginLost);
  m.set(row, "perpLiquidationFees", sums.perpFees);
  m.set(row, "optionsLiquidationPenalty", sums.optionsPenalty);
  m.set(row, "collateralSeized", sums.seized);
  m.set(row, "liquidationBonus", sums.bonus);
  m.set(row, "badDebt", sums.badDebt);
  m.set(row, "insuranceDraw", sums.insurance);
}
