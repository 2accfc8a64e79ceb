/**
 * A seeded population generator. Debt sizes follow a lognormal (`exp(σZ)`) or Pareto
 * (`U^(−1/α)`, x_m = 1) law scaled so that they sum to `totalDebt` (quote); each account's health
 * factor is `min + (median − min)·exp(σ_hf·Z)` (so the median is `median` and none is below
 * `min`); its collateral mix is one asset drawn by the weights (`mix: single`) or every asset with
 * random shares `wₖ·Eₖ / Σ wⱼ·Eⱼ`, Eₖ standard exponential (`mix: blend`, a Dirichlet(1)
 * reweighting); debt likewise. Collateral units then follow from the health factor:
 * `Σ cᵢ·Pᵢ·LTᵢ = HF · debt value`, at the start prices and the LTs `atLt` (fix those when a sweep
 * changes the LT, so the accounts stay the same).
 */
import type { Rng } from "../rng.js";
import { allocPopulation, type Population } from "./population.js";

export interface GeneratorSpec {
  readonly accounts: number;
  readonly totalDebt: number;
  readonly sizeLaw: "lognormal" | "pareto";
  /** σ of the lognormal or α of the Pareto law. */
  readonly sizeParam: number;
  readonly hfMin: number;
  readonly hfMedian: number;
  readonly hfSigma: number;
  /** Weights by asset index (0: not used). */
  readonly collWeights: Float64Array;
  readonly debtWeights: Float64Array;
  readonly mix: "single" | "blend";
  /** Venue weights by venue index. */
  readonly venueWeights: Float64Array;
}

/**
 * @param prices start price of each asset (quote per unit).
 * @param lt LT the health factors are measured at, `[v·A + k]`.
 */
export function generatePopulation(
  g: GeneratorSpec,
  assets: readonly string[],
  venues: readonly string[],
  prices: Float64Array,
  lt: Float64Array,
  rng: Rng,
): Population {
  const A = assets.length;
  const p = allocPopulation(g.accounts, assets, venues);
  const size = new Float64Array(g.accounts);
  let total = 0;
  for (let a = 0; a < g.accounts; a++) {
    const s =
      g.sizeLaw === "lognormal"
        ? Math.exp(g.sizeParam * rng.normal())
        : (1 - rng.uniform()) ** (-1 / g.sizeParam);
    size[a] = s;
    total += s;
  }
  const cw = new Float64Array(A);
  const dw = new Float64Array(A);
  for (let a = 0; a < g.accounts; a++) {
    const v = draw(g.venueWeights, rng);
    p.venue[a] = v;
    const debtValue = ((size[a] as number) / total) * g.totalDebt;
    const hf = g.hfMin + (g.hfMedian - g.hfMin) * Math.exp(g.hfSigma * rng.normal());
    shares(g.collWeights, g.mix, rng, cw);
    shares(g.debtWeights, g.mix, rng, dw);
    let ltWeighted = 0;
    for (let k = 0; k < A; k++) ltWeighted += (cw[k] as number) * (lt[v * A + k] as number);
    const collValue = (hf * debtValue) / ltWeighted;
    for (let k = 0; k < A; k++) {
      p.coll[a * A + k] = (collValue * (cw[k] as number)) / (prices[k] as number);
      p.debt[a * A + k] = (debtValue * (dw[k] as number)) / (prices[k] as number);
    }
  }
  return p;
}

/** Index drawn with probability proportional to `w`. */
function draw(w: Float64Array, rng: Rng): number {
  let total = 0;
  for (const x of w) total += x;
  let u = rng.uniform() * total;
  for (let k = 0; k < w.length; k++) {
    u -= w[k] as number;
    if (u < 0 && (w[k] as number) > 0) return k;
  }
  let last = 0;
  w.forEach((x, k) => {
    if (x > 0) last = k;
  });
  return last;
}

/** Fills `out` with the account's shares over the assets (summing to 1). */
function shares(w: Float64Array, mix: "single" | "blend", rng: Rng, out: Float64Array): void {
  out.fill(0);
  if (mix === "single") {
    out[draw(w, rng)] = 1;
    return;
  }
  let total = 0;
  for (let k = 0; k < w.length; k++) {
    const x = (w[k] as number) > 0 ? (w[k] as number) * rng.exponential(1) : 0;
    out[k] = x;
    total += x;
  }
  for (let k = 0; k < w.length; k++) out[k] = (out[k] as number) / total;
}
