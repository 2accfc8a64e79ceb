/**
 * Runs a sweep into its folder: `<out>/<name>/` with one run folder per point (`point-000`, …),
 * `points.parquet` (cli/sweep-points.ts) and `summary.json` (the manifest and the points).
 *
 * The folder is built as `<out>/.<name>.sweep-partial/` and renamed when every point is in it.
 * Each point's folder is published atomically (reports/run-folder.ts), so after Ctrl-C, SIGTERM or
 * `kill -9` the partial folder holds only finished points; `--resume` checks that the plan
 * (`plan.json`: scenario, overrides, points, seed, paths) is the same and runs the others.
 *
 * Common random numbers: every point runs the same seed, and path i of every point draws from
 * the streams of (seed, i) only — `prices` (the models' driver), `prices/<asset>`, `oracle`,
 * `execution`, and each component's own named stream — never from the point. So path i of two
 * points sees the same random shocks; only what the point changes differs.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../engine/errors.js";
import { writeRunFolderFrom } from "../reports/run-folder.js";
import { writeParquet } from "../reports/store.js";
import { canonical } from "../reports/summary.js";
import { recommendationOf, withVerdicts } from "../reports/sweep-recommend.js";
import { renderSweepReports } from "../reports/sweep-report.js";
import type { ColumnTable } from "../reports/types.js";
import { BlockStore } from "./block-store.js";
import type { Progress } from "./progress.js";
import { progressBar } from "./progress.js";
import { scenarioHash, VERSION } from "./results.js";
import { runWhileWriting } from "./run-range.js";
import { type PreparedRun, scenarioFileOf } from "./run-setup.js";
import { type Shard, shardRange } from "./shard.js";
import type { SweepPoint } from "./sweep-plan.js";
import { type PointRow, pointsTable } from "./sweep-points.js";
import { recommendOf, targetShareOf } from "./systemic/recommend-spec.js";
import { runPopulation } from "./systemic/run.js";
import type { BlockPool } from "./workers.js";

export interface SweepJob {
  readonly name: string;
  readonly outRoot: string;
  readonly base: PreparedRun;
  readonly points: readonly { readonly point: SweepPoint; readonly run: PreparedRun }[];
  readonly resume: boolean;
  readonly overwrite: boolean;
  /** `--shard K/N`: every point runs only its slice of the paths (cli/shard.ts). */
  readonly shard?: Shard;
}

export const pointFolder = (i: number): string => `point-${String(i).padStart(3, "0")}`;

/** Runs every unfinished point and publishes the sweep folder; returns its path and points table. */
export async function runSweep(
  job: SweepJob,
  pool: BlockPool,
  bar: Progress,
): Promise<{ dir: string; points: ColumnTable }> {
  const name = job.shard ? `${job.name}-shard-${job.shard.index}-of-${job.shard.count}` : job.name;
  const final = join(job.outRoot, name);
  const partial = join(job.outRoot, `.${name}.sweep-partial`);
  if (existsSync(final) && !job.overwrite)
    throw new InputError([
      { code: "exists", path: "--out", message: `${final} exists; allowed: another --out, or --overwrite` },
    ]);
  const plan = `${JSON.stringify(planOf(job), null, 2)}\n`;
  await openPartial(partial, plan, job.resume);
  let done = 0;
  const todo = job.points.filter((p) => !existsSync(join(partial, pointFolder(p.point.index))));
  done = job.points.length - todo.length;
  bar.update(done);
  const limit = pool.workers + 1;
  for (let i = 0; i < todo.length; i += limit) {
    await Promise.all(
      todo.slice(i, i + limit).map(async (p) => {
        await runPoint(p.run, pool, partial, pointFolder(p.point.index), job.shard);
        bar.update(++done);
      }),
    );
  }
  const points = await finish(job, partial);
  if (existsSync(final)) await rm(final, { recursive: true, force: true });
  await rename(partial, final);
  await rm(join(final, "plan.json"), { force: true });
  return { dir: final, points };
}

async function openPartial(partial: string, plan: string, resume: boolean): Promise<void> {
  if (existsSync(partial)) {
    if (!resume)
      throw new InputError([
        {
          code: "interrupted",
          path: partial,
          message: "an interrupted sweep is here; allowed: --resume to finish it, or remove the folder",
        },
      ]);
    const old = await readFile(join(partial, "plan.json"), "utf8").catch(() => "");
    if (old !== plan)
      throw new InputError([
        {
          code: "mismatch",
          path: partial,
          message:
            "was started with another scenario, overrides, grid, seed or path count; allowed: --resume with the same arguments",
        },
      ]);
    // A point folder being written when the sweep stopped is hidden under a temporary name.
    // A point published just before the stop may still have its block store beside it; a block
    // store stopped before its plan.json was written holds no finished block (cli/block-store.ts).
    for (const name of await readdir(partial)) {
      const blocksOf = /^\.(point-\d+)\.blocks$/.exec(name)?.[1];
      const stale =
        blocksOf !== undefined &&
        (existsSync(join(partial, blocksOf)) || !existsSync(join(partial, name, "plan.json")));
      if (stale || (name.startsWith(".") && name.includes(".tmp-")))
        await rm(join(partial, name), { recursive: true, force: true });
    }
    return;
  }
  await mkdir(partial, { recursive: true });
  await writeFile(join(partial, ".plan.json.tmp"), plan);
  await rename(join(partial, ".plan.json.tmp"), join(partial, "plan.json"));
}

