/**
 * Execution of an order when it reaches the venue (DESIGN: execution): at the market mid of that
 * moment, limited by the impact model's capacity (partial fill or rejection, both reported as
 * events), moved by price impact (posted as slippage), paying the taker fee on the execution
 * price's notional and the gas of one transaction.
 */
import { EventType } from "../events.js";
import { FillQuote, quoteFill } from "../execution/quote.js";
import type { ImpactModel } from "../execution/types.js";
import { Instrument } from "../strategy.js";
import type { PathRunner } from "./path-runner.js";
import { type FillCosts, fillPerp, fillSpot } from "./trading.js";

export interface ExecScratch extends FillCosts {
  readonly quote: FillQuote;
}

export function newExecScratch(): ExecScratch {
  return { fee: 0, slippage: 0, gas: 0, quote: new FillQuote() };
}

const INSTRUMENT_NAMES = ["spot", "perp"];

/** Executes order `slot` at this instant's mid, priced by `quoteFill` (the one pricing of a fill). */
export function executeOrder(r: PathRunner, slot: number, c: ExecScratch): void {
  const o = r.orders;
  const instrument = o.instrument[slot] as number;
  const asset = o.asset[slot] as number;
  const wanted = o.qty[slot] as number;
  o.remove(slot);
  const ex = r.cfg.execution;
  const impact = ex.impact[asset] as ImpactModel;
  const mid = r.prices[asset] as number;
  const q = quoteFill(wanted, mid, r.t, impact, ex.fees, false, c.quote);
  const qty = q.filledQty;
  if (qty !== wanted) {
    const why = qty === 0 ? "rejected: no liquidity" : `partially filled: ${qty}`;
    report(r, qty === 0 ? EventType.rejected : EventType.partialFill, instrument, asset, wanted, qty, why);
  }
  if (qty === 0) {
    r.rejected++;
    return;
  }
  c.slippage = q.slippageQuote;
  c.fee = q.feeQuote;
  const gasPrice = ex.gasAsset >= 0 ? (r.prices[ex.gasAsset] as number) : 1;
  c.gas = ex.gas.costQuote(r.t, gasPrice, ex.gas.usesStress ? r.stressNow() : 0);
  if (instrument === Instrument.perp) {
    // The venue may refuse (initial margin): it logs the rejection; nothing traded, nothing paid.
    if (!fillPerp(r.book, r.t, asset, qty, mid, c, r.oracleL)) {
      r.rejected++;
      r.intents.refuse(`perp order of ${qty} ${r.cfg.assets[asset]}`, r.log.detail[r.log.length - 1] ?? "");
      return;
    }
  } else fillSpot(r.book, asset, qty, mid, c);
  impact.onFill(qty, mid, r.t);
  r.trades++;
  r.track.notional += Math.abs(qty) * q.avgPrice;
  if (r.log.keepAll) {
    r.log.push(r.t, EventType.trade, {
      account: "trader",
      asset: r.cfg.assets[asset] as string,
      size: qty,
      price: q.avgPrice,
      fee: c.fee,
      slippage: c.slippage,
      gas: c.gas,
      detail: INSTRUMENT_NAMES[instrument] as string,
    });
  }
}

/**
 * An order that would reach the venue after the end of the path never fills: the run stops at the
 * horizon (its results are valued there), so it is reported and counted as rejected.
 */
export function expireOrder(r: PathRunner, slot: number, delayMs: number): void {
  const o = r.orders;
  const why = `rejected: its ${delayMs} ms latency ends after the end of the path`;
  report(
    r,
    EventType.rejected,
    o.instrument[slot] as number,
    o.asset[slot] as number,
    o.qty[slot] as number,
    0,
    why,
  );
  o.remove(slot);
  r.rejected++;
}

/** Logs what became of an order (`why`: rejected or partially filled, and how) at this instant's mid. */
function report(
  r: PathRunner,
  type: EventType,
  instrument: number,
  asset: number,
  wanted: number,
  filled: number,
  why: string,
): void {
  const detail = `${INSTRUMENT_NAMES[instrument]} order of ${wanted} ${why}`;
  r.log.push(r.t, type, {
    account: "trader",
    asset: r.cfg.assets[asset] as string,
    size: filled,
    price: r.prices[asset] as number,
    detail,
  });
  r.intents.refuse(`${INSTRUMENT_NAMES[instrument]} order of ${wanted} ${r.cfg.assets[asset]}`, detail);
}
