/**
 * A liquidator agent for lending markets (REFERENCE "Liquidators"): it sees an unhealthy account,
 * estimates its profit, and — after its latency — repays debt, receives collateral and sells it
 * through an ImpactModel. Aave pattern: flash-borrow the debt asset, liquidationCall, swap the
 * collateral back, repay; profit ≈ collateral received × (1 − impact) − debt paid − gas. It skips
 * when that is below `minProfitQuote` ("bonus − slippage − gas < threshold"), when busy, or when out
 * of capital (capital, in the quote asset, bounds the debt it covers per liquidation).
 *
 * Ledger: the agent's wallet `liquidator/${name}` (funded from the external `liquidation#funding`),
 * trades against the external `liquidation#market` (Reason.trade for the mid, Reason.slippage for
 * the impact), pays gas to the external `liquidation#gas`.
 */
import type { GasModel, ImpactModel } from "../execution/types.js";
import { type Ledger, Reason } from "../ledger.js";
import type { ParamSpecs, Params } from "../params.js";
import { LiqCode, type LiquidationOutcome } from "../venues/lending-liquidation.js";
import type { LendingMarket } from "../venues/lending-market.js";
import type { PriceVector } from "../venues/types.js";

export interface LiquidatorConfig {
  readonly name: string;
  /** From seeing the account to inclusion of its transaction. */
  readonly latencyMs: number;
  /** Quote-asset capital at the start. */
  readonly capitalQuote: number;
  /** Gas per liquidation in quote, used when no gas model is given. */
  readonly gasQuote: number;
  /** Minimum expected profit (quote) to act. */
  readonly minProfitQuote: number;
  readonly gasModel?: GasModel;
  /** Ledger asset whose price the gas model needs (ETH). */
  readonly gasAsset?: number;
}

/** Parameters of a liquidator as plain data (for scenario files and `ballast list`). */
export const LIQUIDATOR_SPECS: ParamSpecs = {
  latency: {
    type: "duration",
    description: "time from seeing an unhealthy account to inclusion",
    min: 0,
    default: "12s",
  },
  capital: {
    type: "number",
    description: "quote capital; bounds the debt covered per liquidation",
    min: 0,
    default: 1e6,
  },
  gas: {
    type: "number",
    description:
      "cost of one liquidation's transaction in the quote currency, not gas units (Aave liquidationCall 393 192 gas ≈ 11.8 USD at 200 gwei, ETH 150)",
    min: 0,
    default: 10,
  },
  minProfit: {
    type: "number",
    description: "skip when expected bonus − slippage − gas is below this (quote)",
    default: 0,
  },
};

export function liquidatorConfig(name: string, p: Params): LiquidatorConfig {
  return {
    name,
    latencyMs: p["latency"] as number,
    capitalQuote: p["capital"] as number,
    gasQuote: p["gas"] as number,
    minProfitQuote: p["minProfit"] as number,
  };
}

export class Liquidator {
  readonly wallet: number;
  /** Pending job: market slot, account, debt and collateral ledger assets, due time. */
  jobMarket = -1;
  jobAccount = -1;
  jobDebt = -1;
  jobColl = -1;
  jobDueMs = Number.POSITIVE_INFINITY;
  /** Debt-to-cover argument of the planned call. */
  jobCover = 0;
  executed = 0;
  reverted = 0;
  gasPaidQuote = 0;

  constructor(
    readonly cfg: LiquidatorConfig,
    readonly ledger: Ledger,
    readonly quote: number,
    funding: number,
  ) {
    this.wallet = ledger.account(`liquidator/${cfg.name}`);
    ledger.transfer(funding, this.wallet, quote, cfg.capitalQuote, Reason.deposit);
  }

  busy(): boolean {
    return this.jobAccount >= 0;
  }

  capital(): number {
    return this.ledger.balance(this.wallet, this.quote);
  }

  gasCost(t: number, prices: PriceVector, stress: number): number {
    const m = this.cfg.gasModel;
    if (m === undefined) return this.cfg.gasQuote;
    return m.costQuote(
      t,
      this.cfg.gasAsset === undefined ? 0 : (prices[this.cfg.gasAsset] as number),
      stress,
    );
  }

