/**
 * The worker-thread entry of the pool (cli/workers.ts): runs one block of paths per task.
 * `BALLAST_FAULT_WORKER=exit` ends the thread on every block but the first (failure injection
 * for the tests of how a dying worker is reported).
 */
import { type BlockResult, type BlockTask, runBlock } from "./block.js";

export default function work(task: BlockTask): Promise<BlockResult> {
  if (process.env["BALLAST_FAULT_WORKER"] === "exit" && task.from > 0) process.exit(1);
  return runBlock(task);
}