function planOf(job: SweepJob): Record<string, unknown> {
  return {
    manifest: manifestOf(job),
    points: job.points.map((p) => ({ point: p.point.index, params: canonical(p.point.params, false) })),
  };
}

function manifestOf(job: SweepJob): Record<string, unknown> {
  const b = job.base;
  return {
    version: VERSION,
    scenarioName: b.loaded.scenario.name,
    scenarioHash: scenarioHash(b.loaded.scenario),
    seed: b.cfg.seed,
    paths: b.cfg.paths,
    scenarioFile: scenarioFileOf(b.spec),
    ...(b.overrides.length > 0 ? { overrides: b.overrides.map((o) => o.text) } : {}),
    points: job.points.length,
    parameters: [...new Set(job.points.flatMap((p) => Object.keys(p.point.params)))],
    ...(b.loaded.scenario.systemic ? { recommend: recommendOf(b) } : {}),
    commonRandomNumbers:
      "path i of every point draws from the streams of (seed, i): prices, prices/<asset>, oracle, execution",
  };
}

async function runPoint(
  run: PreparedRun,
  pool: BlockPool,
  dir: string,
  folder: string,
  shard: Shard | undefined,
): Promise<void> {
  if (run.loaded.scenario.systemic) {
    // A population point runs whole (the sweep refuses --shard for it) into its own run folder.
    const options = { out: dir, name: folder, overwrite: false, targetShare: targetShareOf(run) };
    await runPopulation(run, pool, progressBar(0, true), options);
    return;
  }
  const [from, to] = shard ? shardRange(run.cfg.paths, shard) : [0, run.cfg.paths];
  const shardInfo = shard ? { shard: { index: shard.index, count: shard.count, from, to } } : {};
  // The point's finished blocks wait in the partial folder too, so --resume skips them.
  const store = new BlockStore(join(dir, `.${folder}.blocks`), JSON.stringify({ spec: run.spec, from, to }));
  await store.check(true, "sweep point");
  // The point's folder is written while its blocks run, as `ballast run` does (cli/run-command.ts).
  const { written } = await runWhileWriting(
    run,
    from,
    to,
    pool,
    progressBar(0, true),
    store,
    shardInfo,
    (source) => writeRunFolderFrom(dir, folder, source, { quantiles: run.loaded.scenario.report.quantiles }),
  );
  await written;
  await store.remove();
}

async function finish(job: SweepJob, partial: string): Promise<ColumnTable> {
  const points: SweepIndexPoint[] = job.points.map((p) => ({
    point: p.point.index,
    folder: pointFolder(p.point.index),
    parameters: canonical(p.point.params, false) as Record<string, unknown>,
    scenarioHash: scenarioHash(p.run.loaded.scenario),
  }));
  const s = job.shard;
  if (s === undefined) return writeSweepIndex(partial, manifestOf(job), points);
  // A shard's points hold a slice of the paths: the points table waits for `ballast merge`.
  const manifest = { ...manifestOf(job), shard: { index: s.index, count: s.count } };
  await writeFile(join(partial, "summary.json"), `${JSON.stringify({ manifest, points }, null, 2)}\n`);
  return { columns: {}, length: 0 };
}

/** A point as the sweep's summary.json lists it. */
export interface SweepIndexPoint {
  readonly point: number;
  readonly folder: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly scenarioHash: string;
}

/** Writes `points.parquet` (from the point folders under `dir`), `summary.json`, report.md and report.html. */
export async function writeSweepIndex(
  dir: string,
  manifest: Readonly<Record<string, unknown>>,
  points: readonly SweepIndexPoint[],
): Promise<ColumnTable> {
  const rows: PointRow[] = points.map((p) => ({ point: p.point, folder: p.folder, params: p.parameters }));
  const table = withVerdicts(await pointsTable(dir, rows), manifest);
  await writeParquet(join(dir, "points.parquet"), table);
  const rec = recommendationOf(table, manifest);
  const summary = { manifest, points, ...(rec ? { recommendation: rec } : {}) };
  await writeFile(join(dir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await renderSweepReports(dir);
  return table;
}
