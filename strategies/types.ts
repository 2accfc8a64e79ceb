/** What strategy factories get besides their parameters. */
export interface StrategyContext {
  /** Asset names of the scenario, in engine order. */
  readonly assets: readonly string[];
  /** Underlying of the first option in the book, if any (the default hedge target). */
  readonly firstOptionAsset?: string;
}
