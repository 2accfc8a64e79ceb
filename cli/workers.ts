/**
 * `--workers N`: blocks of paths run on a tinypool of N worker threads (N = 1: in this thread).
 * Tinypool is a maintained, small pool over `worker_threads` that queues tasks, reports a worker
 * that dies as a rejected task, and shuts down cleanly.
 *
 * A block's result depends only on (scenario, seed, its paths): path i draws from streams of
 * (seed, i) alone; so blocks merged in path order give byte-identical outputs for any N.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BallastError, InternalError } from "../engine/errors.js";
import type { RunOutput } from "../engine/sim/run.js";
import type { PathOutcome } from "../engine/systemic/outcome.js";
import { type BlockResult, type BlockTask, runBlock } from "./block.js";
import { PACKAGE_ROOT } from "./paths.js";
import type { CascadeResult, CascadeTask } from "./systemic/cascade-block.js";

export interface BlockPool {
  readonly workers: number;
  run(task: BlockTask): Promise<RunOutput>;
  /** A block of a population scenario's paths (cli/systemic/cascade-block.ts). */
  cascade(task: CascadeTask): Promise<PathOutcome[]>;
  close(): Promise<void>;
}

type AnyTask = BlockTask | CascadeTask;
type AnyResult = BlockResult | CascadeResult;

/** Default of `--workers`: every core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A pool of `workers` threads; tinypool is loaded only when more than one is asked for. */
export async function blockPool(workers: number): Promise<BlockPool> {
  if (workers <= 1)
    return {
      workers: 1,
      run: async (t) => unwrap(t, await runBlock(t)).out,
      // Loaded only when a population runs: a snapshot reader pulls in DuckDB.
      cascade: async (t) => {
        const { runCascadeBlock } = await import("./systemic/cascade-block.js");
        return unwrap(t, await runCascadeBlock(t)).outcomes;
      },
      close: async () => {},
    };
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  // A thread that ends without an error (process.exit in it) leaves its task unsettled, and
  // nothing else keeps the event loop alive: settle such tasks when the loop runs dry.
  const pending = new Map<AnyTask, (e: Error) => void>();
  const orphaned = () => {
    for (const fail of pending.values()) fail(new Error("it exited"));
  };
  process.on("beforeExit", orphaned);
  const call = async <R extends AnyResult>(task: AnyTask): Promise<R> => {
    try {
      return await new Promise<R>((ok, fail) => {
        pending.set(task, fail);
        pool.run(task).then(ok, fail);
      });
    } catch (e) {
      throw new InternalError(
        `${where(task)}: the worker thread died (${e instanceof Error ? e.message : String(e)})`,
      );
    } finally {
      pending.delete(task);
    }
  };
  return {
    workers,
    run: async (task) => unwrap(task, await call<BlockResult>(task)).out,
    cascade: async (task) => unwrap(task, await call<CascadeResult>(task)).outcomes,
    close: async () => {
      process.off("beforeExit", orphaned);
      // destroy() waits for every thread's exit, which a thread that is already gone never
      // sends: give up waiting after a while.
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((ok) => {
        timer = setTimeout(ok, 2000);
      });
      await Promise.race([pool.destroy(), waited]);
      clearTimeout(timer);
    },
  };
}

/**
 * The worker thread's module: next to this one when running compiled, or the compiled one in
 * dist/ when this module runs from its TypeScript source (tests run the CLI in process).
 */
function workerFile(): string {
  const here = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(here))
    ? here.href
    : pathToFileURL(join(PACKAGE_ROOT, "dist/cli/worker.js")).href;
}

function where(task: AnyTask): string {
  return `paths ${task.from}–${task.to - 1} of ${task.spec.file ?? "the demo"}`;
}

function unwrap<R extends AnyResult>(task: AnyTask, r: R): Extract<R, { ok: true }> {
  if (r.ok) return r as Extract<R, { ok: true }>;
  if (r.exitCode === 2) throw new BallastError(r.message, 2);
  throw new InternalError(`${where(task)} failed: ${r.message}`);
}

/** Splits `[from, to)` into `count` contiguous blocks of near-equal size (none empty). */
export function splitRange(from: number, to: number, count: number): [number, number][] {
  const n = to - from;
  const k = Math.max(1, Math.min(count, n));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++)
    out.push([from + Math.floor((i * n) / k), from + Math.floor(((i + 1) * n) / k)]);
  return out;
}
