/**
 * The double-entry ledger (DESIGN: Accounting). Every balance change is a posting whose legs sum to
 * zero per asset; value enters only through external accounts (the market counterparty, fee sinks),
 * whose balances go negative by what they paid out. `check()` asserts conservation; the runner calls
 * it after every event when checking is on (tests switch it on).
 *
 * Each posting carries a reason. The ledger keeps per-reason flows over all postings (`flow`) and
 * the net amount paid by *tracked* accounts (the trader's: `paid`), so that run totals (fees,
 * slippage, gas, funding…) come straight from the postings, unmixed with what other agents
 * (liquidators) pay.
 */
import { InternalError } from "./errors.js";

export const Reason = {
  trade: 0,
  fee: 1,
  slippage: 2,
  gas: 3,
  funding: 4,
  premium: 5,
  settlement: 6,
  interest: 7,
  liquidation: 8,
  insurance: 9,
  badDebt: 10,
  deposit: 11,
  borrow: 12,
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];
export const REASON_NAMES = Object.keys(Reason) as (keyof typeof Reason)[];
const N_REASONS = REASON_NAMES.length;

export interface AccountInfo {
  readonly name: string;
  /** External accounts stand for the world outside the simulation (market, fee sinks). */
  readonly external: boolean;
}

export class Ledger {
  private readonly assetIdx = new Map<string, number>();
  private readonly accountIdx = new Map<string, number>();
  readonly accounts: AccountInfo[] = [];
  private tracked = new Uint8Array(0);
  private balances = new Float64Array(0);
  /** Σ|amount| per asset, the scale for the conservation tolerance. */
  private readonly gross: Float64Array;
  /** Amount moved per (reason, asset), in the direction of the postings. */
  private readonly flows: Float64Array;
  /** Net amount per (reason, asset) leaving tracked accounts (negative: received). */
  private readonly paidOut: Float64Array;
  postings = 0;

  constructor(readonly assets: readonly string[]) {
    for (const [i, a] of assets.entries()) this.assetIdx.set(a, i);
    this.gross = new Float64Array(assets.length);
    this.flows = new Float64Array(assets.length * N_REASONS);
    this.paidOut = new Float64Array(assets.length * N_REASONS);
  }

  asset(name: string): number {
    const i = this.assetIdx.get(name);
    if (i === undefined) throw new InternalError(`ledger: unknown asset ${name}`);
    return i;
  }

  /** Registers (or finds) an account; call during set-up, not in the hot loop. */
  account(name: string, external = false): number {
    const found = this.accountIdx.get(name);
    if (found !== undefined) return found;
    const i = this.accounts.length;
    this.accounts.push({ name, external });
    this.accountIdx.set(name, i);
    if ((i + 1) * this.assets.length > this.balances.length) this.grow(Math.max(8, 2 * (i + 1)));
    return i;
  }

  /** Room for `n` accounts (capacity doubles, so registering accounts costs amortised O(1)). */
  private grow(n: number): void {
    const balances = new Float64Array(n * this.assets.length);
    balances.set(this.balances);
    this.balances = balances;
    const tracked = new Uint8Array(n);
    tracked.set(this.tracked);
    this.tracked = tracked;
  }

  /** Counts an account's postings in `flow` (the trader's accounts). */
  track(account: number): void {
    this.tracked[account] = 1;
  }

  balance(account: number, asset: number): number {
    return this.balances[account * this.assets.length + asset] as number;
  }

  /** Moves `amount` of `asset` from one account to another (negative amounts move it back). */
  transfer(from: number, to: number, asset: number, amount: number, reason: Reason): void {
    if (amount === 0) return;
    const na = this.assets.length;
    const b = this.balances;
    b[from * na + asset] = (b[from * na + asset] as number) - amount;
    b[to * na + asset] = (b[to * na + asset] as number) + amount;
    const abs = amount < 0 ? -amount : amount;
    this.gross[asset] = (this.gross[asset] as number) + abs;
    const k = reason * na + asset;
    this.flows[k] = (this.flows[k] as number) + amount;
    const out = this.tracked[from] === 1 ? amount : 0;
    const back = this.tracked[to] === 1 ? amount : 0;
    if (out !== back) this.paidOut[k] = (this.paidOut[k] as number) + out - back;
    this.postings++;
  }

  /**
   * A multi-leg posting: `legs` are (account, amount) pairs in one asset that must sum to zero.
   * @throws InternalError when the legs do not balance (a bug in the caller's arithmetic).
   */
  post(asset: number, reason: Reason, accounts: readonly number[], amounts: readonly number[]): void {
    let sum = 0;
    let scale = 0;
    for (const a of amounts) {
      sum += a;
      scale += Math.abs(a);
    }
    if (Math.abs(sum) > 1e-9 * Math.max(1, scale)) {
      throw new InternalError(
        `ledger: unbalanced ${REASON_NAMES[reason]} posting in ${this.assets[asset]}: legs sum to ${sum}`,
      );
    }
    const na = this.assets.length;
    for (let k = 0; k < accounts.length; k++) {
      const amt = amounts[k] as number;
      const j = (accounts[k] as number) * na + asset;
      this.balances[j] = (this.balances[j] as number) + amt;
      const f = reason * na + asset;
      if (amt > 0) this.flows[f] = (this.flows[f] as number) + amt;
      if (this.tracked[accounts[k] as number] === 1) this.paidOut[f] = (this.paidOut[f] as number) - amt;
    }
    this.gross[asset] = (this.gross[asset] as number) + scale;
    this.postings++;
  }

  /** Amount of `asset` moved under `reason` over all postings (in the postings' direction). */
  flow(reason: Reason, asset: number): number {
    return this.flows[reason * this.assets.length + asset] as number;
  }

  /** Net amount of `asset` that tracked accounts paid under `reason` (negative: received). */
  paid(reason: Reason, asset: number): number {
    return this.paidOut[reason * this.assets.length + asset] as number;
  }

  /** Σ balances of `asset` over all accounts; zero when conserved. */
  imbalance(asset: number): number {
    const na = this.assets.length;
    let s = 0;
    for (let a = 0; a < this.accounts.length; a++) s += this.balances[a * na + asset] as number;
    return s;
  }

  /**
   * @throws InternalError naming the asset and `where` when any asset's balances do not sum to zero
   * (tolerance 1e-9 of the gross volume posted, for floating-point rounding).
   */
  check(where: string): void {
    for (let k = 0; k < this.assets.length; k++) {
      const imb = this.imbalance(k);
      if (Math.abs(imb) > 1e-9 * Math.max(1, this.gross[k] as number)) {
        throw new InternalError(`ledger not conserved at ${where}: ${this.assets[k]} balances sum to ${imb}`);
      }
    }
  }

  /** Balances of one account, by asset name. */
  snapshot(account: number): Record<string, number> {
    const out: Record<string, number> = {};
    this.assets.forEach((a, k) => {
      out[a] = this.balance(account, k);
    });
    return out;
  }
}
