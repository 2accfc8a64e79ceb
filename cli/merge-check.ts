/**
 * Which folders may be merged: shards of one run (same version, scenario hash, seed, path count,
 * overrides, scenario file and shard count), each shard exactly once. Every problem is collected
 * and reported together, naming the folder; nothing is read further until the set is whole.
 */
import { InputError, type Issue } from "../engine/errors.js";
import type { Summary } from "../reports/summary.js";

export interface ShardFolder {
  readonly dir: string;
  readonly summary: Summary;
}

/** Manifest fields every shard of one run shares. */
const SAME = ["version", "scenarioName", "scenarioHash", "seed", "paths", "scenarioFile", "overrides"];

interface ShardInfo {
  readonly index: number;
  readonly count: number;
}

function shardOf(f: ShardFolder): ShardInfo | undefined {
  const s = (f.summary.manifest as Record<string, unknown>)["shard"] as Record<string, unknown> | undefined;
  if (typeof s?.["index"] !== "number" || typeof s["count"] !== "number") return undefined;
  return { index: s["index"], count: s["count"] };
}

/** Returns the folders sorted by shard index. @throws InputError listing every problem. */
export function checkShardSet(folders: readonly ShardFolder[]): ShardFolder[] {
  const issues: Issue[] = [];
  const first = folders[0];
  if (first === undefined)
    throw new InputError([
      {
        code: "missing",
        path: "merge",
        message: "no folders given; allowed: the N folders of one --shard K/N run",
      },
    ]);
  const base = first.summary.manifest as Record<string, unknown>;
  const byIndex = new Map<number, ShardFolder>();
  let count = shardOf(first)?.count;
  for (const f of folders) {
    const s = shardOf(f);
    if (s === undefined) {
      issues.push({
        code: "not_a_shard",
        path: f.dir,
        message: "its manifest has no shard; allowed: folders written with --shard K/N",
      });
      continue;
    }
    const m = f.summary.manifest as Record<string, unknown>;
    for (const key of SAME) {
      const [a, b] = [JSON.stringify(m[key]), JSON.stringify(base[key])];
      if (a !== b)
        issues.push({
          code: "mismatch",
          path: f.dir,
          message: `${key} ${a ?? "absent"} differs from ${b ?? "absent"} in ${first.dir}; allowed: shards of one run`,
        });
    }
    if (s.count !== count)
      issues.push({
        code: "mismatch",
        path: f.dir,
        message: `shard count ${s.count} differs from ${count} in ${first.dir}; allowed: shards of one --shard K/N split`,
      });
    const dup = byIndex.get(s.index);
    if (dup)
      issues.push({
        code: "duplicate",
        path: f.dir,
        message: `shard ${s.index} is given twice (also ${dup.dir}); allowed: each shard once`,
      });
    byIndex.set(s.index, f);
  }
  count ??= 0;
  for (let k = 0; k < count; k++) {
    if (!byIndex.has(k))
      issues.push({
        code: "missing",
        path: `shard ${k}/${count}`,
        message: `no folder of shard ${k} of ${count} was given; allowed: all of shards 0…${count - 1}`,
      });
  }
  if (issues.length > 0) throw new InputError(issues);
  return [...byIndex.keys()].sort((a, b) => a - b).map((k) => byIndex.get(k) as ShardFolder);
}
