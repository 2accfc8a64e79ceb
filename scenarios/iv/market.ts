/**
 * A market source with implied vols: the inner source (a model's paths or a replay, shocks
 * included) fills prices and vols, then each asset's implied-vol model writes its ATM level column
 * from them. The models draw from their own stream "iv/<asset>" per path, so every price and
 * oracle draw is the same with and without them (common random numbers across a sweep that
 * switches implied vol on).
 */
import { InputError, type Issue } from "../../engine/errors.js";
import type { PathMarket, TimeGrid } from "../../engine/market.js";
import { linspace, surfaceArbitrage } from "../../engine/pricing/surface-check.js";
import { streamFor } from "../../engine/rng.js";
import type { MarketSource } from "../../engine/sim/config.js";
import type { ImpliedVolModel } from "./kinds.js";

export class ImpliedVolMarket implements MarketSource {
  readonly random: boolean;
  readonly assets: readonly string[];

  constructor(
    private readonly inner: MarketSource,
    private readonly models: readonly (ImpliedVolModel | undefined)[],
    private readonly grid: TimeGrid,
    private readonly seed: number,
  ) {
    this.assets = inner.assets;
    this.random = inner.random || models.some((m) => m?.random);
  }

  fill(path: number, out: PathMarket): void {
    this.inner.fill(path, out);
    this.models.forEach((m, a) => {
      const col = out.iv?.[a];
      if (!m || !col) return;
      const rng = streamFor(this.seed, path, `iv/${this.assets[a]}`);
      m.fill(this.grid, out.price[a] as Float64Array, out.vol?.[a], rng, col);
    });
  }
}

/** The dry path's implied vols must be finite and non-negative: a replayed column with gaps is bad input. */
export function checkIvColumns(m: PathMarket, models: readonly (ImpliedVolModel | undefined)[]): void {
  const issues: Issue[] = [];
  models.forEach((model, a) => {
    const col = m.iv?.[a];
    if (!model || !col) return;
    const i = col.findIndex((x) => !(x >= 0 && x <= 20));
    if (i < 0) return;
    issues.push({
      code: "out_of_range",
      path: `market.assets.${m.assets[a]}.iv`,
      message: `the first path's implied vol at step ${i} is ${col[i]}; allowed: finite vols in [0, 20] at every step (a replayed vol column must have no gaps; check its scale)`,
    });
  });
  if (issues.length > 0) throw new InputError(issues);
}

const CHECK_KS = linspace(-0.5, 0.5, 21);
const CHECK_TAUS = [7, 30, 90, 180].map((d) => d / 365);

/**
 * The surfaces the first path generates, checked numerically for static arbitrage (Durrleman's
 * butterfly condition, calendar monotonicity: engine/pricing/surface-check.ts) at its lowest,
 * starting and highest ATM level, within ±0.5 of log-moneyness over 7 to 180 days: a surface that
 * admits arbitrage is refused, naming where, rather than used. (Parameters that break the SSVI
 * conditions are refused before this, by the kind's own check.)
 */
export function checkIvSurfaces(
  m: PathMarket,
  models: readonly (ImpliedVolModel | undefined)[],
  rate: number,
): void {
  const issues: Issue[] = [];
  models.forEach((model, a) => {
    const col = m.iv?.[a];
    const s = m.price[a]?.[0];
    if (!model || !col || s === undefined) return;
    let [lo, hi] = [Number.POSITIVE_INFINITY, 0];
    for (const x of col) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
    for (const level of [lo, col[0] as number, hi]) {
      if (!(level > 0)) continue;
      const w = (k: number, tau: number) =>
        model.surface.vol(s * Math.exp(k + rate * tau), tau, s, s, rate, level) ** 2 * tau;
      const bad = surfaceArbitrage(w, CHECK_KS, CHECK_TAUS, 1e-4)[0];
      if (!bad) continue;
      issues.push({
        code: "arbitrage",
        path: `market.assets.${m.assets[a]}.iv`,
        message: `the surface at ATM level ${level.toFixed(4)} admits ${bad.kind} arbitrage at log-moneyness ${bad.k.toFixed(3)}, tenor ${(bad.tau * 365).toFixed(0)} days (${bad.kind === "butterfly" ? "Durrleman's g" : "total-variance change"} ${bad.value.toExponential(2)}); allowed: a surface free of static arbitrage (lower curvature or skew, a term slope ≥ −0.5)`,
      });
      return;
    }
  });
  if (issues.length > 0) throw new InputError(issues);
}
