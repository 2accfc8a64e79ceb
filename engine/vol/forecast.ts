/**
 * Variance forecasts updated online, one completed bar at a time, from the bar's close-to-close
 * log return r (taken as zero-mean, as both models are usually run on daily returns). Variances
 * are per bar; the view annualises them. Each update is O(1) and allocates nothing.
 */

/** What a forecaster does with each bar and how it answers. */
export interface Forecaster {
  reset(): void;
  /** Consumes one completed bar's log return. */
  update(r: number): void;
  /** Mean per-bar variance expected over the next h bars (h ≥ 1, may be fractional); NaN before warm-up. */
  variance(h: number): number;
}

/**
 * EWMA (J.P. Morgan/Reuters, RiskMetrics — Technical Document, 4th ed. 1996, ch. 5):
 *   σ²ₜ₊₁ = λ σ²ₜ + (1 − λ) rₜ²,  λ = 0.94 for daily data.
 * Seeded with the mean square of the first `warmup` returns (NaN until then). Its forecast is flat
 * in the horizon (RiskMetrics' square-root-of-time rule): the h-bar average is σ²ₜ₊₁.
 */
export class Ewma implements Forecaster {
  private v = 0;
  private seen = 0;

  constructor(
    readonly lambda: number,
    readonly warmup: number,
  ) {}

  reset(): void {
    this.v = 0;
    this.seen = 0;
  }

  update(r: number): void {
    const r2 = r * r;
    if (this.seen < this.warmup) this.v += r2 / this.warmup;
    else this.v = this.lambda * this.v + (1 - this.lambda) * r2;
    this.seen++;
  }

  variance(): number {
    return this.seen >= this.warmup ? this.v : Number.NaN;
  }
}

/**
 * GARCH(1,1) (Bollerslev 1986, "Generalized autoregressive conditional heteroskedasticity",
 * J. Econometrics 31:307–327), with ω, α, β for returns over one bar:
 *   σ²ₜ₊₁ = ω + α rₜ² + β σ²ₜ,  ω > 0, α, β ≥ 0, α + β < 1 (covariance stationary),
 * long-run variance V_L = ω / (1 − α − β). Started at V_L; answers after `warmup` returns.
 * k bars ahead, E[σ²ₜ₊ₖ] = V_L + (α + β)^{k−1} (σ²ₜ₊₁ − V_L) (Hull, Options, Futures, and Other
 * Derivatives, ch. "Estimating volatilities and correlations", GARCH forecasts), so the mean over
 * the next h bars is V_L + (σ²ₜ₊₁ − V_L) · (1 − φʰ) / (h (1 − φ)), φ = α + β.
 */
export class Garch implements Forecaster {
  private v: number;
  private seen = 0;
  readonly longRun: number;

  constructor(
    readonly omega: number,
    readonly alpha: number,
    readonly beta: number,
    readonly warmup: number,
  ) {
    this.longRun = omega / (1 - alpha - beta);
    this.v = this.longRun;
  }

  reset(): void {
    this.v = this.longRun;
    this.seen = 0;
  }

  update(r: number): void {
    this.v = this.omega + this.alpha * r * r + this.beta * this.v;
    this.seen++;
  }

  variance(h: number): number {
    if (this.seen < this.warmup) return Number.NaN;
    const phi = this.alpha + this.beta;
    if (h <= 1) return this.v;
    if (phi === 0) return this.longRun + (this.v - this.longRun) / h;
    return this.longRun + ((this.v - this.longRun) * (1 - phi ** h)) / (h * (1 - phi));
  }
}
