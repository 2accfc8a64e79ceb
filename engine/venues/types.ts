/**
 * Shared shapes of the venues (DESIGN: venues). Venues are stateful rule engines that post every
 * balance change to the Ledger and every liquidation, insurance draw and bad debt to the EventLog.
 *
 * Ledger account naming convention (one place, so reports can group by prefix):
 * - `${venue}/${owner}`  an owner's position at a venue (internal): collateral and margin are
 *   positive balances, debt is a negative balance of the borrowed asset;
 * - `${venue}#market`    the world outside (external): lenders of the rest of the pool, perp and
 *   option counterparties, funding and interest counterparties;
 * - `${venue}#reserve`   the protocol's treasury / reserves (external): reserve factor, protocol
 *   fees, Compound's absorbed collateral, and the counterparty of bad-debt write-offs;
 * - `${venue}#insurance` a perp or option venue's insurance fund (internal, so its balance is
 *   visible and can run dry);
 * - `${venue}#fees`      trading fees (external).
 * The owner's own wallet is a ledger account the caller creates and passes in.
 */
import type { EventLog } from "../events.js";
import type { Ledger } from "../ledger.js";

/** Oracle or mark prices in the quote currency (USD), indexed by *ledger asset index*. */
export type PriceVector = ArrayLike<number>;

/** What a venue's factory receives. */
export interface VenueCtx {
  /** Venue name as in the scenario (`lend`, `perp`), the prefix of its ledger accounts. */
  readonly name: string;
  readonly ledger: Ledger;
  readonly events: EventLog;
}

/** What the liquidation engine needs of every venue: a cheap screen and a full test. */
export interface Liquidatable {
  readonly name: string;
  /** Accounts are numbered 0 … accountCount − 1. */
  readonly accountCount: number;
  /**
   * Cheap per-tick screen against the account's precomputed trigger (a few arithmetic operations,
   * no allocation). Never false when `isLiquidatable` would be true; may be true when it is not.
   */
  crossed(a: number, prices: PriceVector, t: number): boolean;
  /** The venue's full rule (HF < 1, equity < maintenance margin…). */
  isLiquidatable(a: number, prices: PriceVector, t: number): boolean;
  /**
   * Re-arms a trigger that depends on prices or time after `crossed` fired but the full test said
   * safe (options bands); a no-op where triggers depend on balances only.
   */
  rearm(a: number, prices: PriceVector, t: number): void;
}

/** A venue that liquidates its own accounts (perp and options engines), with no external keeper. */
export interface SelfLiquidating extends Liquidatable {
  /** Liquidates account `a` when its rule says so; returns true when anything was closed. */
  liquidate(t: number, a: number, prices: PriceVector): boolean;
}

/** Ledger account name of `owner`'s position at `venue`. */
export function positionAccountName(venue: string, owner: string): string {
  return `${venue}/${owner}`;
}

/** Ledger account name of one of a venue's own accounts (`market`, `reserve`, `insurance`, `fees`). */
export function venueAccountName(venue: string, role: "market" | "reserve" | "insurance" | "fees"): string {
  return `${venue}#${role}`;
}
