/**
 * The liquidation engine: given oracle prices at time t, finds liquidatable accounts across venues
 * and liquidates them (DESIGN: liquidation checks phase).
 *
 * - Lending markets are liquidated by Liquidator agents. An unhealthy account is offered to the
 *   free agents in order of latency (ties by order of addition); the first whose expected profit
 *   clears its threshold takes it and executes at t + latency with the prices of that moment
 *   (`step` executes due jobs first; `nextDueMs` tells the loop when to wake). A busy agent or one
 *   without capital skips. A job whose account is healthy again by then reverts and still pays gas
 *   (the transaction was included): an EventType.rejected event.
 * - Perp and options venues liquidate their own accounts immediately (exchange risk engines).
 * - Per tick, each account costs one `crossed` screen against its precomputed trigger; the full
 *   test runs only when it fires; nothing is allocated.
 * Events (liquidation, insuranceDraw, badDebt, deleverage) are pushed by the venues; the engine adds
 * `rejected` for reverted jobs. Counters of skips are in `stats`.
 */
import { type EventLog, EventType } from "../events.js";
import type { ImpactModel } from "../execution/types.js";
import { type Ledger, Reason } from "../ledger.js";
import type { LendingMarket } from "../venues/lending-market.js";
import type { PriceVector, SelfLiquidating } from "../venues/types.js";
import { isAbsorb, Liquidator, type LiquidatorConfig } from "./liquidator.js";

export interface LiquidationStats {
  scheduled: number;
  executed: number;
  reverted: number;
  skippedBusy: number;
  skippedCapital: number;
  skippedUnprofitable: number;
  venueLiquidations: number;
}

export class LiquidationEngine {
  readonly markets: LendingMarket[] = [];
  readonly venues: SelfLiquidating[] = [];
  readonly liquidators: Liquidator[] = [];
  /** Liquidator indexes by latency, ties by index. */
  private order: number[] = [];
  /** Per market: 1 while an account has a job pending. */
  private readonly pending: number[][] = [];
  readonly stats: LiquidationStats = {
    scheduled: 0,
    executed: 0,
    reverted: 0,
    skippedBusy: 0,
    skippedCapital: 0,
    skippedUnprofitable: 0,
    venueLiquidations: 0,
  };
  readonly marketAcct: number;
  readonly gasAcct: number;
  readonly fundingAcct: number;

  /**
   * @param quote ledger asset of the liquidators' capital and gas (USDC)
   * @param impacts ImpactModel per ledger asset for selling seized collateral (undefined: no impact)
   */
  constructor(
    readonly ledger: Ledger,
    readonly events: EventLog,
    readonly quote: number,
    readonly impacts: readonly (ImpactModel | undefined)[] = [],
  ) {
    this.marketAcct = ledger.account("liquidation#market", true);
    this.gasAcct = ledger.account("liquidation#gas", true);
    this.fundingAcct = ledger.account("liquidation#funding", true);
  }

  addLending(m: LendingMarket): void {
    this.markets.push(m);
    this.pending.push([]);
  }

  addVenue(v: SelfLiquidating): void {
    this.venues.push(v);
  }

  addLiquidator(cfg: LiquidatorConfig): Liquidator {
    const l = new Liquidator(cfg, this.ledger, this.quote, this.fundingAcct);
    this.liquidators.push(l);
    this.order = this.liquidators
      .map((_, i) => i)
      .sort(
        (x, y) =>
          (this.liquidators[x]?.cfg.latencyMs ?? 0) - (this.liquidators[y]?.cfg.latencyMs ?? 0) || x - y,
      );
    return l;
  }

  /** Earliest pending execution (Infinity when none). */
  nextDueMs(): number {
    let d = Number.POSITIVE_INFINITY;
    for (const l of this.liquidators) if (l.jobDueMs < d) d = l.jobDueMs;
    return d;
  }

  /**
   * One liquidation check at t: executes due jobs, lets perp/options venues liquidate, offers newly
   * unhealthy lending accounts to the liquidators. `stress` feeds gas models.
   * @returns liquidations executed in this call
   */
  step(t: number, prices: PriceVector, stress = 0): number {
    const before = this.stats.executed + this.stats.venueLiquidations;
    this.runDue(t, prices, stress);
    for (const v of this.venues) {
      for (let a = 0; a < v.accountCount; a++) {
        if (!v.crossed(a, prices, t)) continue;
        if (v.liquidate(t, a, prices)) this.stats.venueLiquidations++;
        else v.rearm(a, prices, t);
      }
    }
    for (let k = 0; k < this.markets.length; k++) {
      const m = this.markets[k] as LendingMarket;
      const pend = this.pending[k] as number[];
      for (let a = 0; a < m.accountCount; a++) {
        if (pend[a] === 1 || !m.crossed(a, prices, t) || !m.isLiquidatable(a, prices, t)) continue;
        this.offer(k, a, t, prices, stress);
      }
    }
    return this.stats.executed + this.stats.venueLiquidations - before;
  }

