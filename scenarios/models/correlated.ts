/**
 * Correlated Brownian drivers for several assets. Independent normals w_k are drawn from one
 * driver stream, asset by asset (asset-major), and mixed with the lower Cholesky factor L of the
 * correlation matrix C = L·Lᵀ:  z_k = Σ_{j≤k} L_kj·w_j  (Glasserman 2003, §2.3.3).
 * Because L is lower-triangular and draws are asset-major, asset k's path depends on assets 0…k
 * only: appending an asset never changes the earlier ones (common random numbers).
 */
import { InputError, type Issue } from "../../engine/errors.js";
import type { TimeGrid } from "../../engine/market.js";
import type { Rng } from "../../engine/rng.js";
import type { PriceModel } from "./types.js";

/** Buffers allocated once per run (or per worker) and reused for every path. */
export interface CorrelationScratch {
  /** Number of assets. */
  readonly n: number;
  /** Lower Cholesky factor, row-major n×n. */
  readonly chol: Float64Array;
  /** One driver column per asset, `steps + 1` entries (index 0 unused). */
  readonly z: Float64Array[];
}

const TOL = 1e-9;

function shapeIssues(corr: readonly (readonly number[])[], n: number, path: string): Issue[] {
  const issues: Issue[] = [];
  const bad = (message: string) => issues.push({ code: "bad_correlation", path, message });
  if (corr.length !== n || corr.some((row) => row.length !== n)) {
    bad(`found a ${corr.length}-row matrix; allowed: a ${n}×${n} matrix (one row and column per asset)`);
    return issues;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = corr[i]?.[j] as number;
      if (!Number.isFinite(c) || Math.abs(c) > 1) bad(`[${i}][${j}] is ${c}; allowed: a number in [-1, 1]`);
      else if (i === j && Math.abs(c - 1) > TOL) bad(`diagonal [${i}][${i}] is ${c}; allowed: 1`);
      else if (j > i && Math.abs(c - (corr[j]?.[i] as number)) > TOL) {
        bad(`not symmetric: [${i}][${j}] = ${c} but [${j}][${i}] = ${corr[j]?.[i]}`);
      }
    }
  }
  return issues;
}

/**
 * Lower Cholesky factor of a correlation matrix (Cholesky–Banachiewicz).
 * @throws InputError when the matrix is not square, symmetric, unit-diagonal with entries in
 *   [-1, 1], or not positive-definite (e.g. ρ_AB = ρ_BC = 0.9, ρ_AC = −0.9).
 */
export function choleskyCorrelation(
  corr: readonly (readonly number[])[],
  n: number,
  path = "correlation",
): Float64Array {
  const issues = shapeIssues(corr, n, path);
  if (issues.length > 0) throw new InputError(issues);
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = corr[i]?.[j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (s <= TOL) {
          const message = `not positive-definite (pivot ${i} is ${s.toPrecision(3)}): no set of assets can have these pairwise correlations; lower the magnitudes or make them consistent (exactly ±1 is not allowed: use 0.999)`;
          throw new InputError([{ code: "not_positive_definite", path, message }]);
        }
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / (L[j * n + j] as number);
      }
    }
  }
  return L;
}

/**
 * Builds the scratch for `models` on grids of `steps` steps. `corr` undefined means independent.
 * @throws InputError when `corr` is invalid, or correlates an asset whose model ignores drivers.
 */
export function correlationScratch(
  models: readonly PriceModel[],
  corr: readonly (readonly number[])[] | undefined,
  steps: number,
  path = "correlation",
): CorrelationScratch {
  const n = models.length;
  const chol = corr ? choleskyCorrelation(corr, n, path) : identity(n);
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const driverless = !models[i]?.usesDrivers || !models[j]?.usesDrivers;
      if (i !== j && corr && driverless && corr[i]?.[j] !== 0) {
        issues.push({
          code: "bad_correlation",
          path: `${path}[${i}][${j}]`,
          message: `found ${corr[i]?.[j]}; allowed: 0, because one of the two models ignores Brownian drivers (e.g. bootstrap)`,
        });
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return { n, chol, z: models.map(() => new Float64Array(steps + 1)) };
}

function identity(n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) L[i * n + i] = 1;
  return L;
}

/** Fills `scratch.z` with correlated standard normals for `steps` steps; allocates nothing. */
export function drawDrivers(scratch: CorrelationScratch, steps: number, driverRng: Rng): void {
  const { n, chol, z } = scratch;
  for (let k = 0; k < n; k++) {
    const col = z[k] as Float64Array;
    col[0] = 0;
    for (let i = 1; i <= steps; i++) col[i] = driverRng.normal();
  }
  // In place, last asset first: row k reads w_j (j ≤ k) that are still untouched.
  for (let k = n - 1; k >= 0; k--) {
    const col = z[k] as Float64Array;
    const lkk = chol[k * n + k] as number;
    for (let i = 1; i <= steps; i++) {
      let s = lkk * (col[i] as number);
      for (let j = 0; j < k; j++) s += (chol[k * n + j] as number) * ((z[j] as Float64Array)[i] as number);
      col[i] = s;
    }
  }
}

/**
 * Generates one path for every asset: draws correlated drivers from `driverRng`, then lets model k
 * fill `out[k]` (and `volOut[k]` when given) using its own stream `rngs[k]`. Allocates nothing.
 */
export function generateCorrelated(
  models: readonly PriceModel[],
  grid: TimeGrid,
  rngs: readonly Rng[],
  driverRng: Rng,
  out: readonly Float64Array[],
  scratch: CorrelationScratch,
  volOut?: readonly (Float64Array | undefined)[],
): void {
  drawDrivers(scratch, grid.steps, driverRng);
  for (let k = 0; k < models.length; k++) {
    const vol = volOut?.[k];
    const m = models[k] as PriceModel;
    const z = scratch.z[k] as Float64Array;
    const rng = rngs[k] as Rng;
    if (vol) m.generate(grid, z, rng, out[k] as Float64Array, vol);
    else m.generate(grid, z, rng, out[k] as Float64Array);
  }
}
