/**
 * The sampling step of a series and its holes. The step is the modal difference between consecutive
 * times (the smallest on a tie), so a few gaps do not change it. A hole is a difference that is a
 * whole multiple k > 1 of the step (k − 1 missing bars); a difference that is not a multiple of the
 * step is irregular (month-end dates, mixed clocks) and cannot be put on a grid.
 */
import type { Gap } from "./types.js";

/** Modal positive difference of consecutive `timesMs`; 0 for fewer than two times. */
export function modalStepMs(timesMs: Float64Array): number {
  const n = timesMs.length;
  if (n < 2) return 0;
  const first = (timesMs[1] as number) - (timesMs[0] as number);
  let same = 0;
  for (let i = 1; i < n; i++) if ((timesMs[i] as number) - (timesMs[i - 1] as number) === first) same++;
  if (same * 2 > n - 1 && first > 0) return first;
  const counts = new Map<number, number>();
  for (let i = 1; i < n; i++) {
    const d = (timesMs[i] as number) - (timesMs[i - 1] as number);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
  }
  return best;
}

/** Holes (differences of k·step, k > 1) and the number of irregular differences. */
export function findGaps(
  timesMs: Float64Array,
  stepMs: number,
  sourceRows?: Int32Array,
): { gaps: Gap[]; irregular: number } {
  const gaps: Gap[] = [];
  let irregular = 0;
  for (let i = 1; i < timesMs.length; i++) {
    const d = (timesMs[i] as number) - (timesMs[i - 1] as number);
    if (d === stepMs) continue;
    if (stepMs <= 0 || d % stepMs !== 0) {
      irregular++;
      continue;
    }
    const row = sourceRows?.[i];
    const gap = { fromMs: timesMs[i - 1] as number, toMs: timesMs[i] as number, missingBars: d / stepMs - 1 };
    gaps.push(row !== undefined && row > 0 ? { ...gap, row } : gap);
  }
  return { gaps, irregular };
}
