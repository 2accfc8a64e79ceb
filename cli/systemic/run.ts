/**
 * A population scenario's run (`ballast run`, and each point of `ballast sweep`): the population
 * (snapshot or generator) goes through every path's exogenous prices with the cascade's
 * endogenous impact, in blocks of paths on the worker pool (cli/systemic/cascade-block.ts; the
 * outcomes are merged in path order, so the folder is byte-identical for any `--workers`); the
 * liquidations-at-risk curve is computed once; the tables, summary.json and report.md land in a
 * run folder written atomically.
 */
import { larCurve } from "../../engine/systemic/lar.js";
import type { PathOutcome } from "../../engine/systemic/outcome.js";
import type { Population } from "../../engine/systemic/population.js";
import { accountValue } from "../../engine/systemic/population.js";
import type { Progress } from "../progress.js";
import { scenarioHash, VERSION } from "../results.js";
import { type PreparedRun, scenarioFileOf } from "../run-setup.js";
import { type BlockPool, splitRange } from "../workers.js";
import { populationFor } from "./cascade-block.js";
import { writeSystemicFolder } from "./folder.js";
import { compareMargins, marginMarkdown, marginTable, withMargin } from "./margin-compare.js";
import { renderJson, type SystemicFacts, systemicMarkdown, systemicSummary } from "./summary.js";
import { assetsTable, larTable, pathsTable, profileTable } from "./tables.js";

/** Steps a liquidations-at-risk shock is held, on the scenario's grid step. */
const LAR_HOLD_STEPS = 60;
/** Blocks of paths per worker thread (more than one, so a slow block does not hold the others). */
const BLOCKS_PER_WORKER = 4;

export interface PopulationRunOptions {
  readonly out: string;
  readonly name: string;
  readonly overwrite: boolean;
  /** Share of the starting debt above which a path's loss counts in `p_loss_above_target`. */
  readonly targetShare: number;
}

export async function runPopulation(
  run: PreparedRun,
  pool: BlockPool,
  bar: Progress,
  o: PopulationRunOptions,
): Promise<string> {
  const s = run.loaded.scenario;
  const spec = s.systemic;
  if (!spec) throw new Error("runPopulation needs a population scenario");
  const { cfg, population, start, marketAsset } = await populationFor(run.spec);
  const outcomes = await runOnPool(run, pool, bar);
  const margins = compareMargins(s, spec, cfg, population, run.cfg, marketAsset, outcomes);
  const main = mainAsset(population, start);
  const drops = spec.cascade["drops"] as number[];
  const lar = larCurve(cfg, population, start, main, drops, run.cfg.grid.stepMs, LAR_HOLD_STEPS);
  const tables = {
    paths: pathsTable(outcomes, 0, main),
    assets: assetsTable(outcomes, 0, cfg.assets),
    profile: profileTable(outcomes, 0, run.cfg.grid.startMs, cfg.profileBucketMs),
    lar: larTable(lar),
    ...(margins ? { margin: marginTable(margins, 0) } : {}),
  };
  const facts: SystemicFacts = {
    manifest: {
      version: VERSION,
      scenarioName: s.name,
      scenarioHash: scenarioHash(s),
      scenarioFile: scenarioFileOf(run.spec),
      seed: run.cfg.seed,
      paths: run.cfg.paths,
      randomPaths: run.cfg.market.random,
      ...(run.loaded.replay ? { dataRange: run.loaded.replay.range } : {}),
      ...(run.overrides.length > 0 ? { overrides: run.overrides.map((x) => x.text) } : {}),
    },
    accounts: population.n,
    debtUsd: sumValue(population, population.debt, start),
    collateralUsd: sumValue(population, population.coll, start),
    mainAsset: cfg.assets[main] as string,
    quantiles: s.report.quantiles,
    targetShare: o.targetShare,
  };
  const summary = withMargin(systemicSummary(facts, tables.paths, tables.lar), margins);
  const report = systemicMarkdown(summary, facts);
  const marginMd = margins ? marginMarkdown(summary["margin"] as Record<string, unknown>) : "";
  const texts = { "summary.json": renderJson(summary), "report.md": report + marginMd };
  return writeSystemicFolder(o.out, o.name, tables, texts, o.overwrite);
}

/**
 * Every path's outcome, in path order: blocks of paths on the pool. After a failure the error
 * reported is the earliest block's, so it does not depend on which thread failed first.
 */
async function runOnPool(run: PreparedRun, pool: BlockPool, bar: Progress): Promise<PathOutcome[]> {
  const paths = run.cfg.paths;
  if (!run.cfg.market.random) {
    // Every path has the same prices: one path runs, the others are its copies (engine/systemic/run.ts).
    const [first] = await pool.cascade({ kind: "cascade", spec: run.spec, from: 0, to: 1 });
    bar.update(paths);
    return Array.from({ length: paths }, () => structuredClone(first as PathOutcome));
  }
  const blocks = splitRange(0, paths, pool.workers * BLOCKS_PER_WORKER);
  let done = 0;
  const settled = await Promise.allSettled(
    blocks.map(async ([from, to]) => {
      const out = await pool.cascade({ kind: "cascade", spec: run.spec, from, to });
      done += to - from;
      bar.update(done);
      return out;
    }),
  );
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.flatMap((r) => (r as PromiseFulfilledResult<PathOutcome[]>).value);
}

/** Accounts whose collateral is worth less than their debt at the start prices. */
export function countInsolvent(p: Population, price: Float64Array): number {
  let n = 0;
  for (let a = 0; a < p.n; a++)
    if (accountValue(p, p.coll, a, price) < accountValue(p, p.debt, a, price)) n++;
  return n;
}

function sumValue(p: Population, bal: Float64Array, price: Float64Array): number {
  let s = 0;
  for (let a = 0; a < p.n; a++) s += accountValue(p, bal, a, price);
  return s;
}

/** The asset with the largest collateral value at the start. */
function mainAsset(p: Population, price: Float64Array): number {
  const A = p.assets.length;
  let best = 0;
  let bestV = -1;
  for (let k = 0; k < A; k++) {
    let v = 0;
    for (let a = 0; a < p.n; a++) v += (p.coll[a * A + k] as number) * (price[k] as number);
    if (v > bestV) {
      bestV = v;
      best = k;
    }
  }
  return best;
}
