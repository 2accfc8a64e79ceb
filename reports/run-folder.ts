/**
 * The run folder: `summary.json`, `paths.parquet`, `events.parquet`, `series.parquet` and
 * `accounts.parquet` (when the run has series), `report.md` and `report.html`, published all at once.
 *
 * Everything is written into a hidden sibling `.<name>.tmp-<pid>-<n>` (pid and a per-process
 * counter: unique among live processes without a clock or randomness), then renamed to the final
 * name, so a reader sees either no folder or a complete one. On any error the temporary folder is
 * removed and the error rethrown; nothing half-written remains. A write failure (the folder made
 * unwritable or removed meanwhile, a full disk) is reported naming `--out`; SIGINT and SIGTERM
 * during the write remove the temporary folder before the process exits; temporary folders that
 * killed writers left behind are swept on the next write to the same root (./temp-folder.ts).
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../engine/errors.js";
import { runNameProblem } from "../engine/names.js";
import { renderMarkdown } from "./markdown.js";

export { prepareOutRoot } from "./out-root.js";

import { renderRunHtml } from "./run-html.js";
import { type RunTables, writeRunTables } from "./run-tables.js";
import { buildSummary, renderSummaryJson } from "./summary.js";
import {
  errorCode,
  exists,
  makeTempDir,
  released,
  sideName,
  sweepStale,
  type WriteState,
  withSignalGuard,
  writeFailure,
} from "./temp-folder.js";
import { DEFAULT_QUANTILES, type RunResults } from "./types.js";

/** Options of `writeRunFolder`. */
export interface WriteRunOptions {
  /**
   * Replace an existing folder of the same name instead of choosing a free one. The old folder is
   * first renamed aside and removed after the new one is in place (POSIX cannot swap two
   * directories atomically, so for an instant neither name exists).
   */
  readonly overwrite?: boolean;
  /** PnL quantiles of the summary; default `DEFAULT_QUANTILES`. */
  readonly quantiles?: readonly number[];
  /** Printed after the message of a SIGINT or SIGTERM during the write (e.g. how to resume). */
  readonly interruptNote?: string;
  /**
   * Called once the write's own SIGINT/SIGTERM handling is in place (a caller that writes while
   * its run still computes drops its own handler then, so one handler speaks for both).
   */
  readonly onGuarded?: () => void;
}

/**
 * Writes a run folder under `outRoot` (created if missing) and returns its path. When
 * `<outRoot>/<runName>` exists and `overwrite` is not set, the first free name of `<runName>-2`,
 * `<runName>-3`, … is used instead.
 * @throws InputError when `runName` is not a plain folder name or the results do not check
 *   (missing `paths.pnl`, columns of unequal length, …); no folder is left behind then.
 */
export async function writeRunFolder(
  outRoot: string,
  runName: string,
  results: RunResults,
  options: WriteRunOptions = {},
): Promise<string> {
  const { paths, events, series, accounts } = results;
  const piece = {
    paths,
    ...(events ? { events } : {}),
    ...(series ? { series } : {}),
    ...(accounts ? { accounts } : {}),
  };
  const source: RunSource = {
    rows: paths.length,
    pieces: async function* () {
      yield piece;
    },
    manifest: () => results.manifest,
    ...(results.metrics ? { metrics: results.metrics } : {}),
  };
  return writeRunFolderFrom(outRoot, runName, source, options);
}

/** A run folder's content given in pieces (the blocks of a run, in path order). */
export interface RunSource {
  /** Rows of the paths table over all pieces. */
  readonly rows: number;
  /** The pieces, in path order; each is dropped once written. */
  pieces(): AsyncIterable<RunTables>;
  /** The manifest, asked for after the last piece (it may count what the pieces held). */
  manifest(): RunResults["manifest"];
  readonly metrics?: RunResults["metrics"];
}

/**
 * `writeRunFolder` from pieces: the tables are streamed (reports/run-tables.ts), so memory holds
 * one piece at a time plus the paths columns; the summary, report.md and report.html follow from
 * the paths table and the manifest. Publication, naming and clean-up as `writeRunFolder`.
 */
export async function writeRunFolderFrom(
  outRoot: string,
  runName: string,
  source: RunSource,
  options: WriteRunOptions = {},
): Promise<string> {
  checkRunName(runName);
  let temp: string;
  try {
    await mkdir(outRoot, { recursive: true });
    await sweepStale(outRoot);
    temp = await makeTempDir(outRoot, runName);
  } catch (error) {
    throw writeFailure(error, outRoot, runName);
  }
  const state: WriteState = { temp, final: join(outRoot, runName), published: false };
  try {
    return await withSignalGuard(state, options.interruptNote, async () => {
      options.onGuarded?.();
      const paths = await writeRunTables(temp, source.rows, source.pieces());
      const results = {
        manifest: source.manifest(),
        paths,
        ...(source.metrics ? { metrics: source.metrics } : {}),
      };
      const summary = buildSummary(results, options.quantiles ?? DEFAULT_QUANTILES);
      await writeFile(join(temp, "summary.json"), renderSummaryJson(summary));
      await writeFile(join(temp, "report.html"), await renderRunHtml(temp, summary));
      await writeFile(join(temp, "report.md"), renderMarkdown(summary));
      await checkComplete(temp, existsSync(join(temp, "series.parquet")));
      return publish(state, outRoot, runName, options.overwrite === true);
    });
  } catch (error) {
    // The folder may be gone, or under a path that is now a file: nothing is left to remove then.
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw writeFailure(error, outRoot, runName);
  } finally {
    released(temp);
  }
}

/**
 * Every file of the run is in the temporary folder before it is published: a folder removed while
 * it was written can be recreated behind the writer's back (DuckDB creates a missing folder for
 * the file it copies to), and must not be published without the files written before.
 */
async function checkComplete(temp: string, withSeries: boolean): Promise<void> {
  const names = new Set(await readdir(temp));
  const wanted = [
    "summary.json",
    "paths.parquet",
    "events.parquet",
    "report.md",
    "report.html",
    ...(withSeries ? ["series.parquet", "accounts.parquet"] : []),
  ];
  const missing = wanted.filter((n) => !names.has(n));
  if (missing.length > 0)
    throw Object.assign(
      new Error(`the folder changed while it was written (${missing.join(", ")} went missing)`),
      {
        code: "ENOENT",
      },
    );
}

function checkRunName(runName: string): void {
  const message = runNameProblem(runName);
  if (message !== undefined) throw new InputError([{ code: "bad_name", path: "name", message }]);
}

async function publish(
  state: WriteState,
  outRoot: string,
  runName: string,
  overwrite: boolean,
): Promise<string> {
  const wanted = join(outRoot, runName);
  if (overwrite && (await exists(wanted))) return replace(state, outRoot, runName);
  for (let i = 1; ; i++) {
    const final = i === 1 ? wanted : `${wanted}-${i}`;
    if (await exists(final)) continue;
    state.final = final;
    try {
      await rename(state.temp, final);
      state.published = true;
      return final;
    } catch (error) {
      // Another writer took the name between the check and the rename.
      if (!["EEXIST", "ENOTEMPTY", "ENOTDIR"].includes(errorCode(error) ?? "")) throw error;
    }
  }
}

async function replace(state: WriteState, outRoot: string, runName: string): Promise<string> {
  const old = sideName(outRoot, runName, "old");
  await rename(state.final, old);
  state.old = old;
  try {
    await rename(state.temp, state.final);
    state.published = true;
  } catch (error) {
    await rename(old, state.final);
    throw error;
  } finally {
    released(old);
  }
  await rm(old, { recursive: true, force: true });
  return state.final;
}
