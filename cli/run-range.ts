/**
 * Runs paths `[from, to)` of a prepared run on a pool of worker threads, in blocks (`blocksOf`, a
 * function of the range alone, never of the worker count).
 * - `runWhileWriting` keeps each finished block on disk (cli/block-store.ts), skips blocks
 *   already there (`--resume`), and holds no block in memory once it is saved; meanwhile the
 *   streamed run-folder writer (reports/run-folder.ts `writeRunFolderFrom`) reads them back one at
 *   a time, in path order, each as soon as it is saved. Memory therefore stays flat in the path
 *   count.
 * - `runRange` returns every block merged in memory (engine/sim/merge-outputs.ts), as one runner
 *   would have produced them: for benches and tests of small runs.
 */
import { InternalError } from "../engine/errors.js";
import { EVENT_TYPE_NAMES } from "../engine/events.js";
import { mergeOutputs } from "../engine/sim/merge-outputs.js";
import type { RunOutput } from "../engine/sim/run.js";
import type { RunSource } from "../reports/run-folder.js";
import { type BlockStore, blocksOf } from "./block-store.js";
import type { Progress } from "./progress.js";
import { tablesOf } from "./results.js";
import { type PreparedRun, runManifest } from "./run-setup.js";
import type { BlockPool } from "./workers.js";

/**
 * Runs every block of `[from, to)` not already in `store`, saving each there as it finishes;
 * `gate`, when given, learns of each block as soon as it is on disk (saved now or before).
 */
async function runBlocks(
  run: PreparedRun,
  from: number,
  to: number,
  pool: BlockPool,
  bar: Progress,
  store: BlockStore,
  gate?: BlockGate,
): Promise<void> {
  try {
    await schedule(from, to, pool, bar, async (a, b, i) => {
      if (!(await store.has(a, b)))
        await store.save(a, b, await pool.run({ spec: run.spec, from: a, to: b }));
      gate?.open(i);
    });
  } catch (e) {
    gate?.fail(e);
    throw e;
  }
}

/**
 * Runs the blocks of `[from, to)` into `store` and, alongside, `write`s the run folder from them,
 * each block streamed as soon as it is on disk. Resolves once every block is, with the write still
 * going on in `written` (so a caller can release its workers first); when the run fails, the write
 * is stopped first (it ends at the first block missing, removing its temporary folder).
 */
export async function runWhileWriting<T>(
  run: PreparedRun,
  from: number,
  to: number,
  pool: BlockPool,
  bar: Progress,
  store: BlockStore,
  extra: Record<string, unknown> | (() => Record<string, unknown>),
  write: (source: RunSource) => Promise<T>,
): Promise<{ readonly written: Promise<T> }> {
  const gate = new BlockGate(blocksOf(from, to).length);
  const running = runBlocks(run, from, to, pool, bar, store, gate);
  running.catch(() => undefined); // awaited below
  let writing: Promise<T> | undefined;
  try {
    writing = write(storedSource(run, from, to, store, extra, gate));
    writing.catch(() => undefined); // the caller awaits it; a write that fails early waits for the run
    await running;
  } catch (e) {
    await writing?.catch(() => undefined);
    throw e;
  }
  return { written: writing };
}

/**
 * Lets the run-folder writer follow the blocks while they run: `storedSource` reads block i once
 * it is on disk, so the tables are streamed while later blocks still compute and only the summary
 * and reports are left for the end (on several workers, the main thread is otherwise idle then).
 */
class BlockGate {
  private readonly waits: { promise: Promise<void>; open: () => void; fail: (e: unknown) => void }[];

  constructor(count: number) {
    this.waits = Array.from({ length: count }, () => {
      let open = () => {};
      let fail = (_e: unknown) => {};
      const promise = new Promise<void>((ok, no) => {
        open = ok;
        fail = no;
      });
      // A failure is reported by the run itself; the writer only stops on it.
      promise.catch(() => undefined);
      return { promise, open, fail };
    });
  }

  open(i: number): void {
    this.waits[i]?.open();
  }

  /** The run failed: every block not yet on disk never will be. */
  fail(e: unknown): void {
    for (const w of this.waits) w.fail(e);
  }

  wait(i: number): Promise<void> {
    return this.waits[i]?.promise ?? Promise.resolve();
  }
}

/** Runs `[from, to)` and returns the merged output of its blocks (kept in memory). */
export async function runRange(
  run: PreparedRun,
  from: number,
  to: number,
  pool: BlockPool,
  bar: Progress,
): Promise<RunOutput> {
  const blocks = blocksOf(from, to);
  const outs: RunOutput[] = new Array(blocks.length);
  await schedule(from, to, pool, bar, async (a, b, i) => {
    outs[i] = await pool.run({ spec: run.spec, from: a, to: b });
  });
  return mergeOutputs(outs);
}

/**
 * The blocks of `[from, to)` in `store` as a run-folder source: read, turned into tables and
 * dropped one at a time (each once `gate` says it is on disk); the manifest counts the events and
 * postings of all of them, with `extra` (or what it returns, asked for at the end).
 */
function storedSource(
  run: PreparedRun,
  from: number,
  to: number,
  store: BlockStore,
  extra: Record<string, unknown> | (() => Record<string, unknown>) = {},
  gate?: BlockGate,
): RunSource {
  const eventCounts = new Int32Array(EVENT_TYPE_NAMES.length);
  let postings = 0;
  let steps = run.cfg.grid.steps;
  return {
    rows: to - from,
    async *pieces() {
      for (const [i, [a, b]] of blocksOf(from, to).entries()) {
        await gate?.wait(i);
        const out = await store.load(a, b);
        if (out === undefined) throw new InternalError(`block ${a}–${b} is missing from ${store.dir}`);
        out.events.counts.forEach((n, i) => {
          eventCounts[i] = (eventCounts[i] as number) + n;
        });
        postings += out.postings;
        steps = out.steps;
        yield tablesOf(out);
      }
    },
    manifest: () =>
      runManifest(run, { eventCounts, postings, steps }, typeof extra === "function" ? extra() : extra),
  };
}

/**
 * Runs `work` over the blocks of `[from, to)` with one block in flight per thread (one in this
 * thread for --workers 1), so each finished block is saved before the next one starts. After a
 * failure no new block starts; the error reported is that of the earliest failed block, so it does
 * not depend on which thread failed first.
 */
async function schedule(
  from: number,
  to: number,
  pool: BlockPool,
  bar: Progress,
  work: (a: number, b: number, i: number) => Promise<void>,
): Promise<void> {
  let done = 0;
  const blocks = blocksOf(from, to);
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    for (let i = next++; i < blocks.length && errors.length === 0; i = next++) {
      const [a, b] = blocks[i] as [number, number];
      try {
        await work(a, b, i);
      } catch (e) {
        errors[i] = e;
        errors.length = Math.max(errors.length, i + 1);
        return;
      }
      done += b - a;
      bar.update(done);
    }
  };
  await Promise.all(Array.from({ length: pool.workers }, lane));
  const first = errors.findIndex((e, i) => i in errors && e !== undefined);
  if (first >= 0) throw errors[first];
}
