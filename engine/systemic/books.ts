/**
 * The cascade's double-entry books (DESIGN "Accounting"): the population's balances live in the
 * structure-of-arrays; every change to them is also posted here, in aggregate accounts, so the
 * ledger's conservation check covers every cascade. Assets: the population's assets, then one debt
 * token `debt:<asset>` per asset (as Aave's variable-debt tokens): a borrower's debt is a negative
 * balance of the token, the protocol's claim the matching positive one.
 *
 * Identity (per debt asset): debt at the start = debt outstanding + repaid + written off; (per
 * collateral asset): collateral at the start = collateral held + sold by liquidators + protocol
 * fees (+ held by auction lots). Liquidators' quote = capital + proceeds − repaid − gas.
 *
 * Perp legs (portfolio-margin.ts): one token `perp:<asset>` per asset, held (signed) by the
 * `perp-accounts` account with the accounts' perp cash in the quote; the `perp-venue` (external)
 * is the counterparty of every close and absorbs what the `perp-insurance` fund cannot cover.
 */
import { Ledger, Reason } from "../ledger.js";

export class CascadeBooks {
  readonly ledger: Ledger;
  readonly borrowers: number;
  readonly protocol: number;
  readonly treasury: number;
  readonly liquidators: number;
  readonly lots: number;
  readonly reserve: number;
  private readonly world: number;
  private readonly market: number;
  private readonly gasSink: number;
  readonly perpAccounts: number;
  readonly perpInsurance: number;
  private readonly perpVenue: number;

  constructor(
    readonly assets: readonly string[],
    private readonly quote: number,
  ) {
    this.ledger = new Ledger([
      ...assets,
      ...assets.map((a) => `debt:${a}`),
      ...assets.map((a) => `perp:${a}`),
    ]);
    const l = this.ledger;
    this.borrowers = l.account("borrowers");
    this.protocol = l.account("protocol");
    this.treasury = l.account("treasury");
    this.liquidators = l.account("liquidators");
    this.lots = l.account("auction-lots");
    this.reserve = l.account("reserve");
    this.world = l.account("world", true);
    this.market = l.account("market", true);
    this.gasSink = l.account("gas", true);
    this.perpAccounts = l.account("perp-accounts");
    this.perpInsurance = l.account("perp-insurance");
    this.perpVenue = l.account("perp-venue", true);
  }

  private perpToken(k: number): number {
    return 2 * this.assets.length + k;
  }

  /** Opening perp positions (signed units per asset), the accounts' perp cash and the insurance fund. */
  openPerps(sizes: Float64Array, cash: number, insurance: number): void {
    const l = this.ledger;
    for (let k = 0; k < this.assets.length; k++)
      l.transfer(this.perpVenue, this.perpAccounts, this.perpToken(k), sizes[k] as number, Reason.trade);
    l.transfer(this.perpVenue, this.perpAccounts, this.quote, cash, Reason.deposit);
    l.transfer(this.world, this.perpInsurance, this.quote, insurance, Reason.deposit);
  }

  /** `units` (signed) of the perp in asset k handed back to the venue for `quote` (signed) cash. */
  perpClose(k: number, units: number, quote: number): void {
    this.ledger.transfer(this.perpAccounts, this.perpVenue, this.perpToken(k), units, Reason.liquidation);
    this.ledger.transfer(this.perpVenue, this.perpAccounts, this.quote, quote, Reason.liquidation);
  }

  perpFee(quote: number): void {
    this.ledger.transfer(this.perpAccounts, this.perpInsurance, this.quote, quote, Reason.fee);
  }

  /** A negative perp cash `deficit` written off: the insurance fund pays `cover`, the venue the rest. */
  perpWriteOff(deficit: number, cover: number): void {
    this.ledger.transfer(this.perpInsurance, this.perpAccounts, this.quote, cover, Reason.insurance);
    this.ledger.transfer(this.perpVenue, this.perpAccounts, this.quote, deficit - cover, Reason.badDebt);
  }

