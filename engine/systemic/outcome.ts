/**
 * What one path of a cascade produced, accumulated while it runs (amounts in the quote currency,
 * valued at the oracle price of the moment unless said otherwise). Per-asset arrays are indexed by
 * the population's assets; `profile*` by time bucket.
 */
import type { CascadeState } from "./state.js";

export interface PathOutcome {
  /** Liquidation calls executed (auction takes count one each). */
  liquidations: number;
  /** Accounts found liquidatable that no liquidator ever took (unprofitable, or no capital). */
  skipped: number;
  /** Checks that found an account liquidatable and no liquidator willing or able (once per account per grid point). */
  skippedChecks: number;
  /** Accounts liquidated at least once. */
  accountsLiquidated: number;
  /** Accounts already liquidatable at the start (a warning; see README). */
  insolventAtStart: number;
  /** Debt written off when an account's collateral ran out (quote). */
  badDebt: number;
  /** Σ max(0, debt − collateral) of open accounts at the end, at the last oracle prices (quote). */
  shortfall: number;
  debtRepaid: number;
  /** Seized collateral at the oracle price when seized. */
  collateralSeized: number;
  /** Liquidators' quote received − repaid − gas. */
  liquidatorProfit: number;
  gasPaid: number;
  /** Keeper incentives the protocol paid (Maker `tip + tab·chip` on bark and redo). */
  incentives: number;
  /** Protocol's share of seized collateral, at the oracle price when seized. */
  protocolFees: number;
  /** Reserve (insurance fund) spent on bad debt. */
  reserveDrain: number;
  /** Perp legs (portfolio-margin.ts): liquidations by the perp venue, notional closed, fees, perp bad debt, perp insurance spent, perp cash that repaid debt (unified). */
  perpLiquidations: number;
  perpClosedNotional: number;
  perpFees: number;
  perpBadDebt: number;
  perpInsuranceDrain: number;
  cashRepaid: number;
  /** Per debt asset: written-off debt (quote). */
  readonly badDebtByDebtAsset: Float64Array;
  /** Per collateral asset: bad debt and end shortfall, attributed by each account's starting collateral value shares. */
  readonly lossByCollAsset: Float64Array;
  /** Per asset: seized units sold into its market and the quote they fetched. */
  readonly soldUnits: Float64Array;
  readonly proceeds: Float64Array;
  /** Per asset: lowest exogenous price / start, lowest market price (with the sales' impact) / start. */
  readonly exoLow: Float64Array;
  readonly marketLow: Float64Array;
  /** Per time bucket: liquidations, collateral seized (quote), bad debt written off (quote). */
  readonly profileCount: Float64Array;
  readonly profileSeized: Float64Array;
  readonly profileBadDebt: Float64Array;
}

export function newOutcome(nAssets: number, nBuckets: number): PathOutcome {
  return {
    liquidations: 0,
    skipped: 0,
    skippedChecks: 0,
    accountsLiquidated: 0,
    insolventAtStart: 0,
    badDebt: 0,
    shortfall: 0,
    debtRepaid: 0,
    collateralSeized: 0,
    liquidatorProfit: 0,
    gasPaid: 0,
    incentives: 0,
    protocolFees: 0,
    reserveDrain: 0,
    perpLiquidations: 0,
    perpClosedNotional: 0,
    perpFees: 0,
    perpBadDebt: 0,
    perpInsuranceDrain: 0,
    cashRepaid: 0,
    badDebtByDebtAsset: new Float64Array(nAssets),
    lossByCollAsset: new Float64Array(nAssets),
    soldUnits: new Float64Array(nAssets),
    proceeds: new Float64Array(nAssets),
    exoLow: new Float64Array(nAssets).fill(1),
    marketLow: new Float64Array(nAssets).fill(1),
    profileCount: new Float64Array(nBuckets),
    profileSeized: new Float64Array(nBuckets),
    profileBadDebt: new Float64Array(nBuckets),
  };
}

/** Splits a loss of account a over its collateral assets by their starting value at P⁰. */
export function attributeLoss(s: CascadeState, a: number, quote: number): void {
  const A = s.p0.length;
  const c = s.origin.coll;
  let total = 0;
  for (let k = 0; k < A; k++) total += (c[a * A + k] as number) * (s.p0[k] as number);
  if (!(total > 0)) return;
  const by = s.out.lossByCollAsset;
  for (let k = 0; k < A; k++) {
    const w = ((c[a * A + k] as number) * (s.p0[k] as number)) / total;
    if (w > 0) by[k] = (by[k] as number) + quote * w;
  }
}

/** Zeroes `o` for the next path (the arrays are reused). */
export function resetOutcome(o: PathOutcome): void {
  o.liquidations = o.skipped = o.skippedChecks = o.accountsLiquidated = o.insolventAtStart = 0;
  o.badDebt = o.shortfall = o.debtRepaid = o.collateralSeized = 0;
  o.liquidatorProfit = o.gasPaid = o.protocolFees = o.reserveDrain = o.incentives = 0;
  o.perpLiquidations = o.perpClosedNotional = o.perpFees = o.perpBadDebt = o.perpInsuranceDrain = 0;
  o.cashRepaid = 0;
  for (const arr of [o.badDebtByDebtAsset, o.lossByCollAsset, o.soldUnits, o.proceeds]) arr.fill(0);
  for (const arr of [o.profileCount, o.profileSeized, o.profileBadDebt]) arr.fill(0);
  o.exoLow.fill(1);
  o.marketLow.fill(1);
}

/**
 * Cascade amplification of asset k: (total drop with feedback) / (exogenous drop), the drops being
 * 1 − lowest price / start price. NaN (reported as NULL) when the exogenous path never fell.
 */
export function amplification(o: PathOutcome, k: number): number {
  const exo = 1 - (o.exoLow[k] as number);
  if (!(exo > 0)) return Number.NaN;
  return (1 - (o.marketLow[k] as number)) / exo;
}
