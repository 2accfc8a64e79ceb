/**
 * The venues' own times in the loop: funding payments, option expiries on options venues, and
 * liquidation checks — one per instant, after accruals and expiries (DESIGN phase order), on
 * oracle prices, plus one when a liquidator's delayed job falls due.
 */
import { Phase, packKey } from "../queue.js";
import { Kind, type PathRunner } from "./path-runner.js";

export class VenueClock {
  /** Time of the latest liquidation check run or scheduled (one per instant). */
  private liqAt = Number.NEGATIVE_INFINITY;
  private readonly fundingInputs: Float64Array;
  /** Time of the venue expiry event in the queue (∞: none). */
  private expiryAt = Number.POSITIVE_INFINITY;

  constructor(private readonly r: PathRunner) {
    this.fundingInputs = new Float64Array(r.prices.length);
  }

  reset(): void {
    this.liqAt = Number.NEGATIVE_INFINITY;
    this.expiryAt = Number.POSITIVE_INFINITY;
  }

  /**
   * After an oracle update: checked now when no accrual or expiry is still due at this instant
   * (the same order as a scheduled check in the liquidation phase, without the heap round trip);
   * else scheduled.
   */
  checkAfterOracle(): void {
    const r = this.r;
    if (r.nextEventKey() < packKey(r.t, Phase.liquidation)) {
      this.scheduleLiquidation(r.t);
    } else if (r.book.venues.watched && r.t > this.liqAt) {
      this.liqAt = r.t;
      this.onLiquidation();
    }
  }

  scheduleLiquidation(t: number): void {
    const r = this.r;
    if (!r.book.venues.watched || t <= this.liqAt || t > r.endMs) return;
    this.liqAt = t;
    r.q.push(t, Phase.liquidation, Kind.liquidation);
  }

  onLiquidation(): void {
    const r = this.r;
    const v = r.book.venues;
    v.accrue(r.t);
    const e = v.engine;
    // Stress only feeds liquidators' gas models: computed only when there are liquidators.
    const agents = e.liquidators.length > 0;
    e.step(r.t, r.oracleL, agents ? r.stressNow() : 0);
    if (!agents) return;
    const due = e.nextDueMs();
    if (due > r.t && due !== Number.POSITIVE_INFINITY) this.scheduleLiquidation(Math.ceil(due));
  }

  /**
   * Schedules the next venue expiry unless one at or before it is already due (options listed
   * mid-path by a strategy can bring it forward).
   */
  scheduleVenueExpiry(): void {
    const next = this.r.book.venues.nextExpiryMs();
    if (next > this.r.endMs || next >= this.expiryAt) return;
    this.expiryAt = next;
    this.r.q.push(next, Phase.expiry, Kind.venueExpiry);
  }

  /** Options venues settle what expired against the oracle, then the next expiry is scheduled. */
  onVenueExpiry(): void {
    const r = this.r;
    if (r.t >= this.expiryAt) this.expiryAt = Number.POSITIVE_INFINITY;
    r.book.venues.settleDue(r.t, r.oracleL, (k, from) => r.oracle.windowMean(k - 1, from, r.t));
    this.scheduleVenueExpiry();
  }

  scheduleFunding(): void {
    const next = this.r.book.venues.nextFundingMs();
    if (next <= this.r.endMs) this.r.q.push(next, Phase.accrual, Kind.funding);
  }

  /**
   * Settles due funding at the venue's mark, the oracle price (as its margin and liquidations:
   * dYdX v4 pays `R₈ₕ × Δt/8h × oracle price × size`, REFERENCE "Perpetual futures"); rates from
   * the path's funding series where it has one.
   */
  onFunding(): void {
    const r = this.r;
    const f = r.market.funding;
    for (let a = 0; a < r.prices.length; a++) {
      const x = f?.[a]?.[r.i];
      this.fundingInputs[a] = x === undefined || Number.isNaN(x) ? 0 : x;
    }
    r.book.venues.fund(r.t, r.oracleL, this.fundingInputs);
    this.scheduleFunding();
    // Funding moved margin: check at this instant (liquidation phase), not at the next oracle update.
    this.scheduleLiquidation(r.t);
  }
}
