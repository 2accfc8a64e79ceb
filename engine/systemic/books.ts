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

  constructor(
    readonly assets: readonly string[],
    private readonly quote: number,
  ) {
    this.ledger = new Ledger([...assets, ...assets.map((a) => `debt:${a}`)]);
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

  /** A repayment of `units` of debt asset j, paid by the liquidators (bought at market when not the quote). */
  repay(j: number, units: number, quoteCost: number): void {
    const l = this.ledger;
    if (j !== this.quote) {
      l.transfer(this.liquidators, this.market, this.quote, quoteCost, Reason.trade);
      l.transfer(this.market, this.liquidators, j, units, Reason.trade);
    }
    l.transfer(this.liquidators, this.protocol, j, units, Reason.liquidation);
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
