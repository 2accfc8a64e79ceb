/**
 * The compiled form of a scenario that the engine runs: every kind already built, every duration in
 * ms, every default filled (scenarios/ compiles files into this; the engine never parses files).
 */
import type { FeeSchedule, GasModel, ImpactModel, LatencyModel } from "../execution/types.js";
import type { ImpliedVolSurface } from "../iv/surface.js";
import type { LiquidatorConfig } from "../liquidation/liquidator.js";
import type { PathMarket, TimeGrid } from "../market.js";
import type { OracleModel } from "../oracle/types.js";
import type { Strategy } from "../strategy.js";
import type { LendingMarket } from "../venues/lending-market.js";
import type { OptionsVenue } from "../venues/options-venue.js";
import type { PerpVenue } from "../venues/perp-venue.js";
import type { VenueCtx } from "../venues/types.js";

/** Fills one path's market (prices, optional vol/funding) in place; deterministic in (seed, path). */
export interface MarketSource {
  readonly assets: readonly string[];
  /** Whether `fill` needs a fresh call for each path (false for a single historical replay). */
  readonly random: boolean;
  fill(path: number, out: PathMarket): void;
}

/** A European option in the book at the start. */
export interface OptionSpec {
  /** Where it comes from in the scenario (`book[2]`), for error messages. */
  readonly where: string;
  readonly asset: number;
  readonly isCall: boolean;
  /** Absolute strike, or null for at-the-money (the path's price at the start). */
  readonly strike: number | null;
  /** Expiry as an offset from the start, ms. */
  readonly expiryMs: number;
  /** Signed contracts, each on one unit of the asset (negative = written). */
  readonly qty: number;
  /** Fixed implied vol to mark the option at (Black-76 on the forward); null: the asset's surface. */
  readonly iv: number | null;
  /** An options-standard venue that margins, liquidates and settles it (null: held outright). */
  readonly venue: string | null;
  /** Quote collateral deposited in the venue account before the trade. */
  readonly collateral: number;
}

export interface PerpSpec {
  readonly where: string;
  /** Name of the perp venue (a `perp-linear` entry of `venues`). */
  readonly venue: string;
  readonly asset: number;
  readonly qty: number;
  /** Collateral deposited in the perp margin account at the start, in the quote currency. */
  readonly collateral: number;
}

/** A loan at a lending venue at the start: collateral supplied, debt borrowed (token amounts). */
export interface LoanSpec {
  readonly where: string;
  readonly venue: string;
  /** Ledger asset index and amount of each collateral and debt asset. */
  readonly collateral: readonly (readonly [number, number])[];
  readonly debt: readonly (readonly [number, number])[];
  /** Debt as a target at the start (replaces `debt`): borrow ledger asset `asset` to this LTV or HF. */
  readonly debtTarget: {
    readonly asset: number;
    readonly ltv?: number;
    readonly healthFactor?: number;
  } | null;
}

/** A venue of the scenario: built afresh on every path's ledger. */
export interface VenueSpec {
  readonly name: string;
  readonly kind: string;
  readonly create: (ctx: VenueCtx) => LendingMarket | PerpVenue | OptionsVenue;
}

export interface ExecutionConfig {
  readonly latency: LatencyModel;
  /** One impact model per asset (stateful models keep their own reserves). */
  readonly impact: readonly ImpactModel[];
  readonly fees: FeeSchedule;
  readonly gas: GasModel;
  /** Asset whose price converts gas to the quote currency (−1: gas priced directly in quote). */
  readonly gasAsset: number;
  /** Routes for transfer intents between venues (venue indices; WALLET = the wallet). */
  readonly transfers?: readonly Route[];
}

/** A transfer route (scenarios/schema/transfers.ts), venues by index (−1: the wallet). */
export interface Route {
  readonly from: number;
  readonly to: number;
  readonly delayMs: number;
  /** Fixed fee in units of the asset moved, and a share of the amount. */
  readonly fee: number;
  readonly feeRate: number;
}

export interface OracleConfig {
  /** One model per asset. */
  readonly models: readonly OracleModel[];
  /** Consumer rule: readings older than this are unusable (∞: never). */
  readonly maxAgeMs: number;
  /** Consumer rule: readings with conf/price above this are unusable (∞: never). */
  readonly maxConfRatio: number;
}

export interface RecordConfig {
  /** Paths (from 0) whose every trade and oracle update goes to the event log; all paths log liquidations, rejections and settlements. */
  readonly eventPaths: number;
  /** Paths (from 0) whose time series are sampled. */
  readonly seriesPaths: number;
}

export interface SimConfig {
  readonly name: string;
  readonly seed: number;
  readonly paths: number;
  readonly grid: TimeGrid;
  readonly assets: readonly string[];
  readonly quote: string;
  /** Continuously compounded rate per year, used for option marks. */
  readonly rate: number;
  /** Continuously compounded rate per year the wallet's quote balance accrues at (0: none). */
  readonly cashRate?: number;
  readonly market: MarketSource;
  /** Per asset: the implied-vol surface its options are marked on (null: each option's fixed vol). */
  readonly impliedVol?: readonly (ImpliedVolSurface | null)[];
  readonly oracle: OracleConfig;
  readonly execution: ExecutionConfig;
  readonly venues: readonly VenueSpec[];
  /** The perp venue the strategy's perp intents trade on (null: none). */
  readonly hedgeVenue: string | null;
  readonly liquidators: readonly LiquidatorConfig[];
  readonly options: readonly OptionSpec[];
  readonly perps: readonly PerpSpec[];
  readonly loans: readonly LoanSpec[];
  /** Wallet balances at the start: (ledger asset, amount), from the owner. */
  readonly cash?: readonly (readonly [number, number])[];
  readonly strategy: Strategy;
  /** How errors name the strategy: its kind, or its file for a user strategy. */
  readonly strategyLabel?: string;
  readonly record: RecordConfig;
  /** Check ledger conservation after every event (tests switch it on). */
  readonly checkConservation: boolean;
}