  /** Unified margin: perp cash repays `units` of debt asset j (bought at market for `quoteCost`). */
  cashRepay(j: number, units: number, quoteCost: number): void {
    this.repay(j, units, quoteCost, this.perpAccounts);
  }

  private debtToken(k: number): number {
    return this.assets.length + k;
  }

  /** Opening balances: collateral deposited, debt drawn, liquidators' capital, the reserve. */
  open(collTotals: Float64Array, debtTotals: Float64Array, capital: number, reserve: number): void {
    const l = this.ledger;
    for (let k = 0; k < this.assets.length; k++) {
      l.transfer(this.world, this.borrowers, k, collTotals[k] as number, Reason.deposit);
      l.transfer(this.borrowers, this.protocol, this.debtToken(k), debtTotals[k] as number, Reason.borrow);
    }
    l.transfer(this.world, this.liquidators, this.quote, capital, Reason.deposit);
    l.transfer(this.world, this.reserve, this.quote, reserve, Reason.deposit);
  }

  /** A repayment of `units` of debt asset j, paid by `payer` (bought at market when not the quote). */
  repay(j: number, units: number, quoteCost: number, payer = this.liquidators): void {
    const l = this.ledger;
    if (j !== this.quote) {
      l.transfer(payer, this.market, this.quote, quoteCost, Reason.trade);
      l.transfer(this.market, payer, j, units, Reason.trade);
    }
    l.transfer(payer, this.protocol, j, units, Reason.liquidation);
    l.transfer(this.protocol, this.borrowers, this.debtToken(j), units, Reason.liquidation);
  }

  /** Collateral i taken from borrowers: `toTaker` to the liquidators (or an auction's lot), `fee` to the treasury. */
  seize(i: number, toTaker: number, fee: number, intoLot = false): void {
    this.ledger.transfer(
      this.borrowers,
      intoLot ? this.lots : this.liquidators,
      i,
      toTaker,
      Reason.liquidation,
    );
    this.ledger.transfer(this.borrowers, this.treasury, i, fee, Reason.fee);
  }

  /** Collateral i sold by the liquidators into its market for `proceeds` quote. */
  sell(i: number, units: number, proceeds: number): void {
    this.ledger.transfer(this.liquidators, this.market, i, units, Reason.trade);
    this.ledger.transfer(this.market, this.liquidators, this.quote, proceeds, Reason.trade);
  }

  gas(quoteCost: number): void {
    this.ledger.transfer(this.liquidators, this.gasSink, this.quote, quoteCost, Reason.gas);
  }

  /** Debt j of an account left without collateral is written off; the reserve covers what it can. */
  writeOff(j: number, units: number, reserveCover: number): void {
    this.ledger.transfer(this.protocol, this.borrowers, this.debtToken(j), units, Reason.badDebt);
    this.ledger.transfer(this.reserve, this.protocol, this.quote, reserveCover, Reason.insurance);
  }

  /** An auction lot's collateral i sold to a bidder for `paid` quote, which goes to the protocol. */
  auctionSale(i: number, units: number, paid: number, debtUnits: number, j: number): void {
    const l = this.ledger;
    l.transfer(this.lots, this.liquidators, i, units, Reason.liquidation);
    l.transfer(this.liquidators, this.protocol, this.quote, paid, Reason.liquidation);
    l.transfer(this.protocol, this.borrowers, this.debtToken(j), debtUnits, Reason.liquidation);
  }

  /** The protocol's incentive to a keeper (Maker `tip + tab·chip`). */
  incentive(quote: number): void {
    this.ledger.transfer(this.protocol, this.liquidators, this.quote, quote, Reason.fee);
  }

  /** Collateral left in a finished auction lot goes back to its owner. */
  returnLot(i: number, units: number): void {
    this.ledger.transfer(this.lots, this.borrowers, i, units, Reason.liquidation);
  }

  balance(account: number, k: number): number {
    return this.ledger.balance(account, k);
  }

  debtOutstanding(k: number): number {
    return this.ledger.balance(this.protocol, this.debtToken(k));
  }
}
