/**
 * A linear, USD-margined perpetual venue (Binance USDⓈ-M / dYdX v4 style; rules in ./perp-rules.ts).
 *
 * An account is one margin pool (its ledger balance of the quote asset, the "wallet balance" WB)
 * with positions in one or more markets. Isolated accounts hold one market (open one account per
 * isolated position); cross accounts share their margin across markets. Equity = WB + Σ uPnL at
 * mark; liquidatable iff equity < Σ MM (tiered `notional·MMR − cum`). New exposure needs
 * equity ≥ Σ IM. Realised PnL and funding are posted against `${venue}#market`; liquidation fees go
 * to the internal `${venue}#insurance`. Liquidation and bankruptcy: ./perp-liquidation.ts.
 */

import { InputError } from "../errors.js";
import type { EventLog } from "../events.js";
import { EventType } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import { type Ledger, Reason } from "../ledger.js";
import type { PerpConfig } from "./perp-config.js";
import { fundIfDue, fundingRateFor, settleFunding, startFunding } from "./perp-funding.js";
import { crossLiquidationPrice, liquidatePerp } from "./perp-liquidation.js";
import { initialMargin, type MarginTiers, maintenanceMargin, tieredLiquidationPrice } from "./perp-rules.js";
import { fillPerp, tradePerp } from "./perp-trade.js";
import { covers } from "./tolerance.js";
import { TriggerKind, Triggers } from "./trigger.js";
import { type PriceVector, positionAccountName, type SelfLiquidating, venueAccountName } from "./types.js";

export class PerpVenue implements SelfLiquidating {
  readonly quote: number;
  /** Market → ledger asset of its underlying (marks are read from `prices[asset]`). */
  readonly markets: number[] = [];
  readonly impact: (ImpactModel | undefined)[] = [];
  /** Market → its margin tiers (`cfg.markets[asset name]`, else the venue-wide `cfg.tiers`). */
  readonly tiers: MarginTiers[] = [];
  readonly owners: string[] = [];
  readonly acct: number[] = [];
  readonly wallet: number[] = [];
  readonly isolated: boolean[] = [];
  /** Signed size and average entry price per [account][market]. */
  readonly qty: number[][] = [];
  readonly entry: number[][] = [];
  /** Per-account screen: a one-position account's liquidation price. */
  readonly triggers = new Triggers();
  readonly marketAcct: number;
  readonly insuranceAcct: number;
  readonly feesAcct: number;
  nextFundingMs = Number.NaN;

  constructor(
    readonly name: string,
    readonly cfg: PerpConfig,
    readonly ledger: Ledger,
    readonly events: EventLog,
  ) {
    this.quote = ledger.asset(cfg.quote);
    this.marketAcct = ledger.account(venueAccountName(name, "market"), true);
    this.insuranceAcct = ledger.account(venueAccountName(name, "insurance"));
    this.feesAcct = ledger.account(venueAccountName(name, "fees"), true);
    ledger.transfer(this.marketAcct, this.insuranceAcct, this.quote, cfg.insuranceFund, Reason.deposit); // seed, not a draw
    for (const asset of Object.keys(cfg.markets)) {
      if (!ledger.assets.includes(asset) || asset === cfg.quote)
        throw new InputError([
          {
            code: "unknown_asset",
            path: `venues.${name}.markets.${asset}`,
            message: `found a market on "${asset}"; allowed: an asset of the market (${ledger.assets.filter((x) => x !== cfg.quote).join(", ")})`,
          },
        ]);
    }
  }

  get accountCount(): number {
    return this.owners.length;
  }

  /** Lists a market on the underlying `asset` (ledger index); returns its market index. */
  addMarket(asset: number, impact?: ImpactModel): number {
    const m = this.markets.length;
    this.markets.push(asset);
    this.impact.push(impact);
    this.tiers.push(this.cfg.markets[this.ledger.assets[asset] as string] ?? this.cfg.tiers);
    for (let a = 0; a < this.owners.length; a++) {
      this.qty[a]?.push(0);
      this.entry[a]?.push(0);
    }
    return m;
  }

