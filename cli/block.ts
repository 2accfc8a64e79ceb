/**
 * One block of paths `[from, to)` of a prepared run: what a worker thread (or the main thread,
 * with `--workers 1`) computes. Compiled runs are cached by their spec, so a worker that gets
 * many blocks of one scenario loads and compiles it once.
 */
import { BallastError } from "../engine/errors.js";
import { type RunOutput, runPaths } from "../engine/sim/run.js";
import { type PreparedRun, prepareRun, type RunSpec } from "./run-setup.js";
import { underFile } from "./scenario.js";

export interface BlockTask {
  readonly spec: RunSpec;
  readonly from: number;
  readonly to: number;
}

/** A block's output, or the error it ended with (errors cross the thread boundary as data). */
export type BlockResult =
  | { readonly ok: true; readonly out: RunOutput }
  | { readonly ok: false; readonly exitCode: number; readonly message: string };

const cache = new Map<string, Promise<PreparedRun>>();

export function preparedFor(spec: RunSpec): Promise<PreparedRun> {
  const key = JSON.stringify(spec);
  let p = cache.get(key);
  if (p === undefined) {
    p = prepareRun(spec);
    cache.set(key, p);
    if (cache.size > 64) cache.delete(cache.keys().next().value as string);
  }
  return p;
}

export async function runBlock(task: BlockTask): Promise<BlockResult> {
  try {
    const run = await preparedFor(task.spec);
    const out = underFile(run.path, () => runPaths(run.cfg, { from: task.from, to: task.to }));
    return { ok: true, out };
  } catch (e) {
    if (e instanceof BallastError) return { ok: false, exitCode: e.exitCode, message: e.message };
    return { ok: false, exitCode: 3, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
