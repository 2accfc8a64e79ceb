/**
 * `ballast merge` over the folders of `ballast sweep --shard K/N`: each point's shard folders are
 * merged like a run's (cli/merge.ts), then `points.parquet` and `summary.json` are written as
 * the unsharded sweep writes them; the folder is built under a hidden name and renamed.
 */
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "../engine/errors.js";
import { writeRunFolder } from "../reports/run-folder.js";
import { mergedResults, readShardFolders } from "./merge.js";
import { checkShardSet } from "./merge-check.js";
import type { SweepIndexPoint } from "./sweep-run.js";
import { writeSweepIndex } from "./sweep-run.js";

/** Whether a folder's summary.json is a sweep's (it lists points). */
export function isSweepSummary(summary: unknown): boolean {
  return (
    typeof summary === "object" && summary !== null && Array.isArray((summary as { points?: unknown }).points)
  );
}

export async function mergeSweep(dirs: readonly string[], target: string): Promise<void> {
  const shards = checkShardSet(await readShardFolders(dirs));
  const first = shards[0]?.summary as unknown as {
    manifest: Record<string, unknown>;
    points: SweepIndexPoint[];
  };
  const listed = JSON.stringify(first.points);
  const other = shards.find(
    (s) => JSON.stringify((s.summary as unknown as { points: unknown }).points) !== listed,
  );
  if (other) {
    const message = `its points differ from those of ${shards[0]?.dir}; allowed: shards of one sweep`;
    throw new InputError([{ code: "mismatch", path: other.dir, message }]);
  }
  const temp = join(dirname(target), `.${basename(target)}.merge-partial`);
  await rm(temp, { recursive: true, force: true });
  try {
    for (const p of first.points) {
      const { results, quantiles } = await mergedResults(shards.map((s) => join(s.dir, p.folder)));
      await writeRunFolder(temp, p.folder, results, { quantiles });
    }
    const { shard: _shard, ...manifest } = first.manifest;
    await writeSweepIndex(temp, manifest, first.points);
    if (existsSync(target)) await rm(target, { recursive: true, force: true });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}
