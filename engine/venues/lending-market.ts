/**
 * A lending market (Aave v3 or Compound v3 rules) with several collateral and debt assets, posting
 * every balance change to the Ledger (account naming: see ./types.ts).
 *
 * Ledger picture: an owner's position account `${venue}/${owner}` holds supplied assets as positive
 * and borrowed assets as negative balances, so its ledger balance of an asset always equals
 * supply − debt. The rest of the pool is the external `${venue}#market`; reserve-factor income,
 * protocol fees, Compound's absorbed collateral and bad-debt write-offs go through the external
 * `${venue}#reserve`. Rejected actions are EventType.rejected events and return false.
 *
 * Amounts are token units, prices USD per unit indexed by ledger asset (PriceVector). Balances are
 * stored scaled by the reserve's indexes (Aave scaled balances), so accrual is O(accounts·reserves).
 */

import { InternalError } from "../errors.js";
import type { EventLog } from "../events.js";
import type { Ledger } from "../ledger.js";
import { healthFactor } from "./aave-v3.js";
import { accrueInterest, refreshTrigger } from "./lending-accrual.js";
import { available, borrow, deposit, repay, withdraw } from "./lending-actions.js";
import type { LendingConfig } from "./lending-config.js";
import { type LiquidationOutcome, liquidateLending, newOutcome } from "./lending-liquidation.js";
import { type Rates, utilization } from "./rate-curve.js";
import { covers } from "./tolerance.js";
import { Triggers } from "./trigger.js";
import { type Liquidatable, type PriceVector, positionAccountName, venueAccountName } from "./types.js";

export class LendingMarket implements Liquidatable {
  readonly nR: number;
  /** Reserve → ledger asset index. */
  readonly assetOf: Int32Array;
  private readonly slotOf: Int32Array;
  readonly borrowIndex: Float64Array;
  readonly supplyIndex: Float64Array;
  readonly rate: Rates[];
  /** Whole-pool scaled supply and debt per reserve (simulated accounts included). */
  readonly poolSupply: Float64Array;
  readonly poolDebt: Float64Array;
  lastAccrualMs = Number.NaN;
  readonly owners: string[] = [];
  readonly acct: number[] = [];
  readonly wallet: number[] = [];
  /** Scaled balances at [a·nR + r]. */
  readonly scaledSupply: number[] = [];
  readonly scaledDebt: number[] = [];
  /** Per-account screen: collateral price below `ratio × debt price` (HF = 1). */
  readonly triggers = new Triggers();
  readonly marketAcct: number;
  readonly reserveAcct: number;
  /** Compound: protocol reserves (base units) and absorbed collateral awaiting buyCollateral. */
  reserves: number;
  readonly inventory: Float64Array;
  /** The last liquidation's outcome, overwritten by the next call. */
  readonly outcome: LiquidationOutcome = newOutcome();

  constructor(
    readonly name: string,
    readonly cfg: LendingConfig,
    readonly ledger: Ledger,
    readonly events: EventLog,
  ) {
    this.nR = cfg.reserves.length;
    this.assetOf = Int32Array.from(cfg.reserves, (r) => ledger.asset(r.asset));
    this.slotOf = new Int32Array(ledger.assets.length).fill(-1);
    this.assetOf.forEach((asset, r) => {
      this.slotOf[asset] = r;
    });
    this.borrowIndex = new Float64Array(this.nR).fill(1);
    this.supplyIndex = new Float64Array(this.nR).fill(1);
    this.poolSupply = Float64Array.from(cfg.reserves, (r) => r.marketSupply);
    this.poolDebt = Float64Array.from(cfg.reserves, (r) => r.marketSupply * r.utilization);
    this.rate = cfg.reserves.map(() => ({ borrow: 0, supply: 0 }));
    for (let r = 0; r < this.nR; r++) this.updateRates(r);
    this.marketAcct = ledger.account(venueAccountName(name, "market"), true);
    this.reserveAcct = ledger.account(venueAccountName(name, "reserve"), true);
    this.reserves = cfg.initialReserves;
    this.inventory = new Float64Array(this.nR);
  }