  /** Market index of an underlying asset, or −1. */
  market(asset: number): number {
    return this.markets.indexOf(asset);
  }

  /** Opens a margin account for `owner`, funded from the ledger account `wallet`. */
  open(owner: string, wallet: number, mode: "isolated" | "cross" = this.cfg.margin): number {
    const a = this.owners.length;
    this.owners.push(owner);
    this.acct.push(this.ledger.account(positionAccountName(this.name, owner)));
    this.wallet.push(wallet);
    this.isolated.push(mode === "isolated");
    this.qty.push(this.markets.map(() => 0));
    this.entry.push(this.markets.map(() => 0));
    this.triggers.add();
    return a;
  }

  /** Wallet balance WB (quote): deposits + realised PnL − funding − fees. */
  cash(a: number): number {
    return this.ledger.balance(this.acct[a] as number, this.quote);
  }

  mark(m: number, prices: PriceVector): number {
    return prices[this.markets[m] as number] as number;
  }

  /** Equity = WB + Σ size·(mark − entry). */
  equity(a: number, prices: PriceVector): number {
    const q = this.qty[a] as number[];
    const e = this.entry[a] as number[];
    let s = this.cash(a);
    for (let m = 0; m < q.length; m++)
      if (q[m] !== 0) s += (q[m] as number) * (this.mark(m, prices) - (e[m] as number));
    return s;
  }

  /** Σ maintenance (`margin` 0) or initial (1) margin at mark. */
  requirement(a: number, prices: PriceVector, margin: 0 | 1): number {
    const q = this.qty[a] as number[];
    let s = 0;
    for (let m = 0; m < q.length; m++) {
      if (q[m] === 0) continue;
      const n = Math.abs(q[m] as number) * this.mark(m, prices);
      const tiers = this.tiers[m] as MarginTiers;
      s += margin === 0 ? maintenanceMargin(tiers, n) : initialMargin(tiers, n);
    }
    return s;
  }

  /** Maintenance margin left by the latest `margins` call (its initial margin is the return value). */
  lastMaintenance = 0;

  /**
   * Σ maintenance and Σ initial margin at mark in one pass (the sums `requirement` gives, term by
   * term in the same order): returns IM and leaves MM in `lastMaintenance`.
   */
  margins(a: number, prices: PriceVector): number {
    const q = this.qty[a] as number[];
    let mm = 0;
    let im = 0;
    for (let m = 0; m < q.length; m++) {
      if (q[m] === 0) continue;
      const n = Math.abs(q[m] as number) * this.mark(m, prices);
      const tiers = this.tiers[m] as MarginTiers;
      mm += maintenanceMargin(tiers, n);
      im += initialMargin(tiers, n);
    }
    this.lastMaintenance = mm;
    return im;
  }

  /** Binance margin ratio MM / equity (≥ 1 ⇒ liquidatable); 0 without positions, ∞ at equity ≤ 0. */
  marginRatio(a: number, prices: PriceVector): number {
    const mm = this.requirement(a, prices, 0);
    if (mm === 0) return 0;
    const eq = this.equity(a, prices);
    return eq > 0 ? mm / eq : Number.POSITIVE_INFINITY;
  }

  isLiquidatable(a: number, prices: PriceVector, _t = 0): boolean {
    return (
      this.triggers.kind[a] !== TriggerKind.none &&
      !covers(this.equity(a, prices), this.requirement(a, prices, 0))
    );
  }

  /** Screen: one-position accounts compare the mark with their liquidation price. */
  crossed(a: number, prices: PriceVector, _t = 0): boolean {
    return this.triggers.crossed(a, prices);
  }

  /** Triggers depend on balances only (refreshed on every change): nothing to re-arm. */
  rearm(_a: number, _prices: PriceVector, _t: number): void {}

  /** Liquidation price of a one-position account (Binance one-way formula, tier-consistent); NaN otherwise. */
  liquidationPrice(a: number): number {
    return this.triggers.levelOf(a);
  }

  /** Cross-margin liquidation price of market m, other positions at their marks; NaN without one. */
  liquidationPriceIn(a: number, m: number, prices: PriceVector): number {
    return crossLiquidationPrice(this, a, m, prices);
  }

