/**
 * Publication schedules shared by the oracle kinds. `interval` 0 means "at every grid point";
 * otherwise ticks fall at `startMs + k·interval`, k = 0, 1, … up to the grid's end.
 */
import { gridEndMs, type TimeGrid } from "../market.js";

/** Number of ticks of the schedule on `grid`. */
export function tickCount(grid: TimeGrid, intervalMs: number): number {
  if (intervalMs <= 0) return grid.steps + 1;
  return Math.floor((gridEndMs(grid) - grid.startMs) / intervalMs) + 1;
}

/** Time of tick k. */
export function tickTime(grid: TimeGrid, intervalMs: number, k: number): number {
  return grid.startMs + k * (intervalMs <= 0 ? grid.stepMs : intervalMs);
}

/** First tick at or after `t` (k may exceed the last tick when t is past the end). */
export function firstTickAtOrAfter(grid: TimeGrid, intervalMs: number, t: number): number {
  const step = intervalMs <= 0 ? grid.stepMs : intervalMs;
  return Math.max(0, Math.ceil((t - grid.startMs) / step));
}
