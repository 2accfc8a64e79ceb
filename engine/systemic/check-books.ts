/**
 * The conservation check of a cascade (tests switch it on): the ledger balances per asset, and the
 * books' aggregate accounts agree with the structure-of-arrays — collateral held by borrowers,
 * debt outstanding (`debt:<asset>` tokens), and the liquidators' quote = capital + Σ profit; the
 * perp accounts' positions and cash, and the perp insurance fund.
 */
import { InternalError } from "../errors.js";
import { totalOf } from "./population.js";
import type { CascadeState } from "./state.js";

/** Equal within 1e-9 of `scale` (the gross amount moved: sums of many postings round). */
function agree(x: number, y: number, what: string, where: string, scale = 0): void {
  if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y), scale)) {
    throw new InternalError(`cascade books disagree at ${where}: ${what} ${x} ≠ ${y}`);
  }
}

export function checkCascadeBooks(s: CascadeState, where: string): void {
  const b = s.books;
  b.ledger.check(where);
  for (let k = 0; k < s.p0.length; k++) {
    const name = s.pop.assets[k] as string;
    // Seized collateral is many postings too: an account emptied by them can keep 3e-9 ETH of a
    // 5e5 ETH book, so the tolerance scales with the units seized as well.
    const coll = totalOf(s.pop, s.pop.coll, k);
    const seized = Math.abs(coll) + (s.out.soldUnits[k] as number);
    agree(b.balance(b.borrowers, k), coll, `collateral ${name}`, where, seized);
    // Repaid debt is many postings summed: a fully repaid asset can be left at −8e-8 of a 1e8 book.
    const debt = totalOf(s.pop, s.pop.debt, k);
    agree(b.debtOutstanding(k), debt, `debt ${name}`, where, Math.abs(debt) + s.out.debtRepaid);
  }
  const capital = s.cfg.liquidators.reduce((x, l) => x + l.capital, 0);
  let gross = capital + s.out.debtRepaid + s.out.gasPaid + s.out.incentives;
  for (const p of s.out.proceeds) gross += p;
  agree(
    b.balance(b.liquidators, s.cfg.quote),
    capital + s.out.liquidatorProfit,
    "liquidators' quote",
    where,
    gross,
  );
  checkPerpBooks(s, where);
}

function checkPerpBooks(s: CascadeState, where: string): void {
  const b = s.books;
  const p = s.pop;
  const A = p.assets.length;
  const sizes = new Float64Array(A);
  let cash = 0;
  let gross = s.out.perpClosedNotional + s.out.perpFees + s.out.perpBadDebt + s.out.cashRepaid;
  for (let a = 0; a < p.n; a++) {
    const k = p.perpAsset[a] as number;
    if (k >= 0) sizes[k] = (sizes[k] as number) + (p.perpSize[a] as number);
    cash += p.perpCash[a] as number;
    gross += Math.abs(s.origin.perpCash[a] as number);
  }
  for (let k = 0; k < A; k++) {
    const name = `perp:${p.assets[k] as string}`;
    agree(b.balance(b.perpAccounts, 2 * A + k), sizes[k] as number, name, where);
  }
  agree(b.balance(b.perpAccounts, s.cfg.quote), cash, "perp cash", where, gross);
  agree(
    b.balance(b.perpInsurance, s.cfg.quote),
    s.perpInsuranceLeft + s.out.perpFees,
    "perp insurance",
    where,
  );
}
