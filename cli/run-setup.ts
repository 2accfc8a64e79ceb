/**
 * What every way of running a scenario shares (one process, worker threads, shards, sweep
 * points): load the file with its overrides, compile it, and describe a slice of its paths as a
 * plain, cloneable task that a worker can rebuild the same compiled run from.
 */
import { relative, resolve } from "node:path";
import type { SimConfig } from "../engine/sim/config.js";
import type { RunOutput } from "../engine/sim/run.js";
import type { RunResults } from "../reports/types.js";
import { compile } from "./compile.js";
import { manifestPath } from "./out-path.js";
import { blameOverrides, type Override, parseOverride } from "./overrides.js";
import { DEMO_SCENARIO, PACKAGE_ROOT } from "./paths.js";
import { manifestOf, type RunTotals, tablesOf, totalsOf } from "./results.js";
import { type LoadedScenario, loadScenario } from "./scenario.js";

/** A run to set up: the scenario file as given (undefined = the demo) and its command-line changes. */
export interface RunSpec {
  readonly file: string | undefined;
  /** `--set` arguments (and, for a sweep point, the point's assignments), in order. */
  readonly sets: readonly string[];
  readonly paths?: number;
  readonly seed?: number;
  /** The flag the assignments came from, for messages (`--set`, `--grid`). */
  readonly flags?: readonly string[];
}

export interface PreparedRun {
  readonly spec: RunSpec;
  readonly path: string;
  readonly loaded: LoadedScenario;
  readonly overrides: readonly Override[];
  readonly cfg: SimConfig;
}

/** Loads, overrides, validates and compiles; every problem is bad input (exit 2). */
export async function prepareRun(spec: RunSpec): Promise<PreparedRun> {
  const path = spec.file === undefined ? DEMO_SCENARIO : resolve(spec.file);
  const overrides = spec.sets.map((t, i) => parseOverride(t, spec.flags?.[i] ?? "--set"));
  const loaded = await loadScenario(path, overrides);
  try {
    const cfg = compile(loaded.scenario, {
      ...(spec.paths !== undefined ? { paths: spec.paths } : {}),
      ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
      ...(loaded.replay ? { replay: loaded.replay.market } : {}),
      ...(loaded.modelContext ? { modelContext: loaded.modelContext } : {}),
      checkConservation: process.env["BALLAST_CHECK_CONSERVATION"] === "1",
      source: path,
    });
    return { spec, path, loaded, overrides, cfg };
  } catch (e) {
    throw blameOverrides(e, overrides);
  }
}

/** Turns a run's output into the run folder's results, the manifest naming every override. */
export function resultsOf(run: PreparedRun, out: RunOutput, extra: Record<string, unknown> = {}): RunResults {
  return { manifest: runManifest(run, totalsOf(out), extra), ...tablesOf(out) };
}

/** The manifest of a prepared run given what its paths counted; `extra` keys (shard, warnings) last. */
export function runManifest(
  run: PreparedRun,
  totals: RunTotals,
  extra: Record<string, unknown> = {},
): RunResults["manifest"] {
  const manifest = manifestOf(run.loaded.scenario, totals, {
    seed: run.cfg.seed,
    paths: run.cfg.paths,
    scenarioFile: scenarioFileOf(run.spec),
    ...(run.loaded.replay ? { dataRange: run.loaded.replay.range } : {}),
  });
  const overrides = run.overrides.length > 0 ? { overrides: run.overrides.map((o) => o.text) } : {};
  return { ...manifest, ...overrides, ...extra };
}

/** The scenario file as the manifest names it: as given, or the demo relative to the package. */
export function scenarioFileOf(spec: RunSpec): string {
  return spec.file !== undefined ? manifestPath(spec.file) : relative(PACKAGE_ROOT, DEMO_SCENARIO);
}
