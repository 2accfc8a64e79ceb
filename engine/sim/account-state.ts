/**
 * The trader's venue accounts and option book at one instant, at market prices: what
 * `series.parquet` samples and what the per-path peaks (margin utilisation, capital committed) and
 * the PnL attribution are built from. Allocation-free: results go into reused objects.
 */
import type { PerpVenue } from "../venues/perp-venue.js";
import type { Book } from "./book.js";
import { type VenueVols, venueGreeks } from "./venue-greeks.js";

/** Aggregates over the trader's venue accounts (NaN where no account of that kind exists). */
export interface AccountState {
  /** Lowest Aave/Compound health factor over the lending accounts (< 1 ⇒ liquidatable). */
  healthFactor: number;
  /** Highest perp margin ratio, maintenance margin / margin balance (≥ 1 ⇒ liquidatable). */
  marginRatio: number;
  /** Σ perp margin balances (equity at mark) + Σ lending collateral at market value (quote). */
  collateralValue: number;
  /** Σ lending debt at market value (quote). */
  debt: number;
  /**
   * Margin utilisation = margin used / margin available = (Σ perp initial margin + Σ lending debt)
   * ÷ (Σ perp margin balance + Σ lending borrowing power, collateral × LTV); NaN without accounts.
   */
  utilisation: number;
  /**
   * The same figures per venue account, perp accounts first then lending accounts, in the order
   * they were opened: `accounts` entries are valid (the arrays are reused and may be longer).
   */
  readonly each: AccountRows;
  accounts: number;
}

/** Per venue account figures (NaN where the figure does not apply to the account's venue type). */
export interface AccountRows {
  readonly venue: string[];
  readonly healthFactor: number[];
  readonly marginRatio: number[];
  readonly collateralValue: number[];
  readonly debt: number[];
  readonly utilisation: number[];
}

export function newAccountState(): AccountState {
  const each: AccountRows = {
    venue: [],
    healthFactor: [],
    marginRatio: [],
    collateralValue: [],
    debt: [],
    utilisation: [],
  };
  return { healthFactor: 0, marginRatio: 0, collateralValue: 0, debt: 0, utilisation: 0, each, accounts: 0 };
}

/** Margin used / margin available: ∞ when something is used of nothing, NaN when nothing either way. */
function utilisationOf(used: number, available: number): number {
  return available > 0 ? used / available : used > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
}

/** Writes account `k`'s figures into `e`. */
function setRow(
  e: AccountRows,
  k: number,
  venue: string,
  hf: number,
  ratio: number,
  coll: number,
  debt: number,
  util: number,
): void {
  e.venue[k] = venue;
  e.healthFactor[k] = hf;
  e.marginRatio[k] = ratio;
  e.collateralValue[k] = coll;
  e.debt[k] = debt;
  e.utilisation[k] = util;
}

/**
 * Fills `out` from the trader's accounts at ledger-indexed `prices`: the aggregates and, per
 * account, the same figures (a perp account's collateral is its margin balance, its utilisation
 * initial margin / max(balance, 0); a loan's utilisation is debt / (collateral × LTV)).
 * `afterEquity`: the book's `equity` was just taken at these prices, so the perp accounts'
 * equities are read from it. `rows`: false when only the aggregates are wanted (the per-path peaks
 * of a path whose series is not sampled), which leaves `out.each` as it was.
 */
