/**
 * A strategy's account intents (perp margin, lending supply/withdraw/borrow/repay) and refusals.
 * An account intent is one transaction: it reaches the venue after the execution model's latency,
 * pays the gas model's cost of one transaction once the venue accepts it, and is subject to the
 * venue's own rules (LTV gates, free margin, pool liquidity: engine/venues). A refused intent — by
 * the venue, by an empty wallet, by the horizon — is a `rejected` event with its reason, and the
 * strategy reads it from `view.refusals()` at its next callback.
 */
import { InternalError } from "../errors.js";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { Phase } from "../queue.js";
import type { Refusal } from "../strategy.js";
import { LendingMarket } from "../venues/lending-market.js";
import { OptionsVenue } from "../venues/options-venue.js";
import { PerpVenue } from "../venues/perp-venue.js";
import { Kind, type PathRunner } from "./path-runner.js";

export const Action = {
  addMargin: 0,
  removeMargin: 1,
  supply: 2,
  withdraw: 3,
  borrow: 4,
  repay: 5,
} as const;
export type Action = (typeof Action)[keyof typeof Action];
const ACTION_NAMES = ["add margin", "remove margin", "supply", "withdraw", "borrow", "repay"];

interface Pending {
  action: Action;
  venue: number;
  /** Market asset index (the quote currency: nAssets). */
  asset: number;
  amount: number;
}

export class Intents {
  /** Refusals the strategy sees in its current callback, and those gathered for the next. */
  private seen: Refusal[] = [];
  private next: Refusal[] = [];
  private readonly slots: (Pending | undefined)[] = [];
  private free: number[] = [];

  constructor(private readonly r: PathRunner) {}

  reset(): void {
    this.seen = [];
    this.next = [];
    this.slots.length = 0;
    this.free = [];
  }

  /** Before a strategy callback: the refusals gathered since the previous one become visible. */
  begin(): void {
    if (this.seen.length === 0 && this.next.length === 0) return;
    this.seen = this.next;
    this.next = [];
  }

  refusals(): readonly Refusal[] {
    return this.seen;
  }

  /** Records a refusal for the strategy's next callback (the event is logged by the caller or venue). */
  refuse(intent: string, reason: string): void {
    this.next.push({ timeMs: this.r.t, intent, reason });
  }

  /** Logs a rejected event, counts it and records the refusal. */
  reject(intent: string, asset: string, size: number, reason: string): void {
    this.logRejected(intent, asset, size, reason);
    this.r.rejected++;
    this.refuse(intent, reason);
  }

  private logRejected(intent: string, asset: string, size: number, reason: string): void {
    this.r.log.push(this.r.t, EventType.rejected, {
      account: "trader",
      asset,
      size,
      price: 0,
      detail: `${intent} ${reason}`,
    });
  }

  /** Queues an account intent behind the execution latency. */
  submit(action: Action, venue: number, asset: number, amount: number): void {
    const r = this.r;
    const p: Pending = { action, venue, asset, amount };
    if (!(amount > 0) || !Number.isFinite(amount)) {
      this.reject(this.describe(p), this.assetName(asset), amount, "rejected: amount must be > 0");
      return;
    }
    const lat = r.cfg.execution.latency;
    const delay = Math.ceil(lat.delayMs(r.t, lat.usesStress ? r.stressNow() : 0, r.execRng));
    if (r.t + delay > r.endMs) {
      const why = `rejected: its ${delay} ms latency ends after the end of the path`;
      this.reject(this.describe(p), this.assetName(asset), amount, why);
      return;
    }
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = p;
    r.q.push(r.t + delay, Phase.execution, Kind.action, slot);
  }

