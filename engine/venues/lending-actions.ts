/**
 * Account actions of a LendingMarket (supply, withdraw, borrow, repay) with their gates; the market's
 * methods delegate here. Rejections are EventType.rejected events, never exceptions.
 * Sources: Aave v3 ValidationLogic (LTV gates borrows and withdrawals), Compound v3 Comet.sol
 * (borrowCF, borrowMin; a base balance is either supply or debt).
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { withinLtv } from "./aave-v3.js";
import type { LendingMarket } from "./lending-market.js";
import { covers } from "./tolerance.js";
import type { PriceVector } from "./types.js";

export function reject(
  m: LendingMarket,
  t: number,
  a: number,
  asset: number,
  amount: number,
  why: string,
): false {
  m.events.push(t, EventType.rejected, {
    account: m.owners[a] ?? "",
    asset: m.ledger.assets[asset] ?? "",
    size: amount,
    price: 0,
    detail: `${m.name}: ${why}`,
  });
  return false;
}

function walletShort(m: LendingMarket, a: number, asset: number, amount: number): boolean {
  const w = m.wallet[a] as number;
  return !m.ledger.accounts[w]?.external && !covers(m.ledger.balance(w, asset), amount);
}

/** Supplies `amount` of `asset` from the wallet. Compound: base-asset deposits repay debt first. */
export function deposit(m: LendingMarket, t: number, a: number, asset: number, amount: number): boolean {
  const r = m.slot(asset);
  if (r < 0 || !(amount > 0))
    return reject(m, t, a, asset, amount, "deposit of an unlisted asset or a non-positive amount");
  if (walletShort(m, a, asset, amount))
    return reject(m, t, a, asset, amount, "deposit exceeds the wallet balance");
  let rest = amount;
  if (m.cfg.rules === "compound-v3" && m.debtAt(a, r) > 0) rest -= repay(m, t, a, asset, amount);
  if (rest > 0) {
    m.ledger.transfer(m.wallet[a] as number, m.acct[a] as number, asset, rest, Reason.deposit);
    m.addSupply(a, r, rest);
    m.updateRates(r);
    m.refresh(a);
  }
  return true;
}

/** Withdraws supply to the wallet; gated by LTV when the account has debt (REFERENCE: LTV gates withdrawals). */
export function withdraw(
  m: LendingMarket,
  t: number,
  a: number,
  asset: number,
  amount: number,
  prices: PriceVector,
): boolean {
  const r = m.slot(asset);
  if (r < 0 || !(amount > 0) || !covers(m.supplyAt(a, r), amount)) {
    return reject(m, t, a, asset, amount, "withdrawal above the supplied balance");
  }
  if (!covers(available(m, r), amount))
    return reject(m, t, a, asset, amount, "withdrawal above the pool's liquidity");
  const p = prices[asset] as number;
  const ltvAfter = m.collateralValue(a, prices, 1) - amount * p * (m.cfg.reserves[r]?.ltv ?? 0);
  if (!withinLtv(ltvAfter, m.debtValue(a, prices)))
    return reject(m, t, a, asset, amount, "withdrawal would exceed LTV");
  const take = Math.min(amount, m.supplyAt(a, r));
  m.ledger.transfer(m.acct[a] as number, m.wallet[a] as number, asset, take, Reason.deposit);
  m.addSupply(a, r, -take);
  m.updateRates(r);
  m.refresh(a);
  return true;
}

/** Pool liquidity of reserve r (units). */
export function available(m: LendingMarket, r: number): number {
  return (
    (m.poolSupply[r] as number) * (m.supplyIndex[r] as number) -
    (m.poolDebt[r] as number) * (m.borrowIndex[r] as number)
  );
}

/**
 * Borrows to the wallet; allowed iff the asset is borrowable, the pool has the liquidity and
 * `debt + amount ≤ Σ value·LTV` after (Aave ValidationLogic.validateBorrow; Compound borrowCF and
 * borrowMin). Compound: a base-asset supply is withdrawn first.
 */
export function borrow(
  m: LendingMarket,
  t: number,
  a: number,
  asset: number,
  amount: number,
  prices: PriceVector,
): boolean {
  const r = m.slot(asset);
  if (r < 0 || !m.cfg.reserves[r]?.borrowable || !(amount > 0))
    return reject(m, t, a, asset, amount, "asset not borrowable");
  const own = m.cfg.rules === "compound-v3" ? Math.min(amount, m.supplyAt(a, r)) : 0;
  if (own > 0 && !withdraw(m, t, a, asset, own, prices)) return false;
  const need = amount - own;
  if (need <= 0) return true;
  if (!covers(available(m, r), need))
    return reject(m, t, a, asset, need, "borrow above the pool's liquidity");
  const p = prices[asset] as number;
  if (!withinLtv(m.collateralValue(a, prices, 1), m.debtValue(a, prices) + need * p)) {
    return reject(m, t, a, asset, need, "borrow would exceed LTV");
  }
  if (m.debtAt(a, r) + need < m.cfg.borrowMin) return reject(m, t, a, asset, need, "debt below borrowMin");
  m.ledger.transfer(m.acct[a] as number, m.wallet[a] as number, asset, need, Reason.borrow);
  m.addDebt(a, r, need);
  m.updateRates(r);
  m.refresh(a);
  return true;
}

/** Repays up to `amount` of the debt from the wallet. @returns the amount repaid. */
export function repay(m: LendingMarket, t: number, a: number, asset: number, amount: number): number {
  const r = m.slot(asset);
  if (r < 0 || !(amount > 0)) return 0;
  const pay = Math.min(amount, m.debtAt(a, r));
  if (!(pay > 0)) return 0;
  if (walletShort(m, a, asset, pay)) {
    reject(m, t, a, asset, pay, "repayment exceeds the wallet balance");
    return 0;
  }
  m.ledger.transfer(m.wallet[a] as number, m.acct[a] as number, asset, pay, Reason.borrow);
  m.addDebt(a, r, -pay);
  m.updateRates(r);
  m.refresh(a);
  return pay;
}