  /** Recomputes the account's trigger after a change of its cash or positions. */
  refresh(a: number): void {
    const q = this.qty[a] as number[];
    let n = 0;
    let mm = 0;
    for (let m = 0; m < q.length; m++) {
      if (q[m] !== 0) {
        n++;
        mm = m;
      }
    }
    if (n !== 1) {
      this.triggers.set(a, n === 0 ? TriggerKind.none : TriggerKind.full);
      return;
    }
    const size = q[mm] as number;
    const side = size > 0 ? 1 : -1;
    const ep = (this.entry[a] as number[])[mm] as number;
    const lp = tieredLiquidationPrice(this.tiers[mm] as MarginTiers, this.cash(a), side, Math.abs(size), ep);
    this.triggers.setPrice(a, this.markets[mm] as number, -1, lp, side);
  }

  /** Moves margin from the wallet to the account. */
  deposit(_t: number, a: number, amount: number): void {
    this.ledger.transfer(
      this.wallet[a] as number,
      this.acct[a] as number,
      this.quote,
      amount,
      Reason.deposit,
    );
    this.refresh(a);
  }

  /** Withdraws margin when `amount ≤ min(WB, equity − IM)` (./tolerance.ts); else a rejected event. */
  withdraw(t: number, a: number, amount: number, prices: PriceVector): boolean {
    const free = Math.min(this.cash(a), this.equity(a, prices) - this.requirement(a, prices, 1));
    if (!(amount > 0) || !covers(free, amount))
      return this.reject(t, a, -1, amount, `withdrawal above the free margin ${free}`);
    this.ledger.transfer(
      this.acct[a] as number,
      this.wallet[a] as number,
      this.quote,
      amount,
      Reason.deposit,
    );
    this.refresh(a);
    return true;
  }

  /**
   * Trades `dq` (signed) of market m at `price`, paying `feeQuote` (to `#fees`) and the price
   * impact `slippageQuote` (to `#market`) from the account's margin. Reductions realise
   * `closed·(price − entry)` against `#market`; increases average the entry. Exposure-increasing
   * trades need equity ≥ IM after the order and its costs (marks from `prices`), and an isolated
   * account holds one market.
   */
  trade(
    t: number,
    a: number,
    m: number,
    dq: number,
    price: number,
    prices: PriceVector,
    feeQuote = 0,
    slippageQuote = 0,
  ): boolean {
    return tradePerp(this, t, a, m, dq, price, prices, feeQuote, slippageQuote);
  }

  /** Books a fill without checks (liquidations and ADL use it). @returns realised PnL. */
  fill(a: number, m: number, dq: number, price: number): number {
    return fillPerp(this, a, m, dq, price);
  }

  /** Starts the funding clock: payments at multiples of the interval (00:00, 08:00, 16:00 UTC). */
  start(t: number): void {
    startFunding(this, t);
  }

  /** The interval's rate from the configured source, capped at ±fundingCap. */
  fundingRateFor(input: number): number {
    return fundingRateFor(this, input);
  }

  /** Settles the due funding payment of every market when `t ≥ nextFundingMs` (one interval per call). */
  fund(t: number, prices: PriceVector, inputs?: ArrayLike<number>): boolean {
    return fundIfDue(this, t, prices, inputs);
  }

  /** Funding payment `F × size × mark` per open position of market m (longs pay when F > 0). */
  settleFunding(t: number, m: number, rate: number, mark: number): void {
    settleFunding(this, t, m, rate, mark);
  }

  /** Liquidates account a when equity < MM (partial back to IM, or full; see ./perp-liquidation.ts). */
  liquidate(t: number, a: number, prices: PriceVector): boolean {
    return liquidatePerp(this, t, a, prices);
  }

  reject(t: number, a: number, m: number, size: number, why: string): false {
    this.events.push(t, EventType.rejected, {
      account: this.owners[a] ?? "",
      asset: this.ledger.assets[m < 0 ? this.quote : (this.markets[m] as number)] ?? "",
      size,
      price: 0,
      detail: `${this.name}: ${why}`,
    });
    return false;
  }
}
