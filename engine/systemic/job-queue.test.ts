/**
 * The job queue against a brute-force list: at each grid point exactly the transactions due by
 * then land, in (due time, account) order, whether due times are shared (few distinct, large
 * batches: the counting sort) or all different (small batches: the native sort); transactions due
 * after the grid never land but stay pending.
 */
import { describe, expect, it } from "vitest";
import { InternalError } from "../errors.js";
import { streamFor } from "../rng.js";
import { JobQueue } from "./job-queue.js";

const N = 240;
const START = 1_583_971_200_000;
const STEP = 60_000;
const STEPS = 50;

function simulate(seed: number, distinct: boolean, perStep: number): void {
  const rng = streamFor(seed, 0, "jobs");
  const q = new JobQueue(N);
  q.reset(START, STEP, STEPS);
  const pending = new Map<number, number>();
  for (let i = 0; i <= STEPS; i++) {
    const t = START + i * STEP;
    const landed: number[] = [];
    for (let a = q.popDue(t); a >= 0; a = q.popDue(t)) landed.push(a);
    const due = [...pending].filter(([, d]) => d <= t).sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    expect(landed).toEqual(due.map(([a]) => a));
    for (const [a] of due) pending.delete(a);
    const shared = [t + 24_000, t + 312_000 + 10_000 * rng.int(5), t + STEP * 3];
    for (let j = 0; j < perStep; j++) {
      const a = rng.int(N);
      if (pending.has(a)) continue;
      const d = distinct ? t + 1 + rng.uniform() * STEP * 4 : (shared[rng.int(3)] as number);
      q.add(a, d);
      pending.set(a, d);
    }
    expect(q.length).toBe(pending.size);
  }
  const after = [...pending.keys()];
  expect(after.length).toBeGreaterThan(0);
  for (const a of after) expect(q.has(a)).toBe(true);
  expect(q.popDue(Number.POSITIVE_INFINITY)).toBe(-1);
}

describe("JobQueue", () => {
  it("lands shared due times in (due, account) order, large batches", () => simulate(1, false, 60));
  it("lands distinct due times in (due, account) order, small batches", () => simulate(2, true, 6));
  it("lands a due time exactly on a grid point at that point", () => {
    const q = new JobQueue(4);
    q.reset(START, STEP, 3);
    q.add(2, START + STEP);
    q.add(1, START + STEP + 0.5);
    expect(q.popDue(START)).toBe(-1);
    expect(q.popDue(START + STEP)).toBe(2);
    expect(q.popDue(START + STEP)).toBe(-1);
    expect(q.popDue(START + 2 * STEP)).toBe(1);
  });
  it("refuses an account queued twice and a due time before a landed grid point", () => {
    const q = new JobQueue(4);
    q.reset(START, STEP, 3);
    q.add(0, START + 2 * STEP);
    expect(() => q.add(0, START + 3 * STEP)).toThrow(InternalError);
    expect(q.popDue(START + STEP)).toBe(-1);
    expect(() => q.add(1, START + STEP)).toThrow(InternalError);
  });
});
