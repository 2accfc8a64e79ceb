/**
 * Execution models: what a trade really costs (DESIGN: execution). An order is an intent that
 * reaches the venue after a latency; it fills at the market mid then, moved by price impact, pays
 * fees and gas, and may fill partially or be rejected when liquidity is not there.
 *
 * Conformance contract for impact models: zero size costs zero; the cost is never negative and
 * never decreases with |size|; an AMM matches its closed form for the reserves.
 *
 * Kinds live in registry.ts (`impactKinds`, `latencyKinds`, `gasKinds`), fee schedules in fees.ts
 * (`readFeeSchedule`), and `quoteFill` (quote.ts) prices one fill into a caller-owned `FillQuote`.
 */
import type { Rng } from "../rng.js";

export interface ImpactModel {
  /**
   * Fractional price concession (≥ 0) of trading signed `qty` base units at mid `mid`:
   * the average fill price is `mid·(1 + sign(qty)·impact)`. Only meaningful for |qty| ≤ capacity
   * (beyond it a model may return Infinity); `quoteFill` caps the size first.
   */
  impact(qty: number, mid: number, t: number): number;
  /** Largest |qty| fillable now on the side of `sign(qty)` (Infinity when unlimited). */
  capacity(qty: number, mid: number, t: number): number;
  /** Tells a stateful model (e.g. an AMM whose reserves move and recover) that `qty` traded at t. */
  onFill(qty: number, mid: number, t: number): void;
  /** Back to the initial state at the start of a path. */
  reset(mid: number, t: number): void;
}

export interface LatencyModel {
  /** True when `delayMs` reads `stress` (the loop computes the proxy only for models that do). */
  readonly usesStress: boolean;
  /**
   * Delay from intent to inclusion, in ms. `stress` is the market's recent absolute log return per
   * √hour (a congestion proxy); models that ignore congestion ignore it.
   */
  delayMs(t: number, stress: number, rng: Rng): number;
}

export interface FeeSchedule {
  /** Fractions of notional: 0.0005 = 5 bps. */
  readonly maker: number;
  readonly taker: number;
}

export interface GasModel {
  /** True when `costQuote` reads `stress` (the loop computes the proxy only for models that do). */
  readonly usesStress: boolean;
  /**
   * Gas cost in the quote currency of one transaction at time t, given the gas asset's price and the
   * same `stress` proxy as `LatencyModel` (models that ignore congestion ignore it).
   */
  costQuote(t: number, gasAssetPrice: number, stress: number): number;
}
