/** What every calibrator returns. */
export type CalibratedKind = "gbm" | "merton" | "garch" | "heston";

export interface Calibration {
  readonly model: CalibratedKind;
  /** Parameters named exactly as the price model's scenario parameters (spot = the last price). */
  readonly params: Readonly<Record<string, number>>;
  /** Maximised log-likelihood of the log returns, when the method is likelihood-based. */
  readonly logLikelihood?: number;
  /** Number of log returns used. */
  readonly n: number;
  /** Diagnostics that are not model parameters (e.g. per-step ω, persistence α + β). */
  readonly extra: Readonly<Record<string, number>>;
  /** Caveats worth printing with the result. */
  readonly notes: readonly string[];
}
