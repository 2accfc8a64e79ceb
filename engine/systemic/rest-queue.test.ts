/** The rest queue against a brute-force list: the same accounts wake at each time, none early or late. */
import { describe, expect, it } from "vitest";
import { InternalError } from "../errors.js";
import { streamFor } from "../rng.js";
import { RestQueue } from "./rest-queue.js";

describe("RestQueue", () => {
  it("wakes exactly the accounts whose time has come, over many rests", () => {
    const rng = streamFor(5, 0, "rest");
    const n = 300;
    const levels = 4;
    const q = new RestQueue(n, levels);
    const truth = new Map<number, number>();
    for (let t = 0; t < 400; t += 7) {
      const woke: number[] = [];
      for (let a = q.popDue(t); a >= 0; a = q.popDue(t)) woke.push(a);
      const due = [...truth].filter(([, w]) => w <= t).map(([a]) => a);
      expect(woke.sort((x, y) => x - y)).toEqual(due.sort((x, y) => x - y));
      for (const a of due) truth.delete(a);
      for (let i = 0; i < 20; i++) {
        const a = rng.int(n);
        if (truth.has(a)) {
          expect(q.has(a)).toBe(true);
          continue;
        }
        const k = rng.int(levels);
        q.add(a, k, t + 10 * 2 ** k);
        truth.set(a, t + 10 * 2 ** k);
      }
    }
    q.clear();
    for (const a of truth.keys()) expect(q.has(a)).toBe(false);
    expect(q.popDue(Number.POSITIVE_INFINITY)).toBe(-1);
  });

  it("refuses an account already at rest and a wake time before its level's last", () => {
    const q = new RestQueue(4, 2);
    q.add(0, 1, 100);
    expect(() => q.add(0, 0, 200)).toThrow(InternalError);
    expect(() => q.add(1, 1, 99)).toThrow(InternalError);
    q.add(1, 1, 100);
    expect(q.popDue(99)).toBe(-1);
    expect([q.popDue(100), q.popDue(100), q.popDue(100)]).toEqual([0, 1, -1]);
  });
});
