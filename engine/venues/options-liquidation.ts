/**
 * Liquidation of an under-margined options account (documented choices).
 *
 * Trigger: equity < MM (Deribit: maintenance margin above the margin balance).
 * Action: buy back shorts at mark + penalty, the penalty (`liquidationPenalty` × underlying price
 * per option; inverse: × 1 coin) going to the insurance fund (Deribit: "BTC and ETH options 0.2 %",
 * income of the insurance fund). Shorts are bought back in order of largest IM per unit (most margin
 * released first; ties by instrument index), each only as far as needed. Target (Ballast choice):
 * equity ≥ IM afterwards — Deribit stops as soon as equity ≥ MM, which would leave the account on
 * the edge and re-liquidate it on the next tick. Buying back c units lowers equity − IM by
 * c·penalty and raises it by c·IM per unit, so c = deficit / (IM per unit − penalty).
 * When equity ≤ 0 everything is closed at mark, without penalty (longs sold at mark; like the perp
 * fee, the penalty cannot exceed the equity left), and a negative balance is covered by
 * the insurance fund, the rest socialised as bad debt against `#market`.
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import type { Instrument, OptionsVenue } from "./options-venue.js";
import type { PriceVector } from "./types.js";

/** Closes 1e-9 more than the exact amount so rounding never leaves the account on its boundary. */
const OVERSHOOT = 1 + 1e-9;

/** @returns true when anything was closed. */
export function liquidateOptions(v: OptionsVenue, t: number, a: number, prices: PriceVector): boolean {
  if (!v.isLiquidatable(a, prices, t)) return false;
  const q = v.qty[a] as number[];
  const closeAll = v.excess(a, t, prices, 0) + marginOf(v, a, t, prices) <= 0; // equity ≤ 0
  let deficit = -v.excess(a, t, prices, 1);
  const order = shortsByIm(v, a, t, prices);
  for (const i of order) {
    if (!closeAll && deficit <= 0) break;
    const ins = v.instruments[i] as Instrument;
    const s = prices[ins.underlying] as number;
    const mark = v.markAt(i, t, s);
    const im = v.shortMargin(i, t, s, mark).im;
    const pen = closeAll ? 0 : v.cfg.liquidationPenalty * (v.cfg.inverse ? 1 : s);
    const held = -(q[i] as number);
    const c = closeAll || im <= pen ? held : Math.min(held, (deficit / (im - pen)) * OVERSHOOT);
    buyBack(v, t, a, i, c, mark, pen);
    deficit -= c * (im - pen);
  }
  if (closeAll) sellLongs(v, t, a, prices);
  if (!v.hasPositions(a) && v.cash(a) < 0) coverShortfall(v, t, a, -v.cash(a));
  v.rearm(a, prices, t);
  return true;
}

/** Σ requirement MM (so that excess + margin = equity). */
function marginOf(v: OptionsVenue, a: number, t: number, prices: PriceVector): number {
  const q = v.qty[a] as number[];
  let m = 0;
  for (let i = 0; i < q.length; i++) {
    const n = q[i] as number;
    if (n >= 0) continue;
    const s = prices[(v.instruments[i] as Instrument).underlying] as number;
    m += -n * v.shortMargin(i, t, s, v.markAt(i, t, s)).mm;
  }
  return m;
}

function shortsByIm(v: OptionsVenue, a: number, t: number, prices: PriceVector): number[] {
  const q = v.qty[a] as number[];
  const ims: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i < q.length; i++) {
    if (!((q[i] as number) < 0)) continue;
    const s = prices[(v.instruments[i] as Instrument).underlying] as number;
    ims[i] = v.shortMargin(i, t, s, v.markAt(i, t, s)).im;
    idx.push(i);
  }
  return idx.sort((x, y) => (ims[y] as number) - (ims[x] as number) || x - y);
}

function buyBack(
  v: OptionsVenue,
  t: number,
  a: number,
  i: number,
  c: number,
  mark: number,
  pen: number,
): void {
  if (!(c > 0)) return;
  const asset = v.marginAsset[a] as number;
  v.book(a, i, c, mark);
  if (pen > 0) v.ledger.transfer(v.acct[a] as number, v.insuranceAcct, asset, c * pen, Reason.liquidation);
  v.events.push(t, EventType.liquidation, {
    account: v.owners[a] ?? "",
    asset: v.ledger.assets[(v.instruments[i] as Instrument).underlying] ?? "",
    size: c,
    price: mark + pen,
    venue: v.name,
    liquidator: v.ledger.accounts[v.insuranceAcct]?.name ?? v.name,
    fee: c * pen,
    detail: `${v.name} option buy-back at mark + penalty, instrument ${i}`,
  });
}

function sellLongs(v: OptionsVenue, t: number, a: number, prices: PriceVector): void {
  const q = v.qty[a] as number[];
  for (let i = 0; i < q.length; i++) {
    const n = q[i] as number;
    if (!(n > 0)) continue;
    const ins = v.instruments[i] as Instrument;
    const mark = v.markAt(i, t, prices[ins.underlying] as number);
    v.book(a, i, -n, mark);
    v.events.push(t, EventType.liquidation, {
      account: v.owners[a] ?? "",
      asset: v.ledger.assets[ins.underlying] ?? "",
      size: -n,
      price: mark,
      venue: v.name,
      liquidator: v.ledger.accounts[v.insuranceAcct]?.name ?? v.name,
      fee: 0,
      detail: `${v.name} long option sold at mark, instrument ${i}`,
    });
  }
}

/** A negative balance with no positions: insurance fund first, the rest socialised as bad debt. */
export function coverShortfall(v: OptionsVenue, t: number, a: number, shortfall: number): void {
  const asset = v.marginAsset[a] as number;
  const fund = v.ledger.balance(v.insuranceAcct, asset);
  const draw = Math.min(shortfall, Math.max(fund, 0));
  const who = v.owners[a] ?? "";
  const name = v.ledger.assets[asset] ?? "";
  if (draw > 0) {
    v.ledger.transfer(v.insuranceAcct, v.acct[a] as number, asset, draw, Reason.insurance);
    v.events.push(t, EventType.insuranceDraw, {
      account: who,
      asset: name,
      size: draw,
      price: 1,
      venue: v.name,
      insuranceDraw: draw,
      detail: `${v.name} insurance fund covers a bankrupt options account`,
    });
  }
  const rest = shortfall - draw;
  if (rest > 0) {
    v.ledger.transfer(v.marketAcct, v.acct[a] as number, asset, rest, Reason.badDebt);
    v.events.push(t, EventType.badDebt, {
      account: who,
      asset: name,
      size: rest,
      price: 1,
      venue: v.name,
      badDebt: rest,
      detail: `${v.name} options loss socialised: insurance fund empty`,
    });
  }
}
