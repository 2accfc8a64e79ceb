/**
 * Opening the book at the start of a path: cash deposits, options held outright
 * (./book-options.ts), and the venue positions: perp accounts (collateral from the
 * owner, an initial position at the start price, gated by initial margin), loans (collateral
 * supplied, debt borrowed at the oracle price, LTV-gated) and options on a margined venue. A book
 * the venue refuses to open is bad input (exit 2), named by its place in the scenario: the start
 * prices are the same on every path, so it is refused on the first.
 */
import { InputError, InternalError } from "../errors.js";
import { Reason } from "../ledger.js";
import { LendingMarket } from "../venues/lending-market.js";
import { OptionsVenue } from "../venues/options-venue.js";
import { PerpVenue } from "../venues/perp-venue.js";
import { openBookOption } from "./book-options.js";
import type { LoanSpec, OptionSpec, PerpSpec } from "./config.js";
import type { PathRunner } from "./path-runner.js";

/** Opens the initial book at the start prices: deposits, perp positions, loans, options. */
export function openBook(r: PathRunner): void {
  const b = r.book;
  const cfg = r.cfg;
  for (const [k, amount] of cfg.cash ?? []) b.ledger.transfer(b.owner, b.wallet, k, amount, Reason.deposit);
  for (const p of cfg.perps) openPerp(r, p);
  for (const loan of cfg.loans) openLoan(r, loan);
  cfg.options.forEach((o, i) => {
    b.optLive[i] = 0;
    if (o.venue !== null) r.venueOptionCollateral += openVenueOption(r, o);
    else openBookOption(r, o, i);
  });
}

export function openPerp(r: PathRunner, p: PerpSpec): void {
  const b = r.book;
  const v = b.venues.venue(p.venue);
  if (!(v instanceof PerpVenue)) throw new InternalError(`venue ${p.venue} is not a perp venue`);
  const a = b.venues.perpAccount(v, b.wallet);
  b.ledger.transfer(b.owner, b.wallet, b.quote, p.collateral, Reason.deposit);
  v.deposit(r.t, a, p.collateral);
  if (p.qty !== 0 && !v.trade(r.t, a, p.asset, p.qty, r.prices[p.asset] as number, r.oracleL, 0)) {
    refused(r, `${p.where}.qty`, `venue "${p.venue}" refuses to open this position`);
  }
}

/** Throws the bad-input error for a refused opening, with the venue's reason (its last event). */
function refused(r: PathRunner, path: string, what: string): never {
  const log = r.log;
  const why = log.length > 0 ? log.detail[log.length - 1] : "";
  throw new InputError([
    {
      code: "refused",
      path,
      message: `${what} at the start prices (${why}); allowed: a book the venue's rules accept`,
    },
  ]);
}

export function openLoan(r: PathRunner, loan: LoanSpec): void {
  const b = r.book;
  const m = b.venues.venue(loan.venue);
  if (!(m instanceof LendingMarket)) throw new InternalError(`venue ${loan.venue} is not a lending market`);
  const a = b.venues.lendAccount(m, b.wallet);
  for (const [asset, amount] of loan.collateral) {
    b.ledger.transfer(b.owner, b.wallet, asset, amount, Reason.deposit);
    if (!m.deposit(r.t, a, asset, amount)) {
      refused(
        r,
        `${loan.where}.collateral`,
        `venue "${loan.venue}" does not take ${amount} ${b.ledger.assets[asset]} as collateral`,
      );
    }
  }
  const debt = loan.debtTarget
    ? [[loan.debtTarget.asset, targetDebt(m, a, loan.debtTarget, r.oracleL)]]
    : loan.debt;
  for (const [asset, amount] of debt as readonly (readonly [number, number])[]) {
    if (!m.borrow(r.t, a, asset, amount, r.oracleL)) {
      refused(
        r,
        `${loan.where}.debt`,
        `venue "${loan.venue}" refuses to lend ${amount} ${b.ledger.assets[asset]}`,
      );
    }
  }
}

/**
 * The debt (tokens of `target.asset`) that puts account `a` at the target, at the oracle prices:
 * LTV = debt value / Σ collateral value, so debt = ltv · Σ supplyᵢ·Pᵢ / P_debt; Aave's
 * HF = Σ supplyᵢ·Pᵢ·LTᵢ / debt value, so debt = Σ supplyᵢ·Pᵢ·LTᵢ / (HF · P_debt).
 */
function targetDebt(
  m: LendingMarket,
  a: number,
  target: NonNullable<LoanSpec["debtTarget"]>,
  prices: Float64Array,
): number {
  const price = prices[target.asset] as number;
  if (target.ltv !== undefined) return (target.ltv * m.collateralValue(a, prices, 0)) / price;
  return m.collateralValue(a, prices, 2) / ((target.healthFactor as number) * price);
}

/**
 * Writes or buys an option on an options venue: collateral into the trader's account, the
 * instrument listed at the path's start (ATM strike: the start price), traded at its mark (the
 * premium moves with the trade; the venue's initial-margin check may refuse it: bad input).
 * @returns the collateral deposited (quote)
 */
export function openVenueOption(r: PathRunner, o: OptionSpec): number {
  const b = r.book;
  const v = b.venues.venue(o.venue as string);
  if (!(v instanceof OptionsVenue)) throw new InternalError(`venue ${o.venue} is not an options venue`);
  const a = b.venues.optionAccount(v, b.wallet);
  b.ledger.transfer(b.owner, b.wallet, b.quote, o.collateral, Reason.deposit);
  v.deposit(r.t, a, o.collateral, r.oracleL);
  const s0 = r.prices[o.asset] as number;
  const strike = o.strike ?? s0;
  const iv = o.iv ?? r.ivs.volAt(o.asset, strike, r.t + o.expiryMs, s0);
  const i = v.list(o.asset + 1, o.isCall, strike, r.t + o.expiryMs, iv);
  if (!v.trade(r.t, a, i, o.qty, v.markAt(i, r.t, s0), r.oracleL)) {
    refused(r, `${o.where}.collateral`, `venue "${o.venue}" refuses this option trade`);
  }
  return o.collateral;
}
