/**
 * `ballast run [scenario]`: validate, compile, run every path, write the run folder atomically,
 * print where it is (or the summary, with --json).
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { runPaths } from "../engine/sim/run.js";
import { prepareOutRoot, writeRunFolder } from "../reports/run-folder.js";
import { modelStepWarnings } from "../scenarios/schema/model-steps.js";
import { MAX_PATHS } from "../scenarios/schema/sections.js";
import { clockGrid, compile } from "./compile.js";
import { machineLimits, parseByteSize } from "./limits.js";
import { parseIntOption } from "./options.js";
import { checkOutPath, manifestPath } from "./out-path.js";
import { blameOverrides, collect, parseOverride } from "./overrides.js";
import { DEMO_SCENARIO, PACKAGE_ROOT } from "./paths.js";
import { progressBar } from "./progress.js";
import { checkResources } from "./resources.js";
import { toResults } from "./results.js";
import { loadScenario, underFile } from "./scenario.js";
import { runPopulation } from "./systemic/run.js";
import { resetWarnings, warn, warnings } from "./warnings.js";

export interface RunFlags {
  readonly paths?: number;
  readonly seed?: number;
  readonly out: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly overwrite?: boolean;
  /** `--set` arguments as given, applied in order. */
  readonly set?: readonly string[];
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
    .option("--set <path=value>", "override one scenario field, e.g. book[0].qty=-5 (repeatable)", collect)
    .addOption(
      new Option(
        "--max-memory <size>",
        "refuse a run estimated to need more (e.g. 4G; default: the machine's)",
      ).argParser(parseByteSize),
    )
    .action(async (file: string | undefined, flags: RunFlags) => {
      const dir = await runScenario(file, flags);
      if (flags.json) process.stdout.write(await readFile(join(dir, "summary.json"), "utf8"));
      else process.stdout.write(`${dir}\n`);
    });
}

/** Runs a scenario file end to end; returns the run folder. */
export async function runScenario(file: string | undefined, flags: RunFlags): Promise<string> {
  const path = file ? resolve(file) : DEMO_SCENARIO;
  resetWarnings();
  await checkOutPath(flags.out);
  const overrides = (flags.set ?? []).map((t) => parseOverride(t));
  const loaded = await loadScenario(path, overrides);
  if (loaded.scenario.systemic) return runPopulation(loaded, flags, file);
  const s = loaded.scenario;
  for (const w of modelStepWarnings(s)) warn(w);
  const grid = loaded.replay?.market.grid ?? clockGrid(s);
  checkResources(s, grid, flags.paths ?? s.paths, await machineLimits(flags.out, flags.maxMemory), path);
  const cfg = compile(s, {
    ...(flags.paths !== undefined ? { paths: flags.paths } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(loaded.replay ? { replay: loaded.replay.market } : {}),
    ...(loaded.modelContext ? { modelContext: loaded.modelContext } : {}),
    checkConservation: process.env["BALLAST_CHECK_CONSERVATION"] === "1",
    source: path,
  });
  await prepareOutRoot(flags.out); // before the paths run: a bad --out fails fast
  const bar = progressBar(cfg.paths, flags.quiet === true);
  let out: ReturnType<typeof runPaths>;
  try {
    out = underFile(path, () => runPaths(cfg, { onProgress: (done) => bar.update(done) }));
  } catch (e) {
    throw blameOverrides(e, overrides);
  } finally {
    bar.stop();
  }
  const results = toResults(s, out, {
    seed: cfg.seed,
    paths: cfg.paths,
    scenarioFile: file ? manifestPath(file) : relative(PACKAGE_ROOT, DEMO_SCENARIO),
    ...(loaded.replay ? { dataRange: loaded.replay.range } : {}),
  });
  const warned = warnings();
  const manifest = {
    ...results.manifest,
    ...(overrides.length > 0 ? { overrides: overrides.map((o) => o.text) } : {}),
    ...(warned.length > 0 ? { warnings: warned } : {}),
  };
  return writeRunFolder(
    flags.out,
    s.name,
    { ...results, manifest },
    {
      quantiles: s.report.quantiles,
      overwrite: flags.overwrite === true,
    },
  );
}
