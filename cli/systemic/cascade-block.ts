/**
 * One block of paths `[from, to)` of a population scenario: what a worker thread (or the main
 * thread, with `--workers 1`) computes for `ballast run` and `ballast sweep`. A path's outcome
 * depends only on (scenario, seed, path) — its prices come from the streams of (seed, path), the
 * population from (seed, 0, "population"), and the cascade's state is reset between paths — so
 * the blocks, merged in path order, are the same whatever the number of workers.
 * Prepared populations are cached by run spec: a worker given many blocks builds its population once.
 */
import { BallastError } from "../../engine/errors.js";
import type { PathOutcome } from "../../engine/systemic/outcome.js";
import { runCascadePaths } from "../../engine/systemic/run.js";
import { preparedFor } from "../block.js";
import type { RunSpec } from "../run-setup.js";
import { underFile } from "../scenario.js";
import { type PreparedPopulation, preparePopulation } from "./prepare.js";

export interface CascadeTask {
  readonly kind: "cascade";
  readonly spec: RunSpec;
  readonly from: number;
  readonly to: number;
}

/** A block's outcomes, or the error it ended with (errors cross the thread boundary as data). */
export type CascadeResult =
  | { readonly ok: true; readonly outcomes: PathOutcome[] }
  | { readonly ok: false; readonly exitCode: number; readonly message: string };

const cache = new Map<string, Promise<PreparedPopulation>>();

/** The prepared population of a run spec (cached; at most 4 kept). */
export function populationFor(spec: RunSpec): Promise<PreparedPopulation> {
  const key = JSON.stringify(spec);
  let p = cache.get(key);
  if (p === undefined) {
    p = preparedFor(spec).then(preparePopulation);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
    if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  }
  return p;
}

export async function runCascadeBlock(task: CascadeTask): Promise<CascadeResult> {
  try {
    const p = await populationFor(task.spec);
    const sim = p.run.cfg;
    const runs = underFile(p.run.path, () =>
      runCascadePaths(p.cfg, p.population, sim.market, sim.grid, p.marketAsset, task.from, task.to),
    );
    return { ok: true, outcomes: runs.outcomes };
  } catch (e) {
    if (e instanceof BallastError) return { ok: false, exitCode: e.exitCode, message: e.message };
    return { ok: false, exitCode: 3, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
