/**
 * Collateral moved between venues (`IntentSink.transfer`) on a route of `execution.transfers`.
 * A transfer is two steps. It leaves after the execution latency, as one transaction (gas): the
 * source venue releases it under its own rules (a lending market's LTV gate, a perp or options
 * account's free margin; the wallet its balance) into a transit account, where it backs nothing
 * — no venue counts it, it is not in the trader's equity either. It arrives the route's `delay`
 * later, less the route's fee (`fee` + `feeRate` × amount, to the fees account), and is
 * deposited at the destination (supplied on a lending market, margin on a perp or options venue,
 * or left in the wallet); the arrival is a `collateral` event. A route that is not declared, or a
 * source that refuses, is a `rejected` event the strategy sees at its next callback.
 */
import { InternalError } from "../errors.js";
import { Reason } from "../ledger.js";
import { Phase } from "../queue.js";
import { LendingMarket } from "../venues/lending-market.js";
import { OptionsVenue } from "../venues/options-venue.js";
import { PerpVenue } from "../venues/perp-venue.js";
import type { Route } from "./config.js";
import { Kind, type PathRunner } from "./path-runner.js";

interface Pending {
  readonly route: Route;
  /** Market asset index (the quote currency: nAssets). */
  readonly asset: number;
  readonly amount: number;
  /** Sent (in transit) or not yet. */
  sent: boolean;
}

export class Transfers {
  private readonly slots: (Pending | undefined)[] = [];
  private free: number[] = [];
  private transit = -1;

  constructor(private readonly r: PathRunner) {}

  /** A new path: a fresh ledger (the transit account is opened on it when first needed). */
  reset(): void {
    this.slots.length = 0;
    this.free = [];
    this.transit = -1;
  }

  submit(from: number, to: number, asset: number, amount: number): void {
    const r = this.r;
    const route = r.cfg.execution.transfers?.find((x) => x.from === from && x.to === to);
    const what = `transfer of ${amount} ${this.name(asset)} from ${this.venue(from)} to ${this.venue(to)}`;
    if (!route) {
      r.intents.reject(
        what,
        this.name(asset),
        amount,
        "rejected: no such route; declare it under execution.transfers",
      );
      return;
    }
    if (!(amount > 0) || !Number.isFinite(amount)) {
      r.intents.reject(what, this.name(asset), amount, "rejected: amount must be > 0");
      return;
    }
    const lat = r.cfg.execution.latency;
    const delay = Math.ceil(lat.delayMs(r.t, lat.usesStress ? r.stressNow() : 0, r.execRng));
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = { route, asset, amount, sent: false };
    r.q.push(r.t + delay, Phase.execution, Kind.transfer, slot);
  }

  /** The transfer in `slot` leaves its source, or arrives. */
  step(slot: number): void {
    const p = this.slots[slot];
    if (!p) throw new InternalError(`no transfer in slot ${slot}`);
    if (p.sent) this.arrive(p);
    else if (this.send(p)) {
      p.sent = true;
      this.r.q.push(this.r.t + p.route.delayMs, Phase.execution, Kind.transfer, slot);
      return;
    }
    this.slots[slot] = undefined;
    this.free.push(slot);
  }

  private send(p: Pending): boolean {
    const r = this.r;
    const b = r.book;
    const k = this.ledgerAsset(p.asset);
    const v = p.route.from < 0 ? undefined : b.venues.venues[p.route.from];
    const before = r.log.length;
    let ok = false;
    if (v === undefined) ok = b.ledger.balance(b.wallet, k) >= p.amount;
    else if (v instanceof LendingMarket) {
      v.accrue(r.t);
      ok = v.withdraw(r.t, b.venues.lendAccount(v, b.wallet), k, p.amount, r.oracleL);
    } else if ((v instanceof PerpVenue || v instanceof OptionsVenue) && k === b.quote) {
      const a =
        v instanceof PerpVenue ? b.venues.perpAccount(v, b.wallet) : b.venues.optionAccount(v, b.wallet);
      ok = v.withdraw(r.t, a, p.amount, r.oracleL);
    }
    const what = this.describe(p);
    if (!ok) {
      const venueSaid = r.log.length > before ? r.log.detail[r.log.length - 1] : undefined;
      r.intents.reject(
        what,
        this.name(p.asset),
        p.amount,
        venueSaid ?? "rejected: the source cannot release it",
      );
      return false;
    }
    if (this.transit < 0) {
      this.transit = b.ledger.account("trader:transit");
      b.transit = this.transit;
    }
    b.ledger.transfer(b.wallet, this.transit, k, p.amount, Reason.deposit);
    r.intents.payGas();
    this.log(p, `${what} sent`);
    return true;
  }

  private arrive(p: Pending): void {
    const r = this.r;
    const b = r.book;
    const k = this.ledgerAsset(p.asset);
    const fee = Math.min(p.amount, p.route.fee + p.route.feeRate * p.amount);
    const net = p.amount - fee;
    b.ledger.transfer(this.transit, b.fees, k, fee, Reason.fee);
    b.ledger.transfer(this.transit, b.wallet, k, net, Reason.deposit);
    const v = p.route.to < 0 ? undefined : b.venues.venues[p.route.to];
    if (v instanceof LendingMarket) {
      v.accrue(r.t);
      v.deposit(r.t, b.venues.lendAccount(v, b.wallet), k, net);
    } else if (v instanceof PerpVenue && k === b.quote)
      v.deposit(r.t, b.venues.perpAccount(v, b.wallet), net);
    else if (v instanceof OptionsVenue && k === b.quote)
      v.deposit(r.t, b.venues.optionAccount(v, b.wallet), net, r.oracleL);
    this.log(p, `${this.describe(p)} arrived: ${net} after a fee of ${fee}`);
  }

  private log(p: Pending, detail: string): void {
    this.r.intents.logCollateral(p.asset, p.amount, detail);
  }

  private ledgerAsset(asset: number): number {
    return asset === this.r.cfg.assets.length ? 0 : asset + 1;
  }

  private name(asset: number): string {
    return this.r.intents.assetName(asset);
  }

  private venue(v: number): string {
    return v < 0 ? "wallet" : (this.r.cfg.venues[v]?.name ?? `venue ${v}`);
  }

  private describe(p: Pending): string {
    return `transfer of ${p.amount} ${this.name(p.asset)} from ${this.venue(p.route.from)} to ${this.venue(p.route.to)}`;
  }
}