  /** The venue receives the intent in slot `slot`. */
  execute(slot: number): void {
    const p = this.slots[slot];
    if (!p) throw new InternalError(`no account intent in slot ${slot}`);
    this.slots[slot] = undefined;
    this.free.push(slot);
    const r = this.r;
    const v = r.book.venues.venues[p.venue];
    const k = p.asset === r.cfg.assets.length ? 0 : p.asset + 1;
    if (v instanceof LendingMarket) v.accrue(r.t);
    const before = r.log.length;
    const ok =
      p.action <= Action.removeMargin
        ? (v instanceof PerpVenue || v instanceof OptionsVenue) && this.margin(v, p)
        : v instanceof LendingMarket && this.lend(v, p, k);
    if (ok) {
      this.payGas();
      this.logDone(p);
      return;
    }
    const intent = this.describe(p);
    const n = r.log.length;
    if (n > before && r.log.type[n - 1] === EventType.rejected) {
      // The venue logged its own rejection: pass its reason on.
      r.rejected++;
      this.refuse(intent, r.log.detail[n - 1] ?? "refused");
    } else {
      const kind = p.action <= Action.removeMargin ? "a perp venue" : "a lending market";
      const why = v instanceof PerpVenue || v instanceof LendingMarket ? "nothing to do" : `not ${kind}`;
      this.reject(intent, this.assetName(p.asset), p.amount, `rejected: ${why}`);
    }
  }

  private margin(v: PerpVenue | OptionsVenue, p: Pending): boolean {
    const r = this.r;
    const b = r.book;
    const a =
      v instanceof PerpVenue ? b.venues.perpAccount(v, b.wallet) : b.venues.optionAccount(v, b.wallet);
    if (p.action === Action.removeMargin) return v.withdraw(r.t, a, p.amount, r.oracleL);
    const cash = b.ledger.balance(b.wallet, b.quote);
    if (cash < p.amount) {
      this.logRejected(
        this.describe(p),
        this.assetName(p.asset),
        p.amount,
        `rejected: the wallet holds ${cash}`,
      );
      return false;
    }
    if (v instanceof PerpVenue) v.deposit(r.t, a, p.amount);
    else v.deposit(r.t, a, p.amount, r.oracleL);
    return true;
  }

  private lend(m: LendingMarket, p: Pending, k: number): boolean {
    const r = this.r;
    const b = r.book;
    const a = b.venues.lendAccount(m, b.wallet);
    switch (p.action) {
      case Action.supply:
        return m.deposit(r.t, a, k, p.amount);
      case Action.withdraw:
        return m.withdraw(r.t, a, k, p.amount, r.oracleL);
      case Action.borrow:
        return m.borrow(r.t, a, k, p.amount, r.oracleL);
      default:
        return m.repay(r.t, a, k, p.amount) > 0;
    }
  }

  /** Pays the gas model's cost of one transaction from the wallet. */
  payGas(): void {
    const r = this.r;
    const ex = r.cfg.execution;
    const b = r.book;
    const gasPrice = ex.gasAsset >= 0 ? (r.prices[ex.gasAsset] as number) : 1;
    const gas = ex.gas.costQuote(r.t, gasPrice, ex.gas.usesStress ? r.stressNow() : 0);
    b.ledger.transfer(b.wallet, b.gas, b.quote, gas, Reason.gas);
  }

  private logDone(p: Pending): void {
    this.logCollateral(p.asset, p.amount, this.describe(p));
  }

  /** A trader's `collateral` event (kept only on the paths whose events are all kept). */
  logCollateral(asset: number, size: number, detail: string): void {
    const r = this.r;
    if (!r.log.keepAll) return;
    r.log.push(r.t, EventType.collateral, {
      account: "trader",
      asset: this.assetName(asset),
      size,
      price: 0,
      detail,
    });
  }

  /** Name of a market asset index (the quote currency: nAssets). */
  assetName(asset: number): string {
    const c = this.r.cfg;
    return asset === c.assets.length ? c.quote : (c.assets[asset] ?? `asset ${asset}`);
  }

  private describe(p: Pending): string {
    const v = this.r.cfg.venues[p.venue]?.name ?? `venue ${p.venue}`;
    return `${ACTION_NAMES[p.action]} ${p.amount} ${this.assetName(p.asset)} on ${v}`;
  }
}
