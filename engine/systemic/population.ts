/**
 * A population of lending accounts in structure-of-arrays form (DESIGN "Speed": many accounts in one
 * path live as one typed array per field): account a's balance of asset k is `coll[a·A + k]`
 * (collateral, token units) and `debt[a·A + k]` (debt, token units), A = `assets.length`. An account
 * may hold several collateral and several debt assets. Venue `venue[a]` indexes `venues`.
 *
 * Nothing here allocates per account beyond the arrays: 100 000 accounts with four assets cost
 * 100 000 × 4 × 16 B ≈ 6.4 MB, plus 2 B of venue index each.
 *
 * An account may also hold one perpetual position on the scenario's perp venue (the second venue
 * of a unified-versus-siloed comparison; portfolio-margin.ts): `perpAsset[a]` (−1: none),
 * `perpSize[a]` (signed units, negative = short) and `perpCash[a]` (quote): the perp account's
 * equity at mark P is `perpCash + perpSize·P`, i.e. cash = margin − size·entry price. Closing u
 * units at P moves `u·P` into the cash. 17 B more per account.
 */
export interface Population {
  /** Number of accounts. */
  readonly n: number;
  /** Asset names; index k in the balance arrays. */
  readonly assets: readonly string[];
  /** Venue names; `venue[a]` indexes this list. */
  readonly venues: readonly string[];
  readonly venue: Uint16Array;
  /** Collateral by (account, asset), token units. */
  readonly coll: Float64Array;
  /** Debt by (account, asset), token units. */
  readonly debt: Float64Array;
  /** Asset of the account's perp position (−1: none). */
  readonly perpAsset: Int8Array;
  /** Perp position in units of `perpAsset` (negative: short). */
  readonly perpSize: Float64Array;
  /** Perp account cash (quote): margin − size·entry; equity = cash + size·mark. */
  readonly perpCash: Float64Array;
  /** Account identifiers, when the population came from a snapshot (generated: `#<index>`). */
  readonly ids?: readonly string[];
}

/** An empty population of `n` accounts over `assets`, all in venue 0. */
export function allocPopulation(
  n: number,
  assets: readonly string[],
  venues: readonly string[],
  ids?: readonly string[],
): Population {
  const A = assets.length;
  return {
    n,
    assets,
    venues,
    venue: new Uint16Array(n),
    coll: new Float64Array(n * A),
    debt: new Float64Array(n * A),
    perpAsset: new Int8Array(n).fill(-1),
    perpSize: new Float64Array(n),
    perpCash: new Float64Array(n),
    ...(ids ? { ids } : {}),
  };
}

/** A copy whose balances can be changed by a path without touching the original. */
export function clonePopulation(p: Population): Population {
  return {
    ...p,
    venue: p.venue.slice(),
    coll: p.coll.slice(),
    debt: p.debt.slice(),
    perpAsset: p.perpAsset.slice(),
    perpSize: p.perpSize.slice(),
    perpCash: p.perpCash.slice(),
  };
}

/**
 * Σ collateralᵢ·priceᵢ·LTᵢ of account `a` (the numerator of Aave's health factor, GenericLogic).
 * `lt` is indexed by (venue, asset): `lt[v·A + k]`.
 */
export function weightedCollateral(p: Population, a: number, price: Float64Array, lt: Float64Array): number {
  const A = p.assets.length;
  const base = a * A;
  const vb = (p.venue[a] as number) * A;
  let s = 0;
  for (let k = 0; k < A; k++) {
    const c = p.coll[base + k] as number;
    if (c !== 0) s += c * (price[k] as number) * (lt[vb + k] as number);
  }
  return s;
}

/** Σ balanceᵢ·priceᵢ of account `a` over `bal` (`coll` or `debt`). */
export function accountValue(p: Population, bal: Float64Array, a: number, price: Float64Array): number {
  const A = p.assets.length;
  const base = a * A;
  let s = 0;
  for (let k = 0; k < A; k++) {
    const x = bal[base + k] as number;
    if (x !== 0) s += x * (price[k] as number);
  }
  return s;
}

/**
 * Health factor `HF = Σ collᵢ·Pᵢ·LTᵢ / Σ debtⱼ·Pⱼ` (REFERENCE "Lending: Aave v3"); Infinity without
 * debt. Liquidatable iff HF < 1.
 */
export function healthFactorOf(p: Population, a: number, price: Float64Array, lt: Float64Array): number {
  const d = accountValue(p, p.debt, a, price);
  if (!(d > 0)) return Number.POSITIVE_INFINITY;
  return weightedCollateral(p, a, price, lt) / d;
}

/** Total of asset k over all accounts in `bal`. */
export function totalOf(p: Population, bal: Float64Array, k: number): number {
  const A = p.assets.length;
  let s = 0;
  for (let a = 0; a < p.n; a++) s += bal[a * A + k] as number;
  return s;
}
