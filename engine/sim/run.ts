/**
 * Runs many paths of one compiled scenario. Path i's result depends only on (seed, i), so any split
 * of [0, paths) over calls, workers or shards gives the same rows.
 */
import { EventLog } from "../events.js";
import type { SimConfig } from "./config.js";
import { PathMetrics } from "./path-metrics.js";
import { PathRunner } from "./path-runner.js";
import { SeriesLog } from "./series.js";

export interface RunOutput {
  readonly from: number;
  readonly to: number;
  readonly metrics: PathMetrics;
  readonly events: EventLog;
  readonly series: SeriesLog;
  /** Ledger postings over all paths (a measure of work done). */
  readonly postings: number;
  /** Grid steps per path. */
  readonly steps: number;
}

export interface RunOptions {
  readonly from?: number;
  readonly to?: number;
  /** Called after each path with the number of paths done so far in this call. */
  readonly onProgress?: (done: number) => void;
}

export function runPaths(cfg: SimConfig, opts: RunOptions = {}): RunOutput {
  const from = opts.from ?? 0;
  const to = opts.to ?? cfg.paths;
  const metrics = new PathMetrics(to - from);
  const events = new EventLog();
  const series = new SeriesLog();
  const runner = new PathRunner(cfg, metrics, events, series);
  let postings = 0;
  // A non-random market (one historical replay) is filled once and reused by every path.
  let filled = false;
  for (let p = from; p < to; p++) {
    runner.run(p, filled, p - from);
    filled = !cfg.market.random;
    postings += runner.book.ledger.postings;
    opts.onProgress?.(p - from + 1);
  }
  return { from, to, metrics, events, series, postings, steps: cfg.grid.steps };
}
