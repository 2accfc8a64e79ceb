/**
 * Median-of-sources oracle: N sources, each a lagged, noisy copy of the market; at every tick the
 * median of the sources' latest values is published after a delay (the aggregation used by
 * Chainlink's off-chain reporting and by Maker's medianizer; an even N takes the mean of the two
 * middle values).
 *
 * Source j at tick s reports the market observed at o_j = max(s − latency_j, start), multiplied by
 * (1 + noiseBps_j/10⁴ · z), z ~ N(0, 1) drawn from the oracle stream (N draws per tick, always, so
 * the stream's position never depends on prices). The publication's `observedMs` is the freshest
 * source's observation, max_j o_j = max(s − min latency, start): the median may depend on every
 * source, so only that time keeps the causality contract; its age is the age of the freshest input.
 * A jump at grid time t reaches a source at t + latency; with ticks only at grid points even a
 * 1 s latency therefore shows the jump one tick later.
 */

import type { Issue } from "../errors.js";
import { gridEndMs, gridIndexAtOrBefore, type TimeGrid } from "../market.js";
import { join, type Params } from "../params.js";
import type { KindDef } from "../registry.js";
import type { Rng } from "../rng.js";
import { tickCount, tickTime } from "./schedule.js";
import type { OracleModel, OracleTape } from "./types.js";

export class MedianOracle implements OracleModel {
  private readonly values: Float64Array;
  private readonly minLatencyMs: number;

  constructor(
    readonly latencyMs: Float64Array,
    readonly noiseBps: Float64Array,
    readonly intervalMs: number,
    readonly delayMs: number,
  ) {
    this.values = new Float64Array(latencyMs.length);
    this.minLatencyMs = Math.min(...latencyMs);
  }

  publish(grid: TimeGrid, price: Float64Array, rng: Rng, out: OracleTape): void {
    const n = this.values.length;
    const ticks = tickCount(grid, this.intervalMs);
    const end = gridEndMs(grid);
    for (let k = 0; k < ticks; k++) {
      const s = tickTime(grid, this.intervalMs, k);
      if (s > end) break;
      for (let j = 0; j < n; j++) {
        const o = Math.max(s - (this.latencyMs[j] as number), grid.startMs);
        const p = price[gridIndexAtOrBefore(grid, o)] as number;
        this.values[j] = p * (1 + ((this.noiseBps[j] as number) / 10_000) * rng.normal());
      }
      out.push(s + this.delayMs, median(this.values), Math.max(s - this.minLatencyMs, grid.startMs), 0);
    }
  }
}

/** Median of `v` (sorted in place; insertion sort, fine for a handful of sources). */
export function median(v: Float64Array): number {
  for (let i = 1; i < v.length; i++) {
    const x = v[i] as number;
    let j = i - 1;
    while (j >= 0 && (v[j] as number) > x) {
      v[j + 1] = v[j] as number;
      j--;
    }
    v[j + 1] = x;
  }
  const h = v.length >> 1;
  return v.length % 2 === 1 ? (v[h] as number) : ((v[h - 1] as number) + (v[h] as number)) / 2;
}

/** A per-source list: one value for all sources, or one per source. */
function perSource(list: readonly number[], n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, j) => (list.length === 1 ? list[0] : list[j]) as number);
}

export const medianKind: KindDef<OracleModel> = {
  kind: "median",
  summary: "median of N lagged, noisy copies of the market, published every interval after a delay",
  source: "median aggregation as in Chainlink OCR / Maker medianizer; sources are modelled, not data",
  params: {
    sources: { type: "integer", description: "number of sources N", default: 5, min: 1 },
    latencyMs: {
      type: "numbers",
      description: "per-source latency in ms (one value for all, or N values)",
      default: [0],
      min: 0,
    },
    noiseBps: {
      type: "numbers",
      description: "per-source noise, standard deviation in bps (one value for all, or N values)",
      default: [10],
      min: 0,
    },
    interval: {
      type: "duration",
      description: "aggregation interval (0: every grid point)",
      default: "0s",
      min: 0,
    },
    delay: { type: "duration", description: "publication delay after aggregation", default: "0s", min: 0 },
  },
  check: (p: Params, path: string, issues: Issue[]) => {
    const n = p["sources"] as number;
    for (const key of ["latencyMs", "noiseBps"]) {
      const len = (p[key] as number[]).length;
      if (len !== 1 && len !== n) {
        issues.push({
          code: "wrong_length",
          path: join(path, key),
          message: `found ${len} values; allowed: 1 (same for all) or ${n} (one per source)`,
        });
      }
    }
  },
  create: (p: Params) => {
    const n = p["sources"] as number;
    return new MedianOracle(
      perSource(p["latencyMs"] as number[], n),
      perSource(p["noiseBps"] as number[], n),
      p["interval"] as number,
      p["delay"] as number,
    );
  },
};
