/**
 * Finished blocks of paths kept on disk while a run or a sweep point is in progress, so that
 * `--resume` after Ctrl-C, SIGTERM, `kill -9` or a dead worker skips them. Each block is one file
 * `block-<from>-<to>.v8` (Node's structured-clone serialisation of the block's output), written
 * under a temporary name and renamed, so a block file is either complete or absent. A `plan.json`
 * names what the blocks belong to; a folder of another plan is never reused.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { InputError } from "../engine/errors.js";
import type { RunOutput } from "../engine/sim/run.js";

/** Paths per block of a resumable run: blocks depend only on the path range, never on workers. */
export const BLOCK_PATHS = 500;

/**
 * The blocks of `[from, to)`: at least 8 (so 2 workers share a small run), at most 500 paths (so
 * threads of unequal speed finish together: a thread waits at most one short block for the other).
 */
export function blocksOf(from: number, to: number): [number, number][] {
  const n = to - from;
  const k = Math.max(1, Math.min(n, Math.max(8, Math.ceil(n / BLOCK_PATHS))));
  return Array.from({ length: k }, (_, i) => [
    from + Math.floor((i * n) / k),
    from + Math.floor(((i + 1) * n) / k),
  ]);
}

export class BlockStore {
  private opened: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    private readonly plan: string,
  ) {}

  /**
   * Checks a folder left by an interrupted run: reused with `resume` when its plan is this one;
   * otherwise bad input saying what to do.
   */
  async check(resume: boolean, what: string): Promise<void> {
    if (!existsSync(this.dir)) return;
    // Stopped between the folder's mkdir and its plan.json: no block is written before the plan,
    // so the folder holds nothing finished and is dropped.
    if (!existsSync(join(this.dir, "plan.json"))) {
      await rm(this.dir, { recursive: true, force: true });
      return;
    }
    const old = await readFile(join(this.dir, "plan.json"), "utf8").catch(() => "");
    if (!resume || old !== this.plan) {
      const why = resume
        ? "was started with another scenario, overrides, seed or path count; allowed: --resume with the same arguments, or remove the folder"
        : `holds the finished blocks of an interrupted ${what}; allowed: --resume to finish it, or remove the folder`;
      throw new InputError([{ code: "interrupted", path: this.dir, message: why }]);
    }
    this.opened = Promise.resolve();
    for (const name of await readdir(this.dir))
      if (name.endsWith(".tmp")) await rm(join(this.dir, name), { force: true });
  }

  async has(from: number, to: number): Promise<boolean> {
    return existsSync(join(this.dir, `block-${from}-${to}.v8`));
  }

  async load(from: number, to: number): Promise<RunOutput | undefined> {
    const file = join(this.dir, `block-${from}-${to}.v8`);
    return existsSync(file) ? (deserialize(await readFile(file)) as RunOutput) : undefined;
  }

  async save(from: number, to: number, out: RunOutput): Promise<void> {
    this.opened ??= this.open();
    await this.opened;
    const file = join(this.dir, `block-${from}-${to}.v8`);
    await writeFile(`${file}.tmp`, serialize(out));
    await rename(`${file}.tmp`, file);
  }

  private async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, "plan.json.tmp"), this.plan);
    await rename(join(this.dir, "plan.json.tmp"), join(this.dir, "plan.json"));
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
