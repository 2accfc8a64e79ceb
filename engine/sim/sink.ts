/**
 * The intent sink a strategy writes to (engine/strategy.ts): trades go to the runner's order flow,
 * account intents to Intents, watches to Triggers. Arguments are checked here, so a strategy that
 * asks for something impossible (an unknown venue or asset, a non-finite amount) fails loudly with
 * the simulated time instead of corrupting a run.
 */
import { StrategyError } from "../errors.js";
import type { Instrument, IntentSink, OptionOrder } from "../strategy.js";
import { Action } from "./intents.js";
import type { PathRunner } from "./path-runner.js";

export class RunnerSink implements IntentSink {
  readonly #r: PathRunner;

  constructor(r: PathRunner) {
    this.#r = r;
  }

  trade(instrument: Instrument, asset: number, qty: number): void {
    const r = this.#r;
    if (!(instrument === 0 || instrument === 1) || !(asset >= 0 && asset < r.cfg.assets.length)) {
      this.#bad(
        `trade(${instrument}, ${asset}, ${qty}): instrument 0 (spot) or 1 (perp), asset 0…${r.cfg.assets.length - 1}`,
      );
    }
    if (Number.isNaN(qty)) this.#bad(`trade(${instrument}, ${asset}, NaN): the quantity must be a number`);
    r.flow.submit(instrument, asset, qty);
  }

  setTimer(delayMs: number, tag = 0): void {
    const r = this.#r;
    if (!(delayMs > 0)) this.#bad(`setTimer(${delayMs}): the delay must be > 0 ms`);
    r.timer(delayMs, tag);
  }

  tradeOption(venue: number, order: OptionOrder, qty: number): void {
    const r = this.#r;
    this.#venue(venue, "tradeOption");
    const ok =
      Number.isFinite(qty) &&
      order.asset >= 0 &&
      order.asset < r.cfg.assets.length &&
      Number.isFinite(order.expiryMs) &&
      (order.strike === undefined || order.strike > 0) &&
      (order.delta === undefined || Math.abs(order.delta) < 1);
    if (!ok)
      this.#bad(
        `tradeOption(${venue}, ${JSON.stringify(order)}, ${qty}): an asset, an expiry, a strike > 0 or |delta| < 1`,
      );
    if (qty !== 0) r.optionIntents.submit(venue, order, qty);
  }

  addMargin(venue: number, amount: number): void {
    this.#account(Action.addMargin, venue, this.#r.cfg.assets.length, amount);
  }

  removeMargin(venue: number, amount: number): void {
    this.#account(Action.removeMargin, venue, this.#r.cfg.assets.length, amount);
  }

  supply(venue: number, asset: number, amount: number): void {
    this.#account(Action.supply, venue, asset, amount);
  }

  withdraw(venue: number, asset: number, amount: number): void {
    this.#account(Action.withdraw, venue, asset, amount);
  }

  borrow(venue: number, asset: number, amount: number): void {
    this.#account(Action.borrow, venue, asset, amount);
  }

  repay(venue: number, asset: number, amount: number): void {
    this.#account(Action.repay, venue, asset, amount);
  }

  transfer(from: number, to: number, asset: number, amount: number): void {
    const r = this.#r;
    const what = `transfer(${from}, ${to}, ${asset}, ${amount})`;
    if (from !== -1) this.#venue(from, what);
    if (to !== -1) this.#venue(to, what);
    if (!(asset >= 0 && asset <= r.cfg.assets.length) || Number.isNaN(amount))
      this.#bad(`${what}: an asset index 0…${r.cfg.assets.length} and an amount`);
    r.transfers.submit(from, to, asset, amount);
  }

  watchOracle(asset: number, minMove = 0): void {
    if (!(asset >= 0 && asset < this.#r.cfg.assets.length) || !(minMove >= 0)) {
      this.#bad(`watchOracle(${asset}, ${minMove}): an asset index and a move ≥ 0`);
    }
    this.#r.triggers.watchOracle(asset, minMove);
  }

  watchHealth(venue: number, level: number, tag = 0): void {
    this.#venue(venue, `watchHealth(${venue}, ${level})`);
    if (!(level > 0) || !Number.isInteger(tag))
      this.#bad(`watchHealth(${venue}, ${level}, ${tag}): a level > 0, an integer tag`);
    this.#r.triggers.watchHealth(venue, level, tag);
  }

  #account(action: Action, venue: number, asset: number, amount: number): void {
    this.#venue(venue, `account intent on venue ${venue}`);
    if (!(asset >= 0 && asset <= this.#r.cfg.assets.length) || Number.isNaN(amount)) {
      this.#bad(
        `account intent (${asset}, ${amount}): an asset index 0…${this.#r.cfg.assets.length} and an amount`,
      );
    }
    this.#r.intents.submit(action, venue, asset, amount);
  }

  #venue(venue: number, what: string): void {
    if (!(Number.isInteger(venue) && venue >= 0 && venue < this.#r.cfg.venues.length)) {
      this.#bad(`${what}: no venue ${venue} (use view.venueIndex(name))`);
    }
  }

  #bad(msg: string): never {
    const r = this.#r;
    throw new StrategyError(r.cfg.strategyLabel ?? "strategy", r.t, `invalid intent ${msg}`);
  }
}
