/**
 * Who liquidates an unsafe account, and when (REFERENCE "Liquidators"). Each liquidator that still
 * has capital values the liquidation at the oracle prices, with the quote its sale would fetch from
 * the market now and its gas cost; it acts only when that profit reaches its threshold. Of those
 * that act, the one whose transaction lands first wins (latency + inclusion delay under the
 * chain's load; ties: the lower index). A transaction due now executes at once; a later one waits
 * in the job index and executes when due, if the account is still liquidatable then. An account
 * no liquidator takes is skipped: counted in `skippedChecks`, and in `skipped` at the end of the
 * path when no liquidator ever took it. A skipped account rests for `recheckMs`, doubled after each
 * further skip up to 2⁶ times, before the liquidators look at it again (a departure from looking
 * every block, for speed: see README).
 */
import { bark } from "./auction.js";
import { inclusionDelayMs } from "./chain.js";
import { executeFixedBonus, planFixedBonus } from "./fixed-bonus.js";
import { closePerpUnified } from "./perp-leg.js";
import { hasLoan } from "./portfolio-margin.js";
import type { CascadeState } from "./state.js";

/** Most doublings of a skipped account's rest. */
export const MAX_BACKOFF = 6;

/**
 * Handles liquidatable account a (health factor `hf`, or unified health); true when a liquidation
 * executed now. Unified, an account without a loan has its perp closed by the perp venue.
 */
export function dispatch(s: CascadeState, a: number, hf: number): boolean {
  if (s.unified && !hasLoan(s.pop, a) && closePerpUnified(s, a)) {
    s.indexAccount(a);
    return true;
  }
  if (s.cfg.rule !== "fixed-bonus") {
    if (!bark(s, a)) skip(s, a);
    return false;
  }
  const specs = s.cfg.liquidators;
  let best = -1;
  let bestDue = Number.POSITIVE_INFINITY;
  let planned = false;
  for (let l = 0; l < specs.length; l++) {
    const spec = specs[l];
    if (spec === undefined || !((s.capital[l] as number) > 0)) continue;
    const profit = planFixedBonus(s, a, l, hf, planned);
    planned = true;
    if (profit < spec.minProfit) continue;
    const due = s.t + spec.latencyMs + inclusionDelayMs(s.cfg.chain, spec, s.gasGwei);
    if (due < bestDue) {
      bestDue = due;
      best = l;
    }
  }
  if (best < 0) {
    skip(s, a);
    return false;
  }
  if (bestDue <= s.t) return executeFixedBonus(s, a, best);
  s.jobLiquidator[a] = best;
  s.jobs.add(a, bestDue);
  s.unindex(a); // out of the index while its transaction is pending
  return false;
}

/**
 * Whether a liquidation can execute inside a check round now: always under an auction rule (a bark
 * acts at once) or the unified rule (the perp venue closes at once); under fixed bonus, when some
 * liquidator's transaction can be due at once (its due time is at least `t + latency + inclusion`,
 * the delay for a short bid being longer). When none can, a check only rests its account or queues
 * its transaction and reads nothing another check of the round writes, so the round's accounts
 * may be checked in any order with the same result.
 */
export function actsInRound(s: CascadeState): boolean {
  if (s.cfg.rule !== "fixed-bonus" || s.unified) return true;
  const inclusion = s.cfg.chain.inclusionMs;
  for (const l of s.cfg.liquidators) if (!(s.t + l.latencyMs + inclusion > s.t)) return true;
  return false;
}

/** Counts a skip and rests the account. */
function skip(s: CascadeState, a: number): void {
  s.lastSkip[a] = s.step;
  s.out.skippedChecks++;
  const skips = Math.min(s.skips[a] as number, MAX_BACKOFF);
  s.skips[a] = skips + 1;
  s.unindex(a); // resting: looked at again after recheckMs·2^skips
  s.resting.add(a, skips, s.t + s.cfg.recheckMs * 2 ** skips);
}

/** Executes every pending transaction due by `t`, in order of due time; true when any executed. */
export function landJobs(s: CascadeState, t: number): boolean {
  let any = false;
  for (let a = s.jobs.popDue(t); a >= 0; a = s.jobs.popDue(t)) {
    if (executeFixedBonus(s, a, s.jobLiquidator[a] as number)) any = true;
    else s.reindex(a, false);
  }
  return any;
}

/** Puts accounts whose rest is over back into the trigger index; true when any woke. */
export function wakeResting(s: CascadeState, t: number): boolean {
  let any = false;
  for (let a = s.resting.popDue(t); a >= 0; a = s.resting.popDue(t)) {
    s.reindex(a, false);
    any = true;
  }
  return any;
}