  /** Largest debt and collateral of account a, written into jobDebt/jobColl (ledger assets). */
  pickPair(m: LendingMarket, a: number, prices: PriceVector): void {
    let bestD = 0;
    let bestC = 0;
    this.jobDebt = this.jobColl = -1;
    for (let r = 0; r < m.nR; r++) {
      const p = prices[m.assetOf[r] as number] as number;
      const d = m.debtAt(a, r) * p;
      const c = (m.cfg.reserves[r]?.lt ?? 0) > 0 ? m.supplyAt(a, r) * p : 0;
      if (d > bestD) {
        bestD = d;
        this.jobDebt = m.assetOf[r] as number;
      }
      if (c > bestC) {
        bestC = c;
        this.jobColl = m.assetOf[r] as number;
      }
    }
  }

  /**
   * Debt to cover: all the capital allows (the rule set caps it by close factor and collateral).
   * When Aave v3.3's dust rule refuses that, retried with the reserve's whole debt, then with the
   * largest partial repayment that leaves ≥ `minLeftoverUsd` of both the debt and the collateral
   * (any such repayment is valid: `LiquidationLogic` MUST_NOT_LEAVE_DUST, REFERENCE "Aave v3").
   * @returns the previewed outcome, or undefined when nothing can be done.
   */
  plan(m: LendingMarket, a: number, prices: PriceVector): LiquidationOutcome | undefined {
    const debtAsset = m.cfg.rules === "compound-v3" ? (m.assetOf[0] as number) : this.jobDebt;
    const pd = prices[debtAsset] as number;
    const cover = this.capital() / pd;
    if (!(cover > 0) || this.jobColl < 0) return undefined;
    this.jobCover = cover;
    let o = m.preview(a, debtAsset, this.jobColl, cover, prices, this.wallet);
    if (o.code === LiqCode.dust) {
      this.jobCover = Math.min(cover, m.debtOf(a, debtAsset));
      o = m.preview(a, debtAsset, this.jobColl, this.jobCover, prices, this.wallet);
    }
    if (o.code === LiqCode.dust) {
      const partial = Math.min(cover, this.dustFreeCover(m, a, debtAsset, prices));
      if (partial > 0) {
        this.jobCover = partial;
        o = m.preview(a, debtAsset, this.jobColl, partial, prices, this.wallet);
      }
    }
    if (o.code !== LiqCode.done) return undefined;
    // Compound's absorb stands on its own (the storefront only opens below target reserves).
    return o.toLiquidator > 0 || isAbsorb(m) ? o : undefined;
  }

  /**
   * Largest repayment leaving ≥ L = `minLeftoverUsd` of debt and of collateral (less 1e-9 for
   * rounding): debt − L/P_d, and (coll − L/P_c)·P_c / (P_d·(1 + bonus)), since the account loses
   * repaid·P_d·(1 + bonus)/P_c of collateral — the liquidator's part and the protocol fee together
   * (Aave v3.3 counts both in MUST_NOT_LEAVE_DUST; see `leavesDust` in ../venues/aave-v3.ts).
   */
  private dustFreeCover(m: LendingMarket, a: number, debtAsset: number, prices: PriceVector): number {
    const rc = m.slot(this.jobColl);
    const cc = m.cfg.reserves[rc];
    if (cc === undefined) return 0;
    const pd = prices[debtAsset] as number;
    const pc = prices[this.jobColl] as number;
    const left = m.cfg.minLeftoverUsd;
    const byDebt = m.debtOf(a, debtAsset) - left / pd;
    const byColl = ((m.supplyAt(a, rc) - left / pc) * pc) / (pd * (1 + cc.bonus));
    return Math.min(byDebt, byColl) * (1 - 1e-9);
  }

  /** Expected profit in quote of a planned outcome: proceeds after impact − debt paid − gas. */
  expectedProfit(
    o: LiquidationOutcome,
    pd: number,
    pc: number,
    impact: ImpactModel | undefined,
    t: number,
    gas: number,
  ): number {
    const slip = impact === undefined ? 0 : impact.impact(-o.toLiquidator, pc, t);
    return o.toLiquidator * pc * (1 - slip) - o.paid * pd - gas;
  }
}

/**
 * A Compound v3 market: `absorb` is open to anyone and does not depend on the storefront
 * (REFERENCE "Lending: Compound v3"); with the storefront closed (reserves ≥ target) the absorb
 * buys nothing. The agents then absorb as keepers do, paying the gas, with no profit test.
 */
export function isAbsorb(m: LendingMarket): boolean {
  return m.cfg.rules === "compound-v3";
}
