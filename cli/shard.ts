/**
 * `--shard K/N`: shard K (0-based, so a Kubernetes Indexed Job passes `$JOB_COMPLETION_INDEX`
 * directly) of N takes a deterministic slice of the work: paths `[⌊K·P/N⌋, ⌊(K+1)·P/N⌋)` of a
 * run. The slices of K = 0 … N−1 cover every path once, in order.
 */
import { InvalidArgumentError } from "commander";

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 100_000 || index >= count) {
    throw new InvalidArgumentError(
      `--shard must be K/N with N from 1 to 100000 and K from 0 to N−1 (0-based), got "${value}"`,
    );
  }
  return { index, count };
}

/** The slice of `[0, total)` shard `s` runs. */
export function shardRange(total: number, s: Shard): [number, number] {
  return [Math.floor((s.index * total) / s.count), Math.floor(((s.index + 1) * total) / s.count)];
}
