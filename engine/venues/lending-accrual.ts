/**
 * Interest accrual of a LendingMarket (REFERENCE "Lending: Aave v3" → Interest; aave-v3-origin
 * ReserveLogic.updateState, MathUtils): indexes grow with the rates set at the last update, and every
 * account's interest is posted to the ledger. Balances change with it, so accounts' liquidation
 * triggers are recomputed here too (`refreshTrigger`).
 */
import { Reason } from "../ledger.js";
import { hfOneTriggerRatio } from "./aave-v3.js";
import type { LendingMarket } from "./lending-market.js";
import { compoundedGrowth, linearGrowth, type Rates } from "./rate-curve.js";
import { TriggerKind } from "./trigger.js";

/**
 * Accrues interest up to `t` with the rates set at the last update (Aave: rates are recomputed after
 * every action and apply until the next). Borrow index compounds (1 + x + x²/2 + x³/6), supply index
 * grows linearly. Interest is posted per account: a borrower pays `reserveFactor` of it to the
 * reserve and the rest to the pool's lenders (`#market`); a supplier receives from `#market`.
 */
export function accrueInterest(m: LendingMarket, t: number): void {
  if (!(t > m.lastAccrualMs)) {
    if (Number.isNaN(m.lastAccrualMs)) m.lastAccrualMs = t;
    return;
  }
  const dt = t - m.lastAccrualMs;
  m.lastAccrualMs = t;
  for (let r = 0; r < m.nR; r++) {
    const rate = m.rate[r] as Rates;
    const gb = compoundedGrowth(rate.borrow, dt);
    const gs = linearGrowth(rate.supply, dt);
    postInterest(m, r, gb - 1, gs - 1);
    m.borrowIndex[r] = (m.borrowIndex[r] as number) * gb;
    m.supplyIndex[r] = (m.supplyIndex[r] as number) * gs;
    m.updateRates(r);
  }
  for (let a = 0; a < m.owners.length; a++) m.refresh(a);
}

function postInterest(m: LendingMarket, r: number, db: number, ds: number): void {
  const asset = m.assetOf[r] as number;
  const rf = m.cfg.reserves[r]?.reserveFactor ?? 0;
  for (let a = 0; a < m.owners.length; a++) {
    const acct = m.acct[a] as number;
    const i = m.debtAt(a, r) * db;
    if (i > 0) {
      m.ledger.transfer(acct, m.marketAcct, asset, i * (1 - rf), Reason.interest);
      if (rf > 0) m.ledger.transfer(acct, m.reserveAcct, asset, i * rf, Reason.interest);
    }
    const s = m.supplyAt(a, r) * ds;
    if (s > 0) m.ledger.transfer(m.marketAcct, acct, asset, s, Reason.interest);
  }
}

/**
 * Recomputes account a's screen: a one-collateral one-debt account triggers when the collateral
 * price falls below `debt / (collateral·LT)` debt-price units (HF = 1; REFERENCE: ETH 1 696.97 for
 * 10 WETH, LT 0.825, 14 000 USDC); no debt: never; anything else: the full test every tick.
 */
export function refreshTrigger(m: LendingMarket, a: number): void {
  let nc = 0;
  let nd = 0;
  let rc = 0;
  let rd = 0;
  for (let r = 0; r < m.nR; r++) {
    if ((m.cfg.reserves[r]?.lt ?? 0) > 0 && (m.scaledSupply[a * m.nR + r] as number) > 0) {
      nc++;
      rc = r;
    }
    if ((m.scaledDebt[a * m.nR + r] as number) > 0) {
      nd++;
      rd = r;
    }
  }
  if (nd === 0 || nc !== 1 || nd !== 1) {
    m.triggers.set(a, nd === 0 ? TriggerKind.none : TriggerKind.full);
    return;
  }
  const ratio = hfOneTriggerRatio(m.supplyAt(a, rc), m.cfg.reserves[rc]?.lt ?? 0, m.debtAt(a, rd));
  m.triggers.setPrice(a, m.assetOf[rc] as number, m.assetOf[rd] as number, ratio, 1);
}
