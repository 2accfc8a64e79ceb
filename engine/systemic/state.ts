/**
 * The mutable state of one cascade path, allocated once per run and reset per path (DESIGN "Build
 * once, reset per path"): the population's working balances, the trigger index, pools, oracle,
 * liquidators' capital, pending liquidation jobs, the books and the path's outcome.
 */
import { newSeizure, type Seizure } from "../venues/aave-v3.js";
import { Arrivals } from "./arrivals.js";
import { Auctions } from "./auction-state.js";
import { CascadeBooks } from "./books.js";
import { checkCascadeBooks } from "./check-books.js";
import type { SystemicConfig } from "./config.js";
import { MAX_BACKOFF } from "./dispatch.js";
import { JobQueue } from "./job-queue.js";
import { spanGrid } from "./margin-grid.js";
import { MarginIndex, perpTriggers, unifiedTriggers } from "./margin-index.js";
import { OnlineOracle } from "./online-oracle.js";
import { newOutcome, type PathOutcome } from "./outcome.js";
import { CpPool } from "./pool.js";
import { accountValue, healthFactorOf, type Population, weightedCollateral } from "./population.js";
import { type MarginSpec, unifiedHealth } from "./portfolio-margin.js";
import { RestQueue } from "./rest-queue.js";
import { TriggerIndex } from "./trigger-index.js";

/** Without a `margin` section: siloed, no perp venue (the grid is then unused). */
const SILOED: MarginSpec = {
  rule: "siloed",
  grid: spanGrid({ priceScan: 0.16, volUp: 0, volDown: 0, extremeMove: 2, extremeFraction: 0.35 }),
  mmFactor: 1,
  contingency: 0,
  perp: null,
};

export class CascadeState {
  readonly pop: Population;
  readonly index: TriggerIndex;
  /** Siloed rule: accounts on their way back into `index` (arrivals.ts). */
  readonly arrivals: Arrivals;
  /** Pending liquidation transactions: one per account at most, keyed by landing time. */
  readonly jobs: JobQueue;
  readonly jobLiquidator: Int16Array;
  /** Skipped accounts, until the time the liquidators look at them again. */
  readonly resting: RestQueue;
  readonly auctions: Auctions;
  /** Step at which the account was last counted as skipped (−1: never). */
  readonly lastSkip: Int32Array;
  /** Times the account was skipped in a row (its rest doubles each time). */
  readonly skips: Uint8Array;
  readonly everLiquidated: Uint8Array;
  /** Reference prices P⁰ of the trigger keys (the path's first oracle prices). */
  readonly p0: Float64Array;
  readonly pools: readonly (CpPool | null)[];
  readonly oracle: OnlineOracle;
  readonly capital: Float64Array;
  readonly scratch: Int32Array;
  readonly seizure: Seizure = newSeizure();
  readonly out: PathOutcome;
  readonly collAsset: Uint8Array;
  readonly debtAsset: Uint8Array;
  books: CascadeBooks;
  readonly margin: MarginSpec;
  readonly unified: boolean;
  /** Unified rule: the accounts, by the price ratios at which they can fail (margin-index.ts). */
  readonly accounts: MarginIndex;
  /** Siloed rule: the perp legs, by their liquidation price ratios. */
  readonly perpIndex: MarginIndex;
  readonly perpScratch: Int32Array;
  perpInsuranceLeft = 0;
  /** Smallest and largest oracle price / P⁰ over the assets (set by `ratios`). */
  rMin = 1;
  rMax = 1;
  step = 0;
  t = 0;
  gasGwei = 0;
  /** The grid step (a keeper whose transaction cannot land within it is stalled). */
  stepMs = 0;
  reserveLeft = 0;

  constructor(
    readonly cfg: SystemicConfig,
    readonly origin: Population,
    nBuckets: number,
  ) {
    const n = origin.n;
    const A = origin.assets.length;
    this.pop = {
      ...origin,
      coll: origin.coll.slice(),
      debt: origin.debt.slice(),
      perpSize: origin.perpSize.slice(),
      perpCash: origin.perpCash.slice(),
    };
    this.margin = cfg.margin ?? SILOED;
    this.unified = this.margin.rule === "unified";
    this.accounts = new MarginIndex(n);
    this.perpIndex = new MarginIndex(n);
    this.perpScratch = new Int32Array(n);
    this.index = new TriggerIndex(n);
    this.arrivals = new Arrivals(n, cfg.checkConservation);
    this.jobs = new JobQueue(n);
    this.jobLiquidator = new Int16Array(n);
    this.resting = new RestQueue(n, MAX_BACKOFF + 1);
    this.auctions = new Auctions(n);
    this.lastSkip = new Int32Array(n);
    this.skips = new Uint8Array(n);
    this.everLiquidated = new Uint8Array(n);
    this.p0 = new Float64Array(A);
    this.pools = cfg.pools.map((s) => (s ? new CpPool(s.depthQuote, s.fee, s.halfLifeMs) : null));
    this.oracle = new OnlineOracle(cfg.oracle, A);
    this.capital = new Float64Array(cfg.liquidators.length);
    this.scratch = new Int32Array(n);
    this.out = newOutcome(A, nBuckets);
    this.collAsset = new Uint8Array(A);
    this.debtAsset = new Uint8Array(A);
    for (let a = 0; a < n; a++) {
      for (let k = 0; k < A; k++) {
        if ((origin.coll[a * A + k] as number) > 0) this.collAsset[k] = 1;
        if ((origin.debt[a * A + k] as number) > 0) this.debtAsset[k] = 1;
      }
    }
    this.books = new CascadeBooks(origin.assets, cfg.quote);
  }

