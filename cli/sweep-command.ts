/**
 * `ballast sweep <scenario> [--grid path=values …]`: every point of the grid (and of the file's
 * `sweep:` section) run on the same paths, into one sweep folder (cli/sweep-run.ts).
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { InputError } from "../engine/errors.js";
import type { ColumnTable } from "../reports/types.js";
import { MAX_PATHS } from "../scenarios/schema/sections.js";
import { strategyKinds } from "../strategies/registry.js";
import { onInterrupt } from "./interrupt.js";
import { readScenarioFile } from "./load-scenario.js";
import { parseIntOption } from "./options.js";
import { applyOverrides, collect, parseOverride } from "./overrides.js";
import { prepareRun, type RunSpec } from "./run-setup.js";
import { parseShard, type Shard } from "./shard.js";
import { parseGridArg, planPoints, strategyBlockSets, sweepSection } from "./sweep-plan.js";
import { sweepProgress } from "./sweep-progress.js";
import { renderPointsTable } from "./sweep-table.js";
import { type RecommendFlags, recommendSets } from "./systemic/recommend-spec.js";
import { checkPopulationSweep } from "./systemic/sweep-checks.js";
import { blockPool, defaultWorkers } from "./workers.js";

interface SweepFlags extends RecommendFlags {
  readonly grid?: string[];
  readonly set?: string[];
  readonly paths?: number;
  readonly seed?: number;
  readonly workers?: number;
  readonly out: string;
  readonly resume?: boolean;
  readonly overwrite?: boolean;
  readonly quiet?: boolean;
  readonly shard?: Shard;
}

export function sweepCommand(): Command {
  return new Command("sweep")
    .description("run a scenario at every point of a parameter grid, on common random numbers")
    .argument("<scenario>", "scenario file (.yaml or .json), optionally with a sweep: section")
    .option("--grid <path=values>", "a grid axis: path=v1,v2,… or path=from:to:step (repeatable)", collect)
    .option("--set <path=value>", "override one scenario field at every point (repeatable)", collect)
    .addOption(
      new Option("--paths <n>", "paths per point").argParser(parseIntOption("--paths", 1, MAX_PATHS)),
    )
    .addOption(
      new Option("--seed <s>", "seed (overrides the scenario)").argParser(parseIntOption("--seed", 0)),
    )
    .addOption(
      new Option("--workers <n>", "worker threads (default: every core)").argParser(
        parseIntOption("--workers", 1, 256),
      ),
    )
    .option("--out <dir>", "folder the sweep folder goes into", "runs")
    .addOption(
      new Option("--shard <K/N>", "run shard K (0-based) of N: every point's slice of the paths").argParser(
        parseShard,
      ),
    )
    .option("--resume", "finish an interrupted sweep of the same arguments")
    .option("--overwrite", "replace an existing sweep folder of the same name")
    .option("--quiet", "no progress")
    .option(
      "--target <share>",
      "population sweeps: loss threshold, share of the starting debt (recommend.target)",
    )
    .option(
      "--max-probability <p>",
      "population sweeps: largest acceptable P(loss > target) (recommend.maxProbability)",
    )
    .option(
      "--confidence <c>",
      "population sweeps: one-sided confidence of its upper bound (recommend.confidence)",
    )
    .option("--metric <m>", "population sweeps: loss or bad-debt (recommend.metric)")
    .action(async (file: string, flags: SweepFlags) => {
      const { dir, points, params } = await sweep(file, flags);
      process.stdout.write(`${dir}\n${renderPointsTable(points, params)}\n`);
    });
}

export async function sweep(
  file: string,
  flags: SweepFlags,
): Promise<{ dir: string; points: ColumnTable; params: string[] }> {
  const raw = await readScenarioFile(resolve(file));
  const section = sweepSection(raw);
  const cliAxes = (flags.grid ?? []).map(parseGridArg);
  const points = planPoints(section.axes, cliAxes, section.points);
  const rec = recommendSets(flags);
  const sets = [...(flags.set ?? []), ...rec.sets];
  const setFlags = [...(flags.set ?? []).map(() => "--set"), ...rec.flags];
  const common = {
    ...(flags.paths !== undefined ? { paths: flags.paths } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  };
  const base = await prepareRun({ file, sets, flags: setFlags, ...common });
  const baseStrategy = (
    applyOverrides(
      raw,
      sets.map((t) => parseOverride(t)),
    ) as Record<string, unknown>
  )["strategy"];
  const declared = (kind: string) => {
    const def = strategyKinds.get(kind);
    return def ? Object.keys(def.params) : undefined;
  };
  const runs = [];
  for (const point of points) {
    const extra = strategyBlockSets(point, baseStrategy, declared);
    const spec: RunSpec = {
      file,
      sets: [...sets, ...extra],
      flags: [...setFlags, ...extra.map(() => "--grid")],
      ...common,
    };
    runs.push({ point, run: await prepareRun(spec) });
  }
  checkPopulationSweep(base, flags);
  if (flags.shard !== undefined && flags.shard.count > base.cfg.paths) {
    const message = `${flags.shard.count} shards of ${base.cfg.paths} paths a point; allowed: at most one shard per path`;
    throw new InputError([{ code: "out_of_range", path: "--shard", message }]);
  }
  const { prepareOutRoot } = await import("../reports/run-folder.js");
  const { runSweep } = await import("./sweep-run.js");
  await prepareOutRoot(flags.out);
  const pool = await blockPool(flags.workers ?? defaultWorkers());
  const stop = onInterrupt("sweep");
  const bar = sweepProgress(points.length, base.cfg.paths, flags.quiet === true);
  try {
    const job = {
      name: base.loaded.scenario.name,
      outRoot: flags.out,
      base,
      points: runs,
      resume: flags.resume === true,
      overwrite: flags.overwrite === true,
      ...(flags.shard ? { shard: flags.shard } : {}),
    };
    const params = [...new Set(points.flatMap((p) => Object.keys(p.params)))];
    return { ...(await runSweep(job, pool, bar)), params };
  } finally {
    stop();
    bar.stop();
    await pool.close();
  }
}
