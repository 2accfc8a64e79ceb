/**
 * A stochastic ATM implied vol: a mean-reverting log-vol around an anchor plus a premium.
 *
 *   x_i = ln σ_iv,i = ln(a_i + premium) + y_i,   a_i = `level`, or else the price model's own
 *   instantaneous vol at point i (its vol column: GBM's σ, Heston's √v, GARCH's √h…)
 *   y_i = y_{i−1}·e^{−κΔt} + η·√((1 − e^{−2κΔt})/(2κ))·w_i                (exact Ornstein–Uhlenbeck step)
 *   w_i = ρ·ẑ_i + √(1 − ρ²)·ε_i,   ẑ_i = ln(S_i/S_{i−1}) / (σ_ref·√Δt),  ε_i ~ N(0, 1) from the stream
 *   "iv/<asset>" (so prices and oracle draws are the same with and without the model).
 * σ_ref is the price model's vol at i−1 where the market has one, else the implied vol itself.
 * The log-vol deviation is stationary with standard deviation η/√(2κ); E[x] → ln(a + premium), so
 * the median ATM vol reverts to `level + premium` (the mean sits e^{η²/(4κ)} above it). `premium`
 * is the variance risk premium quoted in vol points: implied minus the model's realised vol (a
 * positive premium is what sellers of options are paid for; Carr & Wu, "Variance risk premiums",
 * Rev. Financial Studies 22 (2009)). The correlation of w with returns is ρ exactly when ẑ is the
 * model's standardised return (GBM and the vol column's σ); the log-vol dynamics follow the
 * log-OU ("exponential Ornstein–Uhlenbeck") class of Scott (1987) and Wiggins (1987).
 */
import type { TimeGrid } from "../../engine/market.js";
import type { Rng } from "../../engine/rng.js";
import { MS_PER_YEAR } from "../../engine/units.js";

export interface StochasticIvParams {
  /** Long-run ATM IV; undefined: the price model's vol column. */
  readonly level: number | undefined;
  readonly premium: number;
  readonly kappa: number;
  readonly volOfVol: number;
  readonly rho: number;
  /** ATM IV at the start; undefined: the long-run level there. */
  readonly start: number | undefined;
}

/**
 * A z-score beyond this is clamped (a 40-sd step: the worst hour of 12 March 2020, −23 % in log, is
 * 36 sd of a 60 %-vol asset), so a crash moves the implied vol through ρ as the leverage effect
 * does, but no single bar can send it to infinity.
 */
const Z_CAP = 40;

export function fillStochasticIv(
  p: StochasticIvParams,
  grid: TimeGrid,
  price: Float64Array,
  vol: Float64Array | undefined,
  rng: Rng,
  out: Float64Array,
): void {
  const dt = grid.stepMs / MS_PER_YEAR;
  const decay = Math.exp(-p.kappa * dt);
  const sd = p.volOfVol * Math.sqrt(-Math.expm1(-2 * p.kappa * dt) / (2 * p.kappa));
  const rhoBar = Math.sqrt(1 - p.rho * p.rho);
  const anchor = (i: number) => Math.log((p.level ?? (vol?.[i] as number)) + p.premium);
  let y = p.start === undefined ? 0 : Math.log(p.start) - anchor(0);
  out[0] = Math.exp(anchor(0) + y);
  for (let i = 1; i <= grid.steps; i++) {
    const ref = vol?.[i - 1];
    const sigma = ref !== undefined && ref > 0 ? ref : (out[i - 1] as number);
    const r = Math.log((price[i] as number) / (price[i - 1] as number));
    const z = Math.max(-Z_CAP, Math.min(Z_CAP, r / (sigma * Math.sqrt(dt))));
    y = y * decay + sd * (p.rho * z + rhoBar * rng.normal());
    out[i] = Math.exp(anchor(i) + y);
  }
}
