/**
 * One path of a liquidation cascade (issue "Systemic stress"). At each grid point, in order:
 * 1. every asset's exogenous price E(t) moves its market (pool.ts), whose price is E times the
 *    displacement left by earlier sales; the oracle observes the market (online-oracle.ts);
 * 2. the chain's going gas price follows the gas asset's move and the pending liquidations (chain.ts);
 * 3. oracle rounds due by now land; liquidation transactions due by now land and execute;
 * 4. when the oracle changed, rounds of checks run until no liquidation happens: the accounts the
 *    trigger index (trigger-index.ts) cannot rule out are checked exactly, a liquidator is chosen
 *    for each liquidatable one (dispatch.ts), and each executed liquidation sells into the market,
 *    which (with a continuous oracle) moves the oracle at once and lets further accounts cross.
 * Transactions land at the first grid point at or after their due time.
 */
import type { TimeGrid } from "../market.js";
import { stepAuctions } from "./auction.js";
import { goingGwei } from "./chain.js";
import type { SystemicConfig } from "./config.js";
import { actsInRound, dispatch, landJobs, wakeResting } from "./dispatch.js";
import type { PathOutcome } from "./outcome.js";
import { attributeLoss, resetOutcome } from "./outcome.js";
import { endGap, settlePerpLegs } from "./perp-leg.js";
import { accountValue, type Population, totalOf } from "./population.js";
import { CascadeState } from "./state.js";

/** The exogenous path of each population asset (null: the quote or a stablecoin, priced 1). */
export interface ExoPath {
  readonly grid: TimeGrid;
  readonly price: readonly (Float64Array | null)[];
}

/** Most check rounds at one grid point (a guard; a cascade settles long before). */
const MAX_ROUNDS = 100_000;

export class Cascade {
  readonly state: CascadeState;

  constructor(
    cfg: SystemicConfig,
    population: Population,
    readonly grid: TimeGrid,
  ) {
    const bucketSteps = Math.max(1, Math.round(cfg.profileBucketMs / grid.stepMs));
    this.state = new CascadeState(cfg, population, Math.ceil((grid.steps + 1) / bucketSteps));
    this.state.bucketSteps = bucketSteps;
    this.state.stepMs = grid.stepMs;
  }

  /** Runs one path over `exo`; the returned outcome is reused by the next call. */
  run(exo: ExoPath): PathOutcome {
    this.reset(exo);
    for (let step = 0; step <= this.grid.steps; step++) this.tick(exo, step);
    this.finish();
    return this.state.out;
  }

  private reset(exo: ExoPath): void {
    const s = this.state;
    const cfg = s.cfg;
    const t0 = this.grid.startMs;
    s.pop.coll.set(s.origin.coll);
    s.pop.debt.set(s.origin.debt);
    s.pop.perpSize.set(s.origin.perpSize);
    s.pop.perpCash.set(s.origin.perpCash);
    s.perpInsuranceLeft = s.margin.perp?.insuranceFund ?? 0;
    resetOutcome(s.out);
    for (let k = 0; k < s.p0.length; k++) {
      s.p0[k] = exo.price[k]?.[0] ?? 1;
      s.pools[k]?.reset(s.p0[k] as number, t0);
    }
    s.oracle.reset(s.p0, t0);
    cfg.liquidators.forEach((l, i) => {
      s.capital[i] = l.capital;
    });
    s.reserveLeft = cfg.reserve;
    s.gasGwei = cfg.chain.baseGwei;
    s.index.clear();
    s.arrivals.clear();
    s.accounts.clear();
    s.perpIndex.clear();
    s.jobs.reset(t0, this.grid.stepMs, this.grid.steps);
    s.resting.clear();
    s.auctions.clear();
    s.lastSkip.fill(-1);
    s.skips.fill(0);
    s.everLiquidated.fill(0);
    s.step = 0;
    s.t = t0;
    this.openBooks();
    for (let a = 0; a < s.pop.n; a++) {
      s.indexAccount(a);
      if (!s.unified) s.indexPerp(a);
      if (accountValue(s.pop, s.pop.coll, a, s.p0) < accountValue(s.pop, s.pop.debt, a, s.p0))
        s.out.insolventAtStart++;
    }
  }