  /** Trigger key of account a: its health factor at the reference prices (Infinity without debt). */
  key(a: number): number {
    const d = accountValue(this.pop, this.pop.debt, a, this.p0);
    if (!(d > 0)) return Number.POSITIVE_INFINITY;
    return weightedCollateral(this.pop, a, this.p0, this.cfg.risk.lt) / d;
  }

  /**
   * The bound G = max over debt assets of P/P⁰ ÷ min over collateral assets of P/P⁰, at the oracle:
   * no account whose key is at least G can be liquidatable (trigger-index.ts).
   */
  bound(): number {
    const o = this.oracle.price;
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let k = 0; k < this.p0.length; k++) {
      const r = (o[k] as number) / (this.p0[k] as number);
      if (this.collAsset[k] === 1 && r < lo) lo = r;
      if (this.debtAsset[k] === 1 && r > hi) hi = r;
    }
    return hi / lo;
  }

  /** Puts account a in the index of its margin rule, keyed at its current balances. */
  indexAccount(a: number): void {
    if (!this.unified) {
      this.index.set(a, this.key(a));
      return;
    }
    const at = this.accounts.at;
    unifiedTriggers(this.margin, this.pop, a, this.p0, this.cfg.quote, at);
    this.accounts.set(a, at.lo, at.hi);
  }

  /**
   * Puts account a back in the index of its margin rule: siloed, as an arrival taken by the next
   * check round (or `arrivals.flush`); `liquidated`: its balances changed since it was taken.
   */
  reindex(a: number, liquidated: boolean): void {
    if (this.unified) this.indexAccount(a);
    else this.arrivals.add(a, liquidated);
  }

  /** Takes account a out of the index (pending transaction, resting, in an auction). */
  unindex(a: number): void {
    if (this.unified) this.accounts.remove(a);
    else this.index.set(a, Number.POSITIVE_INFINITY);
  }

  indexed(a: number): boolean {
    return this.unified ? this.accounts.has(a) : this.index.has(a);
  }

  /** Siloed rule: indexes account a's perp leg by its liquidation price. */
  indexPerp(a: number): void {
    if (!this.margin.perp) return;
    const at = this.perpIndex.at;
    perpTriggers(this.margin.perp, this.pop, a, this.p0, at);
    this.perpIndex.set(a, at.lo, at.hi);
  }

  /** Account a's health under its margin rule: the loan's HF (siloed) or equity / requirement (unified). */
  health(a: number): number {
    const o = this.oracle.price;
    if (this.unified) return unifiedHealth(this.margin, this.pop, a, o, this.cfg.quote);
    return healthFactorOf(this.pop, a, o, this.cfg.risk.lt);
  }

  /** Sets `rMin` and `rMax` from the oracle. */
  ratios(): void {
    const o = this.oracle.price;
    this.rMin = Number.POSITIVE_INFINITY;
    this.rMax = 0;
    for (let k = 0; k < this.p0.length; k++) {
      const r = (o[k] as number) / (this.p0[k] as number);
      if (r < this.rMin) this.rMin = r;
      if (r > this.rMax) this.rMax = r;
    }
  }

  /** Profile bucket of the current time. */
  private bucket(): number {
    const b = Math.floor(this.step / this.bucketSteps);
    return Math.min(b, this.out.profileCount.length - 1);
  }

  /** Steps per profile bucket (set by the runner). */
  bucketSteps = 1;

  noteLiquidation(a: number, seizedQuote: number): void {
    const b = this.bucket();
    this.out.profileCount[b] = (this.out.profileCount[b] as number) + 1;
    this.out.profileSeized[b] = (this.out.profileSeized[b] as number) + seizedQuote;
    if (this.everLiquidated[a] === 0) {
      this.everLiquidated[a] = 1;
      this.out.accountsLiquidated++;
    }
  }

  noteBadDebt(quote: number): void {
    const b = this.bucket();
    this.out.profileBadDebt[b] = (this.out.profileBadDebt[b] as number) + quote;
  }

  /** Records a market price moved by a sale; a continuous oracle publishes it at once. */
  marketMoved(k: number, price: number): void {
    const low = price / (this.p0[k] as number);
    if (low < (this.out.marketLow[k] as number)) this.out.marketLow[k] = low;
    if (this.oracle.continuous) this.oracle.price[k] = price;
  }

  /** Tracks the market's low at a grid point (sales between grid points go through `marketMoved`). */
  marketMovedAtTick(k: number, price: number): void {
    const low = price / (this.p0[k] as number);
    if (low < (this.out.marketLow[k] as number)) this.out.marketLow[k] = low;
  }

  resetBooks(): void {
    this.books = new CascadeBooks(this.origin.assets, this.cfg.quote);
  }

  /**
   * Conservation (tests): the ledger balances per asset, and its aggregate accounts agree with the
   * structure-of-arrays: collateral held, debt outstanding, liquidators' quote = capital + profit.
   * @throws InternalError naming `where` and what disagrees.
   */
  checkBooks(where: string): void {
    checkCascadeBooks(this, where);
  }
}
