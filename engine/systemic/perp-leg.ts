/**
 * Liquidation of perp legs, under either margin rule (portfolio-margin.ts). Perp closes trade with
 * the perp venue at the oracle (mark) price and move no spot market: the perp venue's book is not
 * the pool the lending liquidators sell into (a departure: a real venue's liquidation orders hit
 * its own book). The perp venue's liquidation fee (`perp-linear` `liquidationFee`, on the closed
 * notional) goes to the perp insurance fund, capped at the equity left; a negative perp cash left
 * without a position is written off, the insurance fund paying first, the venue the rest.
 *
 * - **Siloed**: the venue's liquidation engine closes the whole position when the perp account's
 *   equity is below its maintenance margin, whatever the loan on the other venue holds.
 * - **Unified**: a liquidation reduces every position of the account in proportion
 *   (`reducePerp`): the lending liquidator seizes collateral and repays debt as under the siloed
 *   rule (fixed-bonus.ts, the close factor applying at a unified health of 0.95), and the perp is
 *   cut by the same share of the account's collateral value in the same transaction, so a hedge
 *   is unwound with the loan, never left naked. An account without a loan has its perp closed by
 *   the venue. When the collateral runs out (`settleUnified`), the perp is closed and its cash
 *   repays the debt before anything is written off: the offset that the siloed rule forbids.
 */
import { attributeLoss } from "./outcome.js";
import { perpEquity, perpMaintenance, unifiedEquity } from "./portfolio-margin.js";
import type { CascadeState } from "./state.js";

/** Closes `units` (signed like the position) of account a's perp at the oracle; returns the notional. */
function closeUnits(s: CascadeState, a: number, units: number): number {
  const p = s.pop;
  const k = p.perpAsset[a] as number;
  const price = s.oracle.price[k] as number;
  p.perpSize[a] = (p.perpSize[a] as number) - units;
  p.perpCash[a] = (p.perpCash[a] as number) + units * price;
  s.books.perpClose(k, units, units * price);
  const notional = Math.abs(units) * price;
  s.out.perpClosedNotional += notional;
  return notional;
}

/** The venue's fee on `notional`, capped at `equity` (none when it is negative). */
function chargeFee(s: CascadeState, a: number, notional: number, equity: number): void {
  const rate = s.margin.perp?.liquidationFee ?? 0;
  const fee = Math.min(rate * notional, Math.max(0, equity));
  if (!(fee > 0)) return;
  s.pop.perpCash[a] = (s.pop.perpCash[a] as number) - fee;
  s.books.perpFee(fee);
  s.out.perpFees += fee;
}

function markLiquidated(s: CascadeState, a: number): void {
  s.out.perpLiquidations++;
  if (s.everLiquidated[a] === 0) {
    s.everLiquidated[a] = 1;
    s.out.accountsLiquidated++;
  }
}

/** Writes off account a's negative perp cash: the perp insurance fund covers first. */
export function writeOffPerp(s: CascadeState, a: number): void {
  const deficit = -(s.pop.perpCash[a] as number);
  if (!(deficit > 0)) return;
  const cover = Math.min(deficit, s.perpInsuranceLeft);
  s.perpInsuranceLeft -= cover;
  s.books.perpWriteOff(deficit, cover);
  s.pop.perpCash[a] = 0;
  s.out.perpBadDebt += deficit;
  s.out.perpInsuranceDrain += cover;
  attributeLoss(s, a, deficit);
}

/** Siloed: closes account a's whole perp when its equity is below maintenance; true when it did. */
export function liquidatePerpLeg(s: CascadeState, a: number): boolean {
  const spec = s.margin.perp;
  const p = s.pop;
  const size = p.perpSize[a] as number;
  if (!spec || (p.perpAsset[a] as number) < 0 || size === 0) return false;
  const o = s.oracle.price;
  if (!(perpEquity(p, a, o) < perpMaintenance(spec, p, a, o))) return false;
  const notional = closeUnits(s, a, size);
  chargeFee(s, a, notional, p.perpCash[a] as number);
  markLiquidated(s, a);
  writeOffPerp(s, a);
  return true;
}

/** Siloed: liquidates the perp legs that crossed their liquidation price; re-indexes the others. */
export function settlePerpLegs(s: CascadeState): void {
  const end = s.perpIndex.popCrossed(s.rMin, s.rMax, s.perpScratch, 0);
  for (let x = 0; x < end; x++) {
    const a = s.perpScratch[x] as number;
    if (!liquidatePerpLeg(s, a)) s.indexPerp(a);
  }
}

/** Unified: cuts account a's perp by the share `f` of its position, fee capped at the account's equity. */
export function reducePerp(s: CascadeState, a: number, f: number): void {
  const size = s.pop.perpSize[a] as number;
  if (size === 0 || (s.pop.perpAsset[a] as number) < 0 || !(f > 0)) return;
  const notional = closeUnits(s, a, f >= 1 ? size : size * f);
  chargeFee(s, a, notional, unifiedEquity(s.pop, a, s.oracle.price));
}

/** Unified, an account without a loan: the perp venue closes its whole perp. */
export function closePerpUnified(s: CascadeState, a: number): boolean {
  if ((s.pop.perpSize[a] as number) === 0 || (s.pop.perpAsset[a] as number) < 0) return false;
  reducePerp(s, a, 1);
  markLiquidated(s, a);
  if ((s.pop.perpCash[a] as number) < 0 && !holdsCollateral(s, a)) writeOffPerp(s, a);
  return true;
}

function holdsCollateral(s: CascadeState, a: number): boolean {
  const A = s.pop.assets.length;
  for (let k = 0; k < A; k++) if ((s.pop.coll[a * A + k] as number) > 0) return true;
  return false;
}

/**
 * Unified, account a's collateral is gone: close the perp, let its cash repay the debt (bought at
 * the oracle price when not the quote), and leave the rest of the debt to be written off.
 */
export function settleUnified(s: CascadeState, a: number): void {
  reducePerp(s, a, 1);
  const p = s.pop;
  const A = p.assets.length;
  const o = s.oracle.price;
  for (let j = 0; j < A && (p.perpCash[a] as number) > 0; j++) {
    const d = p.debt[a * A + j] as number;
    if (!(d > 0)) continue;
    const units = Math.min(d, (p.perpCash[a] as number) / (o[j] as number));
    const cost = units * (o[j] as number);
    p.debt[a * A + j] = d - units;
    p.perpCash[a] = (p.perpCash[a] as number) - cost;
    s.books.cashRepay(j, units, cost);
    s.out.cashRepaid += cost;
  }
}

/** What account a owes beyond its assets at the end, at prices `o` (the path's shortfall). */
export function endGap(s: CascadeState, a: number, o: Float64Array, lot: number): number {
  const p = s.pop;
  if (s.unified) return Math.max(0, -unifiedEquity(p, a, o) - lot);
  const A = p.assets.length;
  let loan = -lot;
  for (let k = 0; k < A; k++)
    loan += ((p.debt[a * A + k] as number) - (p.coll[a * A + k] as number)) * (o[k] as number);
  return Math.max(0, loan) + Math.max(0, -perpEquity(p, a, o));
}
