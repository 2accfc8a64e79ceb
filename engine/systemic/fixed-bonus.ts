/**
 * Fixed-bonus liquidation of one account of a population (REFERENCE "Lending: Aave v3";
 * aave-dao/aave-v3-origin `LiquidationLogic.sol`): the liquidator repays debt of the account's
 * largest debt reserve j — the close factor's share while HF > 0.95, all of it below
 * (`CLOSE_FACTOR_HF_THRESHOLD`), and no more than its capital — and seizes collateral of the
 * largest collateral reserve i: `seized = repaid·P_j/P_i·(1 + bonus)`, capped at the balance with
 * the repayment back-solved; the protocol takes `protocolFee` of the bonus part. The liquidator sells
 * what it receives into asset i's market at once (flash-loan pattern, REFERENCE "Liquidators").
 * An account left with debt and no collateral has its debt written off (Aave v3.3 deficit);
 * the reserve covers what it can.
 */
import { CLOSE_FACTOR_HF_THRESHOLD, seizure } from "../venues/aave-v3.js";
import { gasCostQuote } from "./chain.js";
import { attributeLoss } from "./outcome.js";
import { reducePerp, settleUnified, writeOffPerp } from "./perp-leg.js";
import { accountValue } from "./population.js";
import type { CascadeState } from "./state.js";

/** The pair chosen by the last `plan`. */
const pair = { coll: -1, debt: -1 };

/** The last plan's account, cover and market quote (reused by `again`). */
const last = { account: -1, cover: Number.NaN, got: 0 };

function largest(bal: Float64Array, base: number, price: Float64Array, A: number): number {
  let best = -1;
  let bestV = 0;
  for (let k = 0; k < A; k++) {
    const v = (bal[base + k] as number) * (price[k] as number);
    if (v > bestV) {
      bestV = v;
      best = k;
    }
  }
  return best;
}

/**
 * Fills `s.seizure` for liquidator l on account a at the oracle prices; returns the expected
 * profit (quote from selling into the market now − repaid − gas), or −Infinity when there is
 * nothing to liquidate. `again`: nothing changed since the last plan (the same account, offered to
 * the next liquidator), so a cover equal to the last one reuses its seizure and market quote.
 */
export function planFixedBonus(s: CascadeState, a: number, l: number, hf: number, again = false): number {
  if (!again) last.account = -1;
  const p = s.pop;
  const A = p.assets.length;
  const o = s.oracle.price;
  const i = largest(p.coll, a * A, o, A);
  const j = largest(p.debt, a * A, o, A);
  if (i < 0 || j < 0) return Number.NEGATIVE_INFINITY;
  pair.coll = i;
  pair.debt = j;
  const vk = (p.venue[a] as number) * A;
  const r = s.cfg.risk;
  const cf = hf > CLOSE_FACTOR_HF_THRESHOLD ? (r.closeFactor[vk + j] as number) : 1;
  const pj = o[j] as number;
  const cover = Math.min((p.debt[a * A + j] as number) * cf, (s.capital[l] as number) / pj);
  if (!(cover > 0)) return Number.NEGATIVE_INFINITY;
  if (again && last.account === a && last.cover === cover)
    return last.got - s.seizure.debtRepaid * pj - gasOf(s, l);
  seizure(
    cover,
    pj,
    o[i] as number,
    p.coll[a * A + i] as number,
    r.bonus[vk + i] as number,
    r.protocolFee[vk + i] as number,
    s.seizure,
  );
  const pool = s.pools[i];
  const got = pool ? pool.quoteSell(s.seizure.toLiquidator) : s.seizure.toLiquidator * (o[i] as number);
  last.account = a;
  last.cover = cover;
  last.got = got;
  return got - s.seizure.debtRepaid * pj - gasOf(s, l);
}

function gasOf(s: CascadeState, l: number): number {
  const c = s.cfg.chain;
  const spec = s.cfg.liquidators[l];
  if (spec === undefined) return 0;
  return gasCostQuote(c, spec, s.gasGwei, c.gasAsset >= 0 ? (s.oracle.price[c.gasAsset] as number) : 0);
}

/** Executes liquidator l's liquidation of account a now; false when a is no longer liquidatable. */
export function executeFixedBonus(s: CascadeState, a: number, l: number): boolean {
  const hf = s.health(a);
  if (!(hf < 1) || planFixedBonus(s, a, l, hf) === Number.NEGATIVE_INFINITY) return false;
  const { coll: i, debt: j } = pair;
  const p = s.pop;
  const A = p.assets.length;
  const o = s.oracle.price;
  const z = s.seizure;
  const pi = o[i] as number;
  const repaidQuote = z.debtRepaid * (o[j] as number);
  const pool = s.pools[i];
  const proceeds = pool ? pool.sell(z.toLiquidator) : z.toLiquidator * pi;
  const gas = gasOf(s, l);
  const collBefore = s.unified ? accountValue(p, p.coll, a, o) : 0;
  p.debt[a * A + j] = (p.debt[a * A + j] as number) - z.debtRepaid;
  p.coll[a * A + i] = (p.coll[a * A + i] as number) - z.seized;
  s.books.repay(j, z.debtRepaid, repaidQuote);
  s.books.seize(i, z.toLiquidator, z.fee);
  s.books.sell(i, z.toLiquidator, proceeds);
  s.books.gas(gas);
  const profit = proceeds - repaidQuote - gas;
  s.capital[l] = (s.capital[l] as number) + profit;
  const out = s.out;
  out.liquidations++;
  out.debtRepaid += repaidQuote;
  out.collateralSeized += z.seized * pi;
  out.protocolFees += z.fee * pi;
  out.liquidatorProfit += profit;
  out.gasPaid += gas;
  out.soldUnits[i] = (out.soldUnits[i] as number) + z.toLiquidator;
  out.proceeds[i] = (out.proceeds[i] as number) + proceeds;
  s.noteLiquidation(a, z.seized * pi);
  s.skips[a] = 0;
  if (s.unified) reducePerp(s, a, (z.seized * pi) / collBefore);
  if (pool) s.marketMoved(i, pool.price());
  if (accountValue(p, p.coll, a, o) === 0) writeOff(s, a);
  s.reindex(a, true);
  return true;
}

/**
 * Writes off the debt of account a, which has no collateral left; the reserve covers first. Under
 * the unified rule the account's perp is closed first and its cash repays what it can (perp-leg.ts).
 */
export function writeOff(s: CascadeState, a: number): void {
  if (s.unified) settleUnified(s, a);
  const p = s.pop;
  const A = p.assets.length;
  const o = s.oracle.price;
  let total = 0;
  for (let j = 0; j < A; j++) {
    const units = p.debt[a * A + j] as number;
    if (!(units > 0)) continue;
    const value = units * (o[j] as number);
    const cover = Math.min(value, s.reserveLeft);
    s.reserveLeft -= cover;
    s.out.reserveDrain += cover;
    s.books.writeOff(j, units, cover);
    p.debt[a * A + j] = 0;
    s.out.badDebtByDebtAsset[j] = (s.out.badDebtByDebtAsset[j] as number) + value;
    total += value;
  }
  s.out.badDebt += total;
  attributeLoss(s, a, total);
  s.noteBadDebt(total);
  if (s.unified) writeOffPerp(s, a);
}