  private runDue(t: number, prices: PriceVector, stress: number): void {
    for (;;) {
      let next: Liquidator | undefined;
      for (const l of this.liquidators)
        if (l.jobDueMs <= t && (next === undefined || l.jobDueMs < next.jobDueMs)) next = l;
      if (next === undefined) return;
      this.execute(next, t, prices, stress);
    }
  }

  /** Offers account a of market k to the free liquidators, fastest first. */
  private offer(k: number, a: number, t: number, prices: PriceVector, stress: number): void {
    const m = this.markets[k] as LendingMarket;
    for (const i of this.order) {
      const l = this.liquidators[i] as Liquidator;
      if (l.busy()) {
        this.stats.skippedBusy++;
        continue;
      }
      if (!(l.capital() > 0)) {
        this.stats.skippedCapital++;
        continue;
      }
      l.pickPair(m, a, prices);
      const o = l.plan(m, a, prices);
      const pd = prices[m.cfg.rules === "compound-v3" ? (m.assetOf[0] as number) : l.jobDebt] as number;
      const pc = prices[l.jobColl] as number;
      const keeperAbsorb = o !== undefined && o.toLiquidator === 0 && isAbsorb(m);
      if (
        o === undefined ||
        (!keeperAbsorb &&
          l.expectedProfit(o, pd, pc, this.impacts[l.jobColl], t, l.gasCost(t, prices, stress)) <
            l.cfg.minProfitQuote)
      ) {
        this.stats.skippedUnprofitable++;
        continue;
      }
      l.jobMarket = k;
      l.jobAccount = a;
      l.jobDueMs = t + l.cfg.latencyMs;
      (this.pending[k] as number[])[a] = 1;
      this.stats.scheduled++;
      if (l.cfg.latencyMs <= 0) this.execute(l, t, prices, stress);
      return;
    }
  }

  /** Executes l's job at t: gas, re-check, liquidationCall, buy the debt paid, sell the collateral. */
  private execute(l: Liquidator, t: number, prices: PriceVector, stress: number): void {
    const m = this.markets[l.jobMarket] as LendingMarket;
    const a = l.jobAccount;
    (this.pending[l.jobMarket] as number[])[a] = 0;
    l.jobAccount = l.jobMarket = -1;
    l.jobDueMs = Number.POSITIVE_INFINITY;
    const gas = l.gasCost(t, prices, stress);
    this.ledger.transfer(l.wallet, this.gasAcct, this.quote, gas, Reason.gas);
    l.gasPaidQuote += gas;
    l.pickPair(m, a, prices);
    const planned = m.isLiquidatable(a, prices, t) ? l.plan(m, a, prices) : undefined;
    if (planned === undefined) {
      l.reverted++;
      this.stats.reverted++;
      this.events.push(t, EventType.rejected, {
        account: m.owners[a] ?? "",
        asset: this.ledger.assets[this.quote] ?? "",
        size: 0,
        price: 0,
        gas,
        venue: m.name,
        liquidator: l.cfg.name,
        detail: `${m.name}: liquidation by ${l.cfg.name} reverted (account healthy or nothing to seize by inclusion time)`,
      });
      return;
    }
    const debtAsset = m.cfg.rules === "compound-v3" ? (m.assetOf[0] as number) : l.jobDebt;
    const o = m.liquidate(t, a, debtAsset, l.jobColl, l.jobCover, prices, l.wallet);
    if (debtAsset !== this.quote) this.swap(l, debtAsset, o.paid, prices[debtAsset] as number, t, false);
    if (l.jobColl !== this.quote)
      this.swap(l, l.jobColl, -o.toLiquidator, prices[l.jobColl] as number, t, true);
    l.executed++;
    this.stats.executed++;
  }

  /**
   * Trades `qty` (signed, + buys) of `asset` for quote against `liquidation#market` at `mid`, with the
   * asset's ImpactModel when `withImpact` (buying back the debt asset is a flash swap at the oracle).
   */
  private swap(l: Liquidator, asset: number, qty: number, mid: number, t: number, withImpact: boolean): void {
    if (qty === 0) return;
    const model = withImpact ? this.impacts[asset] : undefined;
    const slip = model === undefined ? 0 : model.impact(qty, mid, t);
    this.ledger.transfer(this.marketAcct, l.wallet, asset, qty, Reason.trade);
    this.ledger.transfer(l.wallet, this.marketAcct, this.quote, qty * mid, Reason.trade);
    if (slip > 0)
      this.ledger.transfer(
        l.wallet,
        this.marketAcct,
        this.quote,
        Math.abs(qty) * mid * slip,
        Reason.slippage,
      );
    model?.onFill(qty, mid, t);
  }
}
