/**
 * The machine's limits a run is held to (read here, in cli/, never in the engine): memory
 * (`os.totalmem()`, or `--max-memory`), the JavaScript heap (V8's limit) and the free space where
 * the run folder goes.
 */
import { statfs } from "node:fs/promises";
import { totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { InvalidArgumentError } from "commander";
import type { RunLimits } from "./resources.js";

const UNITS: Readonly<Record<string, number>> = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** Parses `--max-memory`: bytes, or a number with K, M, G or T (binary units; `GiB`, `GB` alike). */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  const bytes = m ? Number(m[1]) * (UNITS[(m[2] as string).toLowerCase()] as number) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 2 ** 20)
    throw new InvalidArgumentError(
      `found ${JSON.stringify(text)}; allowed: a size of at least 1M, such as 512M or 4G`,
    );
  return Math.floor(bytes);
}

/** Free bytes on the file system that holds `out` (or its nearest existing parent). */
async function freeBytes(out: string): Promise<number | undefined> {
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    const s = await statfs(dir).catch(() => undefined);
    // A kernel file system (/proc, /sys) has no blocks at all: prepareOutRoot refuses it by name.
    if (s) return s.blocks === 0 ? undefined : s.bavail * s.bsize;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function machineLimits(out: string, maxMemory: number | undefined): Promise<RunLimits> {
  const machine = totalmem();
  const disk = await freeBytes(out);
  return {
    memoryBytes: maxMemory === undefined ? machine : Math.min(maxMemory, machine),
    memorySource: maxMemory === undefined || maxMemory >= machine ? "the machine's memory" : "--max-memory",
    heapBytes: getHeapStatistics().heap_size_limit,
    ...(disk !== undefined ? { diskBytes: disk } : {}),
  };
}
