/**
 * Runs paths `[from, to)` of a prepared run on a pool of worker threads and returns one output,
 * as if one runner had run them in order: blocks (`blocksOf`, a function of the range alone) are
 * merged in path order (engine/sim/merge-outputs.ts). With a block store, each finished block is
 * kept on disk and blocks already there are not run again (`--resume`).
 */
import { mergeOutputs } from "../engine/sim/merge-outputs.js";
import type { RunOutput } from "../engine/sim/run.js";
import type { BlockStore } from "./block-store.js";
import { blocksOf } from "./block-store.js";
import type { Progress } from "./progress.js";
import type { PreparedRun } from "./run-setup.js";
import type { BlockPool } from "./workers.js";

export async function runRange(
  run: PreparedRun,
  from: number,
  to: number,
  pool: BlockPool,
  bar: Progress,
  store?: BlockStore,
): Promise<RunOutput> {
  let done = 0;
  const blocks = blocksOf(from, to);
  const outs: RunOutput[] = new Array(blocks.length);
  let next = 0;
  // One block in flight per thread (one in this thread for --workers 1), so each finished block
  // is saved before the next one starts.
  // After a failure no new block starts; the error reported is that of the earliest failed
  // block, so it does not depend on which thread failed first.
  const errors: unknown[] = [];
  const lane = async () => {
    for (let i = next++; i < blocks.length && errors.length === 0; i = next++) {
      const [a, b] = blocks[i] as [number, number];
      try {
        let out = await store?.load(a, b);
        if (out === undefined) {
          out = await pool.run({ spec: run.spec, from: a, to: b });
          await store?.save(a, b, out);
        }
        outs[i] = out;
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
  return mergeOutputs(outs);
}
