/**
 * The package's public entry (`import … from "ballast"`): what a user strategy file needs to
 * type-check — the contract (view, sink, strategy), parameter declarations and the factory's
 * context — and `defineStrategy`, which only gives a file's exports their types.
 */
import type { ParamSpecs, Params } from "../engine/params.js";
import type { Strategy } from "../engine/strategy.js";
import type { StrategyContext } from "./types.js";

export type { ParamSpec, ParamSpecs, Params } from "../engine/params.js";
export {
  type Estimator,
  type EwmaSpec,
  type GarchSpec,
  type Greek,
  Instrument,
  type IntentSink,
  type OptionView,
  type RealisedVolSpec,
  type Refusal,
  type Strategy,
  type StrategyView,
  type VolForecastSpec,
  WALLET,
} from "../engine/strategy.js";
export type { StrategyContext } from "./types.js";

/** What a strategy file exports: its parameters and a factory (called once per run). */
export interface StrategyModule<P extends ParamSpecs = ParamSpecs> {
  readonly summary?: string;
  readonly params?: P;
  create(params: Params, ctx: StrategyContext): Strategy;
}

/** Identity, typed: `export const { params, create } = defineStrategy({ params: {…}, create })`. */
export function defineStrategy<P extends ParamSpecs>(m: StrategyModule<P>): StrategyModule<P> {
  return m;
}
