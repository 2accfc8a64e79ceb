/**
 * Option intents on an options venue (engine/venues/options-venue.ts): buy or write an option by
 * strike and expiry, or by target delta (the strike whose Black-76 delta at the oracle price and
 * the venue's vol — on an asset with an implied-vol model, the surface's vol at that strike — is
 * closest to it). Each is one order: it reaches the venue after the execution
 * latency, trades at the venue's mark at the market mid then (the premium moves with the trade),
 * pays the taker fee on the premium, and passes the venue's initial-margin check — a refusal is a
 * `rejected` event the strategy sees at its next callback. Closing is trading the opposite
 * quantity; rolling is closing one and opening the next.
 */
import { InternalError } from "../errors.js";
import { Reason } from "../ledger.js";
import { newGreeks, priceBlack } from "../pricing/black.js";
import { Phase } from "../queue.js";
import type { OptionOrder } from "../strategy.js";
import { yearFraction } from "../units.js";
import { OptionsVenue } from "../venues/options-venue.js";
import { Kind, type PathRunner } from "./path-runner.js";

interface Pending {
  readonly venue: number;
  readonly order: OptionOrder;
  readonly qty: number;
}

const g = newGreeks();

export class OptionIntents {
  private readonly slots: (Pending | undefined)[] = [];
  private free: number[] = [];

  constructor(private readonly r: PathRunner) {}

  reset(): void {
    this.slots.length = 0;
    this.free = [];
  }

  submit(venue: number, order: OptionOrder, qty: number): void {
    const r = this.r;
    const lat = r.cfg.execution.latency;
    const delay = Math.ceil(lat.delayMs(r.t, lat.usesStress ? r.stressNow() : 0, r.execRng));
    if (r.t + delay > r.endMs) {
      r.intents.reject(
        describe(order, qty),
        r.cfg.assets[order.asset] ?? "",
        qty,
        `rejected: its ${delay} ms latency ends after the end of the path`,
      );
      return;
    }
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = { venue, order: { ...order }, qty };
    r.q.push(r.t + delay, Phase.execution, Kind.optionOrder, slot);
  }

  execute(slot: number): void {
    const p = this.slots[slot];
    if (!p) throw new InternalError(`no option order in slot ${slot}`);
    this.slots[slot] = undefined;
    this.free.push(slot);
    const r = this.r;
    const v = r.book.venues.venues[p.venue];
    const o = p.order;
    const what = describe(o, p.qty);
    const asset = r.cfg.assets[o.asset] ?? "";
    if (!(v instanceof OptionsVenue)) {
      r.intents.reject(what, asset, p.qty, "rejected: not an options venue");
      return;
    }
    const s = r.prices[o.asset] as number;
    const surface = r.ivs.atm(o.asset) >= 0;
    let vol =
      o.iv ?? (surface ? r.ivs.volAt(o.asset, o.strike ?? s, o.expiryMs, s) : venueVol(v, o.asset + 1));
    if (!(vol > 0)) {
      r.intents.reject(what, asset, p.qty, "rejected: no implied vol (give iv)");
      return;
    }
    let strike = o.strike ?? strikeForDelta(o, s, r.t, v.cfg.rate, vol);
    if (o.iv === undefined && o.strike === undefined && surface) {
      // On a smile the delta depends on the strike's own vol: two fixed-point rounds settle it.
      for (let k = 0; k < 2; k++) {
        vol = r.ivs.volAt(o.asset, strike, o.expiryMs, s);
        strike = strikeForDelta(o, s, r.t, v.cfg.rate, vol);
      }
      vol = r.ivs.volAt(o.asset, strike, o.expiryMs, s);
    }
    const b = r.book;
    const a = b.venues.optionAccount(v, b.wallet);
    const i = findOrList(v, o.asset + 1, o.isCall, strike, o.expiryMs, vol);
    const price = v.markAt(i, r.t, s);
    const before = r.log.length;
    if (!v.trade(r.t, a, i, p.qty, price, r.oracleL)) {
      r.rejected++;
      r.intents.refuse(what, r.log.length > before ? (r.log.detail[r.log.length - 1] ?? "") : "refused");
      return;
    }
    const fee = Math.abs(p.qty) * price * r.cfg.execution.fees.taker;
    b.ledger.transfer(b.wallet, b.fees, b.quote, fee, Reason.fee);
    r.trades++;
    r.clock.scheduleVenueExpiry();
  }
}

/** The venue's vol for an underlying: that of its latest listed instrument on it (NaN: none). */
function venueVol(v: OptionsVenue, underlying: number): number {
  for (let i = v.instruments.length - 1; i >= 0; i--) {
    const ins = v.instruments[i];
    if (ins && ins.underlying === underlying) return ins.vol;
  }
  return Number.NaN;
}

function findOrList(
  v: OptionsVenue,
  u: number,
  isCall: boolean,
  k: number,
  exp: number,
  vol: number,
): number {
  const i = v.instruments.findIndex(
    (x) => x.underlying === u && x.isCall === isCall && x.strike === k && x.expiryMs === exp && !x.settled,
  );
  return i >= 0 ? i : v.list(u, isCall, k, exp, vol);
}

/**
 * Strike whose Black-76 delta (on the forward, at the venue's rate and `vol`) is `order.delta`:
 * delta falls monotonically in the strike for calls and puts alike, so bisection on ln K.
 */
export function strikeForDelta(o: OptionOrder, s: number, t: number, rate: number, vol: number): number {
  const tau = yearFraction(Math.max(0, o.expiryMs - t));
  const target = o.delta ?? (o.isCall ? 0.5 : -0.5);
  let lo = Math.log(s) - 10 * vol * Math.sqrt(tau) - 1;
  let hi = Math.log(s) + 10 * vol * Math.sqrt(tau) + 1;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    const d = priceBlack(g, o.isCall, s, Math.exp(mid), tau, rate, rate, vol).delta;
    if (d > target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

function describe(o: OptionOrder, qty: number): string {
  const k = o.strike !== undefined ? `strike ${o.strike}` : `delta ${o.delta}`;
  return `option order of ${qty} ${o.isCall ? "call" : "put"} (${k}, expiry ${o.expiryMs})`;
}
