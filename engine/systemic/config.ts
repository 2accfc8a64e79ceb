/**
 * The resolved configuration of a systemic stress run: the population's rules per venue, the pools
 * the seized collateral is sold into, the oracle, the liquidators and the chain. Built once by the
 * CLI from a `population:` scenario; every array is indexed by the population's asset or venue.
 */
import type { OnlineOracleConfig } from "./online-oracle.js";
import type { MarginSpec } from "./portfolio-margin.js";

/** How an unsafe account is resolved. */
export type LiquidationRule = "fixed-bonus" | "clipper" | "flipper";

/** Per-venue, per-asset risk parameters, flattened `[v·A + k]`. */
export interface RiskTable {
  /** Liquidation threshold (0: not collateral). */
  readonly lt: Float64Array;
  /** Liquidation bonus above principal (0.05 = 5 %). */
  readonly bonus: Float64Array;
  /** Share of the bonus part paid to the protocol (Aave `protocolFee`). */
  readonly protocolFee: Float64Array;
  /**
   * Share of a debt reserve a liquidator may repay while HF > 0.95; below, 100 % (Aave v3.0–3.2
   * close factor, REFERENCE; `CLOSE_FACTOR_HF_THRESHOLD = 0.95`).
   */
  readonly closeFactor: Float64Array;
}

export interface LiquidatorSpec {
  readonly name: string;
  /** From seeing an unsafe account to sending the transaction. */
  readonly latencyMs: number;
  /** Quote capital: bounds the debt repaid per liquidation; grows with profit. */
  readonly capital: number;
  /** Gas price bid, in gwei; 0: the chain's base price at the time. */
  readonly gasBidGwei: number;
  /** Least expected profit (quote, after gas) to act. */
  readonly minProfit: number;
}

export interface PoolSpec {
  /** Quote reserve at the start; Infinity: a price taker's market. */
  readonly depthQuote: number;
  readonly fee: number;
  readonly halfLifeMs: number;
}

/** The chain under load (see congestion.ts). */
export interface ChainSpec {
  /** Gas of one liquidation including the swap (Aave liquidationCall 393 192 + Uniswap v3 swap 111 248). */
  readonly gasUnits: number;
  /** Base gas price in gwei at rest. */
  readonly baseGwei: number;
  /** Asset whose price converts gas to quote (ETH); −1: gas costs nothing. */
  readonly gasAsset: number;
  /** Base inclusion delay of a transaction. */
  readonly inclusionMs: number;
  /** Extra gas price per unit of absolute log return of the gas asset over the last step, as a multiple of the base. */
  readonly gasPerMove: number;
  /** Extra gas price per pending liquidation, as a multiple of the base. */
  readonly gasPerPending: number;
  /** Extra inclusion delay per gwei the bid falls short of the going price. */
  readonly delayPerShortGweiMs: number;
}

/**
 * Maker auction parameters (REFERENCE "Lending: MakerDAO Liquidations 2.0", ETH-A; flip.sol).
 * Clipper: buf, tail, cusp, step, cut, chip, tip. Flipper: beg, ttl, tau.
 */
export interface AuctionSpec {
  readonly buf: number;
  readonly tailMs: number;
  readonly cusp: number;
  readonly stepMs: number;
  readonly cut: number;
  readonly chip: number;
  readonly tip: number;
  readonly beg: number;
  readonly ttlMs: number;
  readonly tauMs: number;
}

export interface SystemicConfig {
  readonly assets: readonly string[];
  /** Index of the quote asset (priced at 1). */
  readonly quote: number;
  readonly venues: readonly string[];
  readonly risk: RiskTable;
  readonly rule: LiquidationRule;
  readonly auction: AuctionSpec;
  /** Per asset; null: no pool (stablecoins, the quote). */
  readonly pools: readonly (PoolSpec | null)[];
  readonly oracle: OnlineOracleConfig;
  readonly liquidators: readonly LiquidatorSpec[];
  readonly chain: ChainSpec;
  /** Insurance fund / reserve (quote) that absorbs bad debt first. */
  readonly reserve: number;
  /** How long a skipped account rests before the liquidators look at it again. */
  readonly recheckMs: number;
  /** Bucket of the liquidations' time profile. */
  readonly profileBucketMs: number;
  /** Siloed or unified (portfolio) margin and the perp venue's rule (absent: siloed, no perps). */
  readonly margin?: MarginSpec;
  /** Check ledger conservation after every liquidation (tests). */
  readonly checkConservation: boolean;
}
