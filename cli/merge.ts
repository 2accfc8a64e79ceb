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
import { liquidationMetrics } from "./results.js";

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

/** The merged run's results: tables in shard order, metrics rebuilt over all paths. */
export async function mergedResults(
  dirs: readonly string[],
): Promise<{ results: RunResults; quantiles: number[] }> {
  const shards = checkShardSet(await readShardFolders(dirs));
  const tables = await readTables(shards.map((s) => s.dir));
  const first = shards[0]?.summary as Summary;
  const { shard: _shard, ...manifest } = first.manifest as Record<string, unknown>;
  const quantiles = Object.keys(first.metrics.pnl.quantiles ?? {}).map(Number);
  const paths = tables["paths"] as ColumnTable;
  const results: RunResults = {
    manifest: manifest as RunResults["manifest"],
    paths,
    ...(tables["events"] ? { events: tables["events"] } : {}),
    ...(tables["series"] ? { series: tables["series"] } : {}),
    metrics: mergedMetrics(shards, paths, quantiles),
  };
  return { results, quantiles };
}

/** Metric blocks a merge knows how to rebuild: sums over shards, or recomputed from `paths`. */
const SUMMED = ["eventCounts", "ledgerPostings"];
const FROM_PATHS = ["liquidations"];

function mergedMetrics(
  shards: readonly ShardFolder[],
  paths: ColumnTable,
  quantiles: readonly number[],
): Record<string, unknown> {
  const blocks = Object.keys(shards[0]?.summary.metrics ?? {}).filter((k) => k !== "pnl" && k !== "columns");
  const unknown = blocks.filter((k) => !SUMMED.includes(k) && !FROM_PATHS.includes(k));
  if (unknown.length > 0) {
    throw new InputError([
      {
        code: "unsupported",
        path: shards[0]?.dir ?? "",
        message: `metric blocks ${unknown.join(", ")} cannot be merged; allowed: ${[...SUMMED, ...FROM_PATHS].join(", ")}`,
      },
    ]);
  }
  const out: Record<string, unknown> = {};
  for (const k of blocks) {
    if (k === "liquidations") {
      const columns = paths.columns as Record<string, Float64Array>;
      const pseudo = { from: 0, to: paths.length, metrics: { columns } };
      out[k] = liquidationMetrics(pseudo as unknown as Parameters<typeof liquidationMetrics>[0], quantiles);
    } else out[k] = sumBlocks(shards.map((s) => s.summary.metrics[k]));
  }
  return out;
}

/** Adds numbers leaf by leaf (counts, postings: additive over disjoint sets of paths). */
function sumBlocks(values: readonly unknown[]): unknown {
  if (values.every((v) => typeof v === "number")) return (values as number[]).reduce((a, b) => a + b, 0);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys((values[0] ?? {}) as object))
    out[k] = sumBlocks(values.map((v) => (v as Record<string, unknown>)[k]));
  return out;
}
