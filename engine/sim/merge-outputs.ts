/**
 * Joins the outputs of contiguous blocks of paths, given in path order, into the output one
 * runner would have produced over their union: per-path columns and log rows concatenated,
 * per-type counts and ledger postings added. Works on the outputs' own fields (whatever columns
 * the metrics, event log and series have), so it also takes outputs that crossed a thread
 * boundary as plain structured clones.
 */
import { InternalError } from "../errors.js";
import { EventLog } from "../events.js";
import { PathMetrics } from "./path-metrics.js";
import type { RunOutput } from "./run.js";
import { SeriesLog } from "./series.js";

type Fields = Record<string, unknown>;

export function mergeOutputs(parts: readonly RunOutput[]): RunOutput {
  const first = parts[0];
  if (first === undefined) throw new InternalError("no outputs to merge");
  let paths = 0;
  for (const [i, p] of parts.entries()) {
    if (p.from !== first.from + paths || p.steps !== first.steps) {
      throw new InternalError(
        `output ${i} (paths ${p.from}–${p.to}) does not follow path ${first.from + paths - 1}`,
      );
    }
    paths += p.to - p.from;
  }
  const metrics = new PathMetrics(paths);
  const columns = metrics.columns as unknown as Record<string, Float64Array>;
  let row = 0;
  for (const p of parts) {
    for (const [name, col] of Object.entries(columns))
      col.set((p.metrics.columns as unknown as Fields)[name] as Float64Array, row);
    row += p.to - p.from;
  }
  const events = new EventLog();
  const series = new SeriesLog();
  for (const p of parts) {
    append(events as unknown as Fields, p.events as unknown as Fields);
    append(series as unknown as Fields, p.series as unknown as Fields);
  }
  const postings = parts.reduce((s, p) => s + p.postings, 0);
  return { from: first.from, to: first.from + paths, metrics, events, series, postings, steps: first.steps };
}

/** Arrays: rows appended; typed arrays: counts added; mappings: the same, field by field. */
function append(into: Fields, from: Fields): void {
  for (const [key, target] of Object.entries(into)) {
    const src = from[key];
    if (Array.isArray(target)) {
      for (const v of src as unknown[]) target.push(v);
    } else if (ArrayBuffer.isView(target)) {
      const t = target as Int32Array;
      const s = src as Int32Array;
      for (let i = 0; i < t.length; i++) t[i] = (t[i] as number) + (s[i] as number);
    } else if (typeof target === "object" && target !== null) append(target as Fields, src as Fields);
  }
}
