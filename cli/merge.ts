/**
 * `ballast merge <shard folders…> --out DIR`: the run folder of the unsharded run, from the
 * folders `--shard K/N` wrote. Each table is read with DuckDB as `UNION ALL` of the shards'
 * Parquet files in shard order (every column the shards have, whatever they are), and written
 * and summarised by the same code as a run, so `summary.json`, `report.md` and the Parquet
 * contents equal those of the unsharded run.
 *
 * Refused (exit 2, naming the folder, before anything is written): a folder without a shard
 * manifest, shards of different scenarios (hash), seeds, path counts, versions, overrides or
 * shard counts, a shard given twice, or a missing shard.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError, type Issue } from "../engine/errors.js";
import type { Summary } from "../reports/summary.js";
import type { ColumnTable, RunResults } from "../reports/types.js";
import { checkShardSet, type ShardFolder } from "./merge-check.js";
import { readTables } from "./merge-tables.js";

/** Reads each folder's summary.json; a folder without one is bad input naming it. */
export async function readShardFolders(dirs: readonly string[]): Promise<ShardFolder[]> {
  const issues: Issue[] = [];
  const out: ShardFolder[] = [];
  for (const dir of dirs) {
    try {
      const summary = JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as Summary;
      out.push({ dir, summary });
    } catch {
      issues.push({
        code: "not_a_run",
        path: dir,
        message: "no readable summary.json; allowed: run folders written by `ballast run --shard K/N`",
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/**
 * The merged run's results: tables in shard order, and the first shard's manifest without its
 * `shard` key, with the per-shard counts (`eventCounts`, `ledgerPostings`: additive over disjoint
 * sets of paths) summed. The summary is then rebuilt from the merged tables, as `run` builds it.
 */
export async function mergedResults(
  dirs: readonly string[],
): Promise<{ results: RunResults; quantiles: number[] }> {
  const shards = checkShardSet(await readShardFolders(dirs));
  const tables = await readTables(shards.map((s) => s.dir));
  const first = shards[0]?.summary as Summary;
  const { shard: _shard, ...manifest } = first.manifest as Record<string, unknown>;
  for (const k of SUMMED) {
    if (k in manifest)
      manifest[k] = sumBlocks(shards.map((s) => (s.summary.manifest as Record<string, unknown>)[k]));
  }
  const quantiles = Array.isArray(manifest["quantiles"])
    ? (manifest["quantiles"] as number[])
    : Object.keys(first.metrics.pnl.quantiles ?? {}).map(Number);
  const paths = tables["paths"] as ColumnTable;
  const results: RunResults = {
    manifest: manifest as RunResults["manifest"],
    paths,
    ...(tables["events"] ? { events: tables["events"] } : {}),
    ...(tables["series"] ? { series: tables["series"] } : {}),
    ...(tables["accounts"] ? { accounts: tables["accounts"] } : {}),
  };
  return { results, quantiles };
}

/** Manifest counts that add up over shards. */
const SUMMED = ["eventCounts", "ledgerPostings"];

/** Adds numbers leaf by leaf (counts, postings: additive over disjoint sets of paths). */
function sumBlocks(values: readonly unknown[]): unknown {
  if (values.every((v) => typeof v === "number")) return (values as number[]).reduce((a, b) => a + b, 0);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys((values[0] ?? {}) as object))
    out[k] = sumBlocks(values.map((v) => (v as Record<string, unknown>)[k]));
  return out;
}