  get accountCount(): number {
    return this.owners.length;
  }

  /** Opens an account for `owner` whose tokens come from and go to the ledger account `wallet`. */
  open(owner: string, wallet: number): number {
    const a = this.owners.length;
    this.owners.push(owner);
    this.acct.push(this.ledger.account(positionAccountName(this.name, owner)));
    this.wallet.push(wallet);
    for (let r = 0; r < this.nR; r++) {
      this.scaledSupply.push(0);
      this.scaledDebt.push(0);
    }
    this.triggers.add();
    return a;
  }

  /** Reserve slot of a ledger asset, or −1 when the market does not list it. */
  slot(asset: number): number {
    return asset >= 0 && asset < this.slotOf.length ? (this.slotOf[asset] as number) : -1;
  }

  supplyAt(a: number, r: number): number {
    return (this.scaledSupply[a * this.nR + r] as number) * (this.supplyIndex[r] as number);
  }

  debtAt(a: number, r: number): number {
    return (this.scaledDebt[a * this.nR + r] as number) * (this.borrowIndex[r] as number);
  }

  /** Supply (units) of ledger asset `asset` held by account `a`. */
  supplyOf(a: number, asset: number): number {
    const r = this.slot(asset);
    return r < 0 ? 0 : this.supplyAt(a, r);
  }

  /** Debt (units) of ledger asset `asset` owed by account `a`. */
  debtOf(a: number, asset: number): number {
    const r = this.slot(asset);
    return r < 0 ? 0 : this.debtAt(a, r);
  }

  /** Σ supplyᵢ·Pᵢ·weightᵢ; weight 0 = plain value, 1 = LTV, 2 = LT. */
  collateralValue(a: number, prices: PriceVector, weight: 0 | 1 | 2): number {
    let s = 0;
    for (let r = 0; r < this.nR; r++) {
      const c = this.cfg.reserves[r];
      if (c === undefined) continue;
      const w = weight === 0 ? 1 : weight === 1 ? c.ltv : c.lt;
      if (w > 0) s += this.supplyAt(a, r) * (prices[this.assetOf[r] as number] as number) * w;
    }
    return s;
  }

  /** Σ debtᵢ·Pᵢ (USD). */
  debtValue(a: number, prices: PriceVector): number {
    let s = 0;
    for (let r = 0; r < this.nR; r++) s += this.debtAt(a, r) * (prices[this.assetOf[r] as number] as number);
    return s;
  }

  /** Aave `HF = Σ value·LT / debt` (Compound: LT = liquidateCF); Infinity without debt. */
  healthFactor(a: number, prices: PriceVector): number {
    return healthFactor(this.collateralValue(a, prices, 2), this.debtValue(a, prices));
  }

  /** HF < 1, i.e. Σ value·LT does not cover the debt (up to ./tolerance.ts). */
  isLiquidatable(a: number, prices: PriceVector, _t = 0): boolean {
    return !covers(this.collateralValue(a, prices, 2), this.debtValue(a, prices));
  }

  /**
   * Cheap screen: one-collateral one-debt accounts compare `P_c < ratio·P_d` with the precomputed
   * HF = 1 ratio (REFERENCE: HF = 1 at ETH 1 696.97 for 10 WETH, LT 0.825, 14 000 debt); accounts
   * without debt are never liquidatable; others always go to the full test.
   */
  crossed(a: number, prices: PriceVector, _t = 0): boolean {
    return this.triggers.crossed(a, prices);
  }

  /** Triggers depend on balances only (refreshed on every change): nothing to re-arm. */
  rearm(_a: number, _prices: PriceVector, _t: number): void {}

  /** Collateral price (in units of the debt price) at which HF = 1, for one-pair accounts; NaN otherwise. */
  triggerRatio(a: number): number {
    return this.triggers.levelOf(a);
  }

  /** Recomputes the account's trigger after any change of its balances. */
  refresh(a: number): void {
    refreshTrigger(this, a);
  }

  /** Starts the accrual clock (the first `accrue` also does). */
  start(t: number): void {
    this.lastAccrualMs = t;
  }