export function readAccounts(
  book: Book,
  prices: Float64Array,
  out: AccountState,
  afterEquity = false,
  rows = true,
): AccountState {
  const v = book.venues;
  let hf = Number.POSITIVE_INFINITY;
  let ratio = Number.NEGATIVE_INFINITY;
  let coll = 0;
  let debt = 0;
  let used = 0;
  let available = 0;
  let k = 0;
  const nan = Number.NaN;
  for (; k < v.perpAccts.length; k++) {
    const [pv, a] = v.perpAccts[k] as [PerpVenue, number];
    // One pass over the account: PerpVenue.marginRatio is MM / equity (0 without positions).
    const balance = afterEquity ? (v.perpEquity[k] as number) : pv.equity(a, prices);
    const im = pv.margins(a, prices);
    const mm = pv.lastMaintenance;
    const r = mm === 0 ? 0 : balance > 0 ? mm / balance : Number.POSITIVE_INFINITY;
    ratio = Math.max(ratio, r);
    coll += balance;
    used += im;
    available += Math.max(balance, 0);
    if (rows) setRow(out.each, k, pv.name, nan, r, balance, nan, utilisationOf(im, Math.max(balance, 0)));
  }
  for (const [m, a] of v.lendAccts) {
    const d = m.debtValue(a, prices);
    const h = m.healthFactor(a, prices);
    const c = m.collateralValue(a, prices, 0);
    const power = m.collateralValue(a, prices, 1);
    hf = Math.min(hf, h);
    coll += c;
    debt += d;
    used += d;
    available += power;
    if (rows) setRow(out.each, k, m.name, h, nan, c, d, utilisationOf(d, power));
    k++;
  }
  out.accounts = k;
  out.healthFactor = v.lendAccts.length > 0 ? hf : Number.NaN;
  out.marginRatio = v.perpAccts.length > 0 ? ratio : Number.NaN;
  out.collateralValue = coll;
  out.debt = debt;
  out.utilisation = utilisationOf(used, available);
  return out;
}

/** Greeks of the whole trader book on one asset (quote per unit of the asset's price). */
export interface BookGreeks {
  /** ∂V/∂S: options + perp position + spot holding. */
  delta: number;
  gamma: number;
  /** ∂V/∂σ of the book's own options per unit of vol (1.00 = 100 vol points). */
  vega: number;
  /** ∂V/∂t of the book's own options per year. */
  theta: number;
  /** ∂²V/∂S∂σ and ∂²V/∂σ² of the book's own options. */
  vanna: number;
  volga: number;
}

export function newBookGreeks(): BookGreeks {
  return { delta: 0, gamma: 0, vega: 0, theta: 0, vanna: 0, volga: 0 };
}

/**
 * Book Greeks on market asset `asset` at price s, time t: delta and gamma of every option (book
 * and venue-held) plus the perp and spot positions; vega, theta, vanna and volga of the book's own
 * options and of the venue-held ones, Black-76 at each option's implied vol in `vols` and
 * `venueVols` (default: its current one).
 */
const scratch = newBookGreeks();

export function readGreeks(
  book: Book,
  asset: number,
  s: number,
  t: number,
  out: BookGreeks,
  vols: Float64Array = book.optIv,
  venueVols?: VenueVols,
): BookGreeks {
  // One pass over the book's options, each sum in the order Book.optionGreek takes its terms.
  let delta = 0;
  let gamma = 0;
  let vega = 0;
  let theta = 0;
  let vanna = 0;
  let volga = 0;
  const m = book.marks;
  for (let i = 0; i < book.optQty.length; i++) {
    if (!book.optLive[i] || book.optAsset[i] !== asset) continue;
    const k = book.mark(i, s, t, vols[i] as number);
    const q = book.optQty[i] as number;
    delta += q * (m.delta[k] as number);
    gamma += q * (m.gamma[k] as number);
    vega += q * (m.vega[k] as number);
    theta += q * (m.theta[k] as number);
    vanna += q * (m.vanna[k] as number);
    volga += q * (m.volga[k] as number);
  }
  if (book.venues.optAccts.length > 0) {
    const v = venueGreeks(book.venues, asset + 1, s, t, scratch, venueVols);
    delta += v.delta;
    gamma += v.gamma;
    vega += v.vega;
    theta += v.theta;
    vanna += v.vanna;
    volga += v.volga;
  }
  out.delta = delta + book.perpQty(asset) + book.spotQty(asset);
  out.gamma = gamma;
  out.vega = vega;
  out.theta = theta;
  out.vanna = vanna;
  out.volga = volga;
  return out;
}