  private openBooks(): void {
    const s = this.state;
    const A = s.p0.length;
    const coll = new Float64Array(A);
    const debt = new Float64Array(A);
    for (let k = 0; k < A; k++) {
      coll[k] = totalOf(s.pop, s.pop.coll, k);
      debt[k] = totalOf(s.pop, s.pop.debt, k);
    }
    const capital = s.cfg.liquidators.reduce((x, l) => x + l.capital, 0);
    s.resetBooks();
    s.books.open(coll, debt, capital, s.cfg.reserve);
    const sizes = new Float64Array(A);
    let cash = 0;
    for (let a = 0; a < s.pop.n; a++) {
      const k = s.pop.perpAsset[a] as number;
      if (k >= 0) sizes[k] = (sizes[k] as number) + (s.pop.perpSize[a] as number);
      cash += s.pop.perpCash[a] as number;
    }
    s.books.openPerps(sizes, cash, s.perpInsuranceLeft);
  }

  private tick(exo: ExoPath, step: number): void {
    const s = this.state;
    const t = this.grid.startMs + step * this.grid.stepMs;
    s.step = step;
    s.t = t;
    for (let k = 0; k < s.p0.length; k++) {
      const col = exo.price[k];
      if (!col) continue;
      const e = col[step] as number;
      const pool = s.pools[k];
      pool?.advance(e, t);
      const low = e / (s.p0[k] as number);
      if (low < (s.out.exoLow[k] as number)) s.out.exoLow[k] = low;
      const m = pool ? pool.price() : e;
      s.marketMovedAtTick(k, m);
      s.oracle.observe(k, m, t);
    }
    const g = s.cfg.chain.gasAsset;
    const gasCol = g >= 0 ? exo.price[g] : null;
    if (gasCol && step > 0)
      s.gasGwei = goingGwei(s.cfg.chain, gasCol[step - 1] as number, gasCol[step] as number, s.jobs.length);
    const changed = s.oracle.land(t) || step === 0;
    const landed = landJobs(s, t);
    const woke = wakeResting(s, t);
    if (changed || landed || woke) this.rounds();
    s.arrivals.flush(s.index, s);
    if (s.auctions.count > 0) stepAuctions(s);
    if (s.cfg.checkConservation) s.checkBooks(`step ${step}`);
  }

  /**
   * Check rounds until a round executes nothing. Accounts checked and left alone (safe on the exact
   * check, skipped, or waiting for a transaction) are parked until the end of the grid point, so a
   * round only examines the accounts that newly crossed the bound; liquidated accounts go back into
   * the index at once and may be liquidated again in a later round.
   */
  private rounds(): void {
    const s = this.state;
    let parked = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const bound = s.bound();
      const first = parked;
      s.ratios();
      if (s.unified) parked = s.accounts.popCrossed(s.rMin, s.rMax, s.scratch, parked);
      else {
        settlePerpLegs(s);
        parked = s.arrivals.popBelow(s.index, s, bound, s.scratch, parked, actsInRound(s));
      }
      if (parked === first) break;
      let acted = false;
      for (let x = first; x < parked; x++) {
        const a = s.scratch[x] as number;
        const h = s.health(a);
        if (h < 1 && dispatch(s, a, h)) acted = true;
      }
      if (!acted) break;
    }
    s.arrivals.flush(s.index, s);
    for (let x = 0; x < parked; x++) {
      const a = s.scratch[x] as number;
      if (!s.resting.has(a) && !s.jobs.has(a) && !s.indexed(a) && !s.auctions.has(a)) s.indexAccount(a);
    }
  }

  /** End of the path: the shortfall of accounts left underwater, at the last oracle prices. */
  private finish(): void {
    const s = this.state;
    const o = s.oracle.price;
    for (let a = 0; a < s.pop.n; a++) {
      if ((s.lastSkip[a] as number) >= 0 && s.everLiquidated[a] === 0) s.out.skipped++;
      const lot = s.auctions.has(a)
        ? (s.auctions.lot[a] as number) * (o[s.auctions.asset[a] as number] as number)
        : 0;
      const gap = endGap(s, a, o, lot);
      if (gap > 0) {
        s.out.shortfall += gap;
        attributeLoss(s, a, gap);
      }
    }
  }
}