  /**
   * Accrues interest up to `t` with the rates set at the last update (Aave: rates are recomputed after
   * every action and apply until the next). Borrow index compounds (1 + x + x²/2 + x³/6), supply index
   * grows linearly. Interest is posted per account: a borrower pays `reserveFactor` of it to the
   * reserve and the rest to the pool's lenders (`#market`); a supplier receives from `#market`.
   */
  accrue(t: number): void {
    accrueInterest(this, t);
  }

  /** Recomputes reserve r's rates from the pool's utilisation. */
  updateRates(r: number): void {
    const u = utilization(
      (this.poolDebt[r] as number) * (this.borrowIndex[r] as number),
      (this.poolSupply[r] as number) * (this.supplyIndex[r] as number),
    );
    this.cfg.reserves[r]?.curve.rates(u, this.rate[r] as Rates);
  }

  /** Changes account a's supply of reserve r by `amount` units (pool total too). */
  addSupply(a: number, r: number, amount: number): void {
    const k = a * this.nR + r;
    const scaled = amount / (this.supplyIndex[r] as number);
    const next = (this.scaledSupply[k] as number) + scaled;
    this.scaledSupply[k] = next > 1e-15 * Math.abs(scaled) ? next : 0;
    this.poolSupply[r] = (this.poolSupply[r] as number) + scaled;
  }

  /** Changes account a's debt of reserve r by `amount` units (pool total too). */
  addDebt(a: number, r: number, amount: number): void {
    const k = a * this.nR + r;
    const scaled = amount / (this.borrowIndex[r] as number);
    const next = (this.scaledDebt[k] as number) + scaled;
    this.scaledDebt[k] = next > 1e-15 * Math.abs(scaled) ? next : 0;
    this.poolDebt[r] = (this.poolDebt[r] as number) + scaled;
  }

  /** Supplies `amount` of `asset` from the wallet. Compound: base-asset deposits repay debt first. */
  deposit(t: number, a: number, asset: number, amount: number): boolean {
    return deposit(this, t, a, asset, amount);
  }

  /** Withdraws supply to the wallet; gated by LTV when the account has debt. */
  withdraw(t: number, a: number, asset: number, amount: number, prices: PriceVector): boolean {
    return withdraw(this, t, a, asset, amount, prices);
  }

  /** Borrows to the wallet, gated by liquidity, LTV (Compound: borrowCF) and borrowMin. */
  borrow(t: number, a: number, asset: number, amount: number, prices: PriceVector): boolean {
    return borrow(this, t, a, asset, amount, prices);
  }

  /** Repays up to `amount` of the debt from the wallet. @returns the amount repaid. */
  repay(t: number, a: number, asset: number, amount: number): number {
    return repay(this, t, a, asset, amount);
  }

  /** Pool liquidity of reserve r (units). */
  available(r: number): number {
    return available(this, r);
  }

  /**
   * Liquidates account `a` by the market's rule set; `liquidator` is the liquidator's wallet (ledger
   * account). Aave: repays up to `debtToCover` of `debtAsset` for `collAsset` + bonus. Compound:
   * `absorb` (all collateral to the protocol) then `buyCollateral` of `collAsset` for up to
   * `debtToCover` base. @returns `this.outcome` (overwritten by the next call).
   */
  liquidate(
    t: number,
    a: number,
    debtAsset: number,
    collAsset: number,
    debtToCover: number,
    prices: PriceVector,
    liquidator: number,
  ): LiquidationOutcome {
    if (a < 0 || a >= this.owners.length) throw new InternalError(`${this.name}: no account ${a}`);
    return liquidateLending(this, t, a, debtAsset, collAsset, debtToCover, prices, liquidator, true);
  }

  /** What `liquidate` would do now, without changing anything. */
  preview(
    a: number,
    debtAsset: number,
    collAsset: number,
    debtToCover: number,
    prices: PriceVector,
    liquidator: number,
  ): LiquidationOutcome {
    return liquidateLending(this, 0, a, debtAsset, collAsset, debtToCover, prices, liquidator, false);
  }
}
