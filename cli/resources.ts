/**
 * Resource guard: the memory and output size of a run, estimated from the scenario before anything
 * runs, and refused up front when over the limit, with the estimate and how to shrink it.
 *
 * The estimate (bytes; S = grid steps + 1, A = assets, P = paths, U = oracle publications per
 * asset and path, E = sampled event paths, Q = sampled series paths, T = strategy decisions a path,
 * V = venues, an upper bound on the trader's venue accounts):
 *   memory = 160 MiB                        Node, DuckDB and the loaded code
 *          + A·(S·40 + U·64)                one path's market, vol and oracle tape (reused per path)
 *          + Q·S·(240 + V·120)               kept series and per-account rows, as built and copied out
 *          + E·(A·U + 2·T)·560               kept event rows (oracle updates, trades and fills)
 *          + P·400                           per-path metric columns and their summary
 *   output = Q·S·(60 + V·50) + E·(A·U + 2·T)·80 + P·200   Parquet before compression
 *   U = S + horizon / (the oracle's heartbeat or interval, when it has one)
 * The per-row figures were measured with /usr/bin/time on a one-year, 30-second run (1 051 201
 * steps): 76 B a step with nothing kept, +220 B a step per series path, +540 B per logged
 * publication; they are rounded up. The JavaScript heap holds the series and event rows, so those
 * are also held to V8's heap limit.
 */

import { InputError } from "../engine/errors.js";
import type { TimeGrid } from "../engine/market.js";
import type { Scenario } from "../scenarios/schema/types.js";

/** Most oracle publications one asset may land in one path (the validator's cap on steps). */
export const MAX_PUBLICATIONS = 50_000_000;
const MIB = 1024 * 1024;
/** Node, DuckDB and the loaded code, before any path. */
const BASE_BYTES = 160 * MIB;

export interface RunEstimate {
  readonly memoryBytes: number;
  /** The part held on the JavaScript heap (series and event rows). */
  readonly heapBytes: number;
  readonly outputBytes: number;
  /** One path's market and oracle tapes, reused path after path. */
  readonly pathBytes: number;
  readonly publications: number;
  readonly seriesBytes: number;
  readonly eventBytes: number;
}

/** Oracle publications per asset and path: one per grid point plus one per heartbeat or interval. */
export function publicationsPerPath(s: Scenario, grid: TimeGrid): number {
  const p = s.oracle.model.params;
  const beats = [p["heartbeat"], p["interval"]].filter((x): x is number => typeof x === "number" && x > 0);
  const horizonMs = grid.steps * grid.stepMs;
  return grid.steps + 1 + (beats.length > 0 ? Math.ceil(horizonMs / Math.min(...beats)) : 0);
}

export function estimateRun(s: Scenario, grid: TimeGrid, paths: number): RunEstimate {
  const S = grid.steps + 1;
  const A = s.market.assetNames.length;
  const U = publicationsPerPath(s, grid);
  const every = s.strategy.params["every"];
  const T = typeof every === "number" && every > 0 ? Math.ceil((grid.steps * grid.stepMs) / every) + 1 : 0;
  const Q = Math.min(s.report.sampleSeries, paths);
  const E = Math.min(s.report.eventPaths, paths);
  const V = Object.keys(s.venues).length;
  const seriesBytes = Q * S * (240 + V * 120);
  const eventBytes = E * (A * U + 2 * T) * 560;
  const heapBytes = seriesBytes + eventBytes + paths * 400;
  const pathBytes = A * (S * 40 + U * 64);
  return {
    memoryBytes: BASE_BYTES + pathBytes + heapBytes,
    pathBytes,
    heapBytes,
    outputBytes: Q * S * (60 + V * 50) + E * (A * U + 2 * T) * 80 + paths * 200,
    publications: U,
    seriesBytes,
    eventBytes,
  };
}

/** Limits a run is held to: memory (the machine's or --max-memory), JS heap, free disk at --out. */
export interface RunLimits {
  readonly memoryBytes: number;
  readonly memorySource: string;
  readonly heapBytes: number;
  readonly diskBytes?: number;
}

export function gib(bytes: number): string {
  return bytes >= 1024 * MIB ? `${(bytes / (1024 * MIB)).toFixed(1)} GiB` : `${Math.ceil(bytes / MIB)} MiB`;
}

/** How to shrink a run, largest contributor first. */
function shrinkAdvice(e: RunEstimate, s: Scenario): string {
  const tips: [number, string][] = [
    [e.seriesBytes, `fewer sampled series (report.sampleSeries: ${s.report.sampleSeries})`],
    [e.eventBytes, `fewer logged event paths (report.eventPaths: ${s.report.eventPaths})`],
    [e.pathBytes, "a coarser clock.step or a shorter horizon"],
    [e.heapBytes - e.seriesBytes - e.eventBytes, "fewer paths (--paths)"],
  ];
  return tips
    .filter(([b]) => b > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([, t]) => t)
    .join(", ");
}

/**
 * @throws InputError (exit code 2) when the oracle would publish more than MAX_PUBLICATIONS times a
 *   path, or the estimate exceeds a limit; the message gives the estimate and how to shrink it.
 */
export function checkResources(
  s: Scenario,
  grid: TimeGrid,
  paths: number,
  limits: RunLimits,
  source: string,
): RunEstimate {
  const e = estimateRun(s, grid, paths);
  const fail = (path: string, message: string): never => {
    throw new InputError([{ code: "too_large", path, message }], source);
  };
  if (e.publications > MAX_PUBLICATIONS)
    fail(
      "oracle",
      `the oracle would publish ${e.publications.toExponential(2)} times per asset and path; allowed: at most ${MAX_PUBLICATIONS} (a longer heartbeat or interval, or a shorter horizon)`,
    );
  const over: string[] = [];
  if (e.memoryBytes > limits.memoryBytes)
    over.push(
      `needs about ${gib(e.memoryBytes)} of memory, more than ${gib(limits.memoryBytes)} (${limits.memorySource})`,
    );
  if (e.heapBytes > limits.heapBytes)
    over.push(
      `keeps about ${gib(e.heapBytes)} of rows on the JavaScript heap, more than its ${gib(limits.heapBytes)} limit`,
    );
  if (limits.diskBytes !== undefined && e.outputBytes > limits.diskBytes)
    over.push(`writes about ${gib(e.outputBytes)}, more than the ${gib(limits.diskBytes)} free under --out`);
  if (over.length > 0)
    fail(
      "(run)",
      `the run ${over.join("; ")}; allowed: a run within the limits — shrink it with ${shrinkAdvice(e, s)}`,
    );
  return e;
}
