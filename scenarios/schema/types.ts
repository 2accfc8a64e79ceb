/**
 * A validated scenario: every field checked, every default filled, durations in ms, times in epoch
 * ms, pluggable parts resolved to their kind definitions (DESIGN: scenario file).
 */

import type { Params } from "../../engine/params.js";
import type { RecommendSpec } from "./recommend.js";
import type { SystemicSpec } from "./systemic.js";
import type { TransferRoute } from "./transfers.js";

/** A pluggable part as plain data: its kind and validated, default-filled parameters. */
export interface KindConfig {
  readonly kind: string;
  readonly params: Params;
}

export interface ClockSpec {
  readonly startMs: number;
  readonly horizonMs: number;
  readonly stepMs: number;
}

/** An asset's price source: a Monte-Carlo model or a historical replay. */
export type AssetSource = (
  | { readonly model: KindConfig; readonly data?: undefined }
  | { readonly data: Params; readonly model?: undefined }
) & {
  /** The asset's implied-vol model (scenarios/iv); absent: each option keeps its own `iv`. */
  readonly iv?: KindConfig;
};

export interface MarketSpec {
  readonly rate: number;
  /** Rate the wallet's quote balance accrues at (market.cashRate). */
  readonly cashRate: number;
  readonly quote: string;
  /** Asset names in file order (engine order). */
  readonly assetNames: readonly string[];
  readonly assets: Readonly<Record<string, AssetSource>>;
  readonly correlation?: readonly (readonly number[])[];
  readonly shocks: readonly KindConfig[];
}

export interface OptionEntry {
  readonly kind: "option";
  readonly underlying: string;
  readonly right: "call" | "put";
  readonly strike: number | "atm";
  readonly expiryMs: number;
  readonly qty: number;
  /** A fixed implied vol for this option; undefined: marked on the asset's implied-vol surface. */
  readonly iv: number | undefined;
  /** An options-standard venue that margins and settles it, or null (held outright, no margin). */
  readonly venue: string | null;
  readonly collateral: number;
}

export interface PerpEntry {
  readonly kind: "perp";
  /** Perp venue name (default: the scenario's first perp-linear venue). */
  readonly venue: string;
  readonly underlying: string;
  readonly qty: number;
  readonly collateral: number;
}

export interface Liquidator {
  readonly name: string;
  readonly params: Params;
}

export interface LoanEntry {
  readonly kind: "loan";
  readonly venue: string;
  /** Asset name → token amount. */
  readonly collateral: Readonly<Record<string, number>>;
  /** Asset name → token amount, or a target at the start prices (`{ ltv: 0.7 }`). */
  readonly debt: Readonly<Record<string, number>> | DebtTarget;
}

/**
 * Debt written as a target at the start: borrow `asset` (default: the quote) up to the loan-to-value
 * `ltv` (debt value / collateral value) or the health factor `healthFactor` (Aave: Σ collateral
 * value · LT / debt value), at the oracle prices when the book opens.
 */
export interface DebtTarget {
  readonly asset: string;
  readonly ltv?: number;
  readonly healthFactor?: number;
}

export function isDebtTarget(d: LoanEntry["debt"]): d is DebtTarget {
  return typeof d["asset"] === "string";
}

/** Wallet balances at the start (asset name → amount): a reserve strategies can move. */
export interface CashEntry {
  readonly kind: "cash";
  readonly amount: Readonly<Record<string, number>>;
}

export type BookEntry = OptionEntry | PerpEntry | LoanEntry | CashEntry;

export interface Scenario {
  readonly name: string;
  readonly seed: number;
  readonly paths: number;
  /** Absent only for a pure historical replay, whose clock is the data's. */
  readonly clock?: ClockSpec;
  readonly market: MarketSpec;
  readonly oracle: {
    readonly model: KindConfig;
    readonly faults: readonly KindConfig[];
    /** Consumer rule overrides; absent: the oracle kind's own rule (e.g. pull: 120 s, 10 %). */
    readonly maxAgeMs?: number;
    readonly maxConfRatio?: number;
  };
  readonly execution: {
    readonly latency: KindConfig;
    readonly impact: KindConfig;
    readonly gas: KindConfig;
    readonly fees: { readonly maker: number; readonly taker: number };
    readonly gasAsset: string | null;
    /** Routes between venues for `transfer` intents (execution.transfers). */
    readonly transfers: readonly TransferRoute[];
  };
  /** Venues by name, in file order (a default `perp` venue is added when the book needs one). */
  readonly venues: Readonly<Record<string, KindConfig>>;
  /** Liquidator agents (validated LIQUIDATOR_SPECS parameters plus their name). */
  readonly liquidators: readonly Liquidator[];
  readonly book: readonly BookEntry[];
  readonly strategy: KindConfig;
  readonly report: {
    readonly quantiles: readonly number[];
    readonly sampleSeries: number;
    readonly eventPaths: number;
  };
  /** A population and its cascade (systemic stress), when the file has a `population:` section. */
  readonly systemic?: SystemicSpec;
  /** `recommend:` (scenarios/schema/recommend.ts): analysis settings, not hashed. */
  readonly recommend?: RecommendSpec;
  /** The file's sections as given plus every default, for hashing and `validate --print`. */
  readonly normalised: Readonly<Record<string, unknown>>;
}
