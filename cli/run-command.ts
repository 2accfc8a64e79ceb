/**
 * `ballast run [scenario]`: validate, compile, run every path (or the `--shard K/N` slice) on
 * `--workers N` threads, write the run folder atomically, print where it is (or the summary,
 * with --json).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Command, Option } from "commander";
import { InputError } from "../engine/errors.js";
import { prepareOutRoot } from "../reports/out-root.js";
import { modelStepWarnings } from "../scenarios/schema/model-steps.js";
import { MAX_PATHS } from "../scenarios/schema/sections.js";
import { BlockStore } from "./block-store.js";
import { clockGrid } from "./compile.js";
import { onInterrupt, resumeHint } from "./interrupt.js";
import { machineLimits, parseByteSize } from "./limits.js";
import { parseIntOption } from "./options.js";
import { checkOutPath } from "./out-path.js";
import { blameOverrides, collect } from "./overrides.js";
import { progressBar } from "./progress.js";
import { checkResources } from "./resources.js";
import { runWhileWriting } from "./run-range.js";
import { prepareRun } from "./run-setup.js";
import { parseShard, type Shard, shardRange } from "./shard.js";
import { resetWarnings, warn, warnings } from "./warnings.js";
import { blockPool, defaultWorkers } from "./workers.js";

export interface RunFlags {
  readonly paths?: number;
  readonly seed?: number;
  readonly out: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly overwrite?: boolean;
  /** `--set` arguments as given, applied in order. */
  readonly set?: readonly string[];
  readonly workers?: number;
  readonly shard?: Shard;
  readonly resume?: boolean;
  readonly maxMemory?: number;
}

export function runCommand(): Command {
  return new Command("run")
    .description("run one scenario (default: the built-in demo) and write a run folder")
    .argument("[scenario]", "scenario file (.yaml or .json)")
    .addOption(
      new Option("--paths <n>", "number of paths (overrides the scenario)").argParser(
        parseIntOption("--paths", 1, MAX_PATHS),
      ),
    )
    .addOption(
      new Option("--seed <s>", "seed (overrides the scenario)").argParser(parseIntOption("--seed", 0)),
    )
    .option("--out <dir>", "folder the run folder goes into", "runs")
    .option("--json", "print summary.json to stdout")
    .option("--quiet", "no progress bar")
    .option("--overwrite", "replace an existing run folder of the same name")
    .addOption(
      new Option(
        "--max-memory <size>",
        "refuse a run estimated to need more (e.g. 4G; default: the machine's)",
      ).argParser(parseByteSize),
    )
    .option("--resume", "finish an interrupted run of the same arguments, skipping its finished blocks")
    .option("--set <path=value>", "override one scenario field, e.g. book[0].qty=-5 (repeatable)", collect)
    .addOption(
      new Option("--workers <n>", "worker threads (default: every core)").argParser(
        parseIntOption("--workers", 1, 256),
      ),
    )
    .addOption(
      new Option("--shard <K/N>", "run shard K (0-based) of N: a slice of the paths").argParser(parseShard),
    )
    .action(async (file: string | undefined, flags: RunFlags) => {
      const dir = await runScenario(file, flags);
      if (flags.json) process.stdout.write(await readFile(join(dir, "summary.json"), "utf8"));
      else process.stdout.write(`${dir}\n`);
    });
}

/** Runs a scenario file end to end; returns the run folder. */
export async function runScenario(file: string | undefined, flags: RunFlags): Promise<string> {
  resetWarnings();
  await checkOutPath(flags.out);
  const run = await prepareRun({
    file,
    sets: flags.set ?? [],
    ...(flags.paths !== undefined ? { paths: flags.paths } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  });
  if (run.loaded.scenario.systemic) {
    // The population runner writes with DuckDB: loaded only when a run needs it (fast start-up).
    const { runPopulationCommand } = await import("./systemic/command.js");
    return runPopulationCommand(run, flags);
  }
  const sc = run.loaded.scenario;
  for (const w of modelStepWarnings(sc)) warn(w);
  const grid = run.loaded.replay?.market.grid ?? clockGrid(sc);
  checkResources(sc, grid, run.cfg.paths, await machineLimits(flags.out, flags.maxMemory), run.path);
  const shard = flags.shard;
  if (shard !== undefined && shard.count > run.cfg.paths) {
    throw new InputError([
      {
        code: "out_of_range",
        path: "--shard",
        message: `${shard.count} shards of ${run.cfg.paths} paths; allowed: at most one shard per path`,
      },
    ]);
  }
  await prepareOutRoot(flags.out); // before the paths run: a bad --out fails fast
  const [from, to] = shard ? shardRange(run.cfg.paths, shard) : [0, run.cfg.paths];
  const s = run.loaded.scenario;
  const name = shard ? `${s.name}-shard-${shard.index}-of-${shard.count}` : s.name;
  // Finished blocks wait in a hidden sibling of the run folder until the folder is written.
  const plan = JSON.stringify({ spec: run.spec, from, to });
  const store = new BlockStore(join(flags.out, `.${name}.run-partial`), plan);
  await store.check(flags.resume === true, "run");
  const bar = progressBar(to - from, flags.quiet === true);
  const pool = await blockPool(flags.workers ?? defaultWorkers());
  const stop = onInterrupt("run");
  // The folder is written while the blocks run, each block streamed once it is on disk, and
  // published as one atomic step once all are (reports/run-folder); the blocks go only once it is.
  // The writer's signal guard takes over from `stop`'s once its temporary folder exists. DuckDB
  // loads with the writer, only for the commands that write (fast start-up), and while the worker
  // threads already run.
  let written: Promise<string>;
  try {
    ({ written } = await runWhileWriting(
      run,
      from,
      to,
      pool,
      bar,
      store,
      () => shardInfo(shard, from, to),
      async (source) => {
        const { writeRunFolderFrom } = await import("../reports/run-folder.js");
        return writeRunFolderFrom(flags.out, name, source, {
          quantiles: s.report.quantiles,
          overwrite: flags.overwrite === true,
          interruptNote: `run: the finished blocks are in ${store.dir}; ${resumeHint()}`,
          onGuarded: stop,
        });
      },
    ));
  } catch (e) {
    if (existsSync(store.dir))
      process.stderr.write(
        `run: finished blocks are kept in ${store.dir}; the same command with --resume skips them\n`,
      );
    throw blameOverrides(e, run.overrides);
  } finally {
    stop();
    bar.stop();
    await pool.close();
  }
  const dir = await written;
  await store.remove();
  return dir;
}

/** What the manifest says of a shard and of the warnings given (asked for once the run is done). */
function shardInfo(shard: Shard | undefined, from: number, to: number): Record<string, unknown> {
  const warned = warnings();
  return {
    ...(shard ? { shard: { index: shard.index, count: shard.count, from, to } } : {}),
    ...(warned.length > 0 ? { warnings: warned } : {}),
  };
}
