/**
 * The worker-thread entry of the pool (cli/workers.ts): runs one block of paths per task — of an
 * ordinary scenario (cli/block.ts) or of a population scenario (cli/systemic/cascade-block.ts).
 * `BALLAST_FAULT_WORKER=exit` ends the thread on every block but the first (failure injection
 * for the tests of how a dying worker is reported).
 */
import { type BlockResult, type BlockTask, runBlock } from "./block.js";
import { type CascadeResult, type CascadeTask, runCascadeBlock } from "./systemic/cascade-block.js";

export default function work(task: BlockTask | CascadeTask): Promise<BlockResult | CascadeResult> {
  if (process.env["BALLAST_FAULT_WORKER"] === "exit" && task.from > 0) process.exit(1);
  return "kind" in task && task.kind === "cascade" ? runCascadeBlock(task) : runBlock(task);
}
