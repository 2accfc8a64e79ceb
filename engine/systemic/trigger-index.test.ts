/** The trigger index against a brute-force sort: same order (key, then account), updates and removals. */
import { describe, expect, it } from "vitest";
import { streamFor } from "../rng.js";
import { TriggerIndex } from "./trigger-index.js";

describe("TriggerIndex", () => {
  it("pops accounts in (key, account) order after random sets, updates and removals", () => {
    const rng = streamFor(3, 0, "index");
    const n = 500;
    const idx = new TriggerIndex(n);
    const truth = new Map<number, number>();
    for (let op = 0; op < 3000; op++) {
      const a = rng.int(n);
      const k = rng.uniform() < 0.1 ? Number.POSITIVE_INFINITY : Math.floor(rng.uniform() * 50);
      idx.set(a, k);
      if (k === Number.POSITIVE_INFINITY) truth.delete(a);
      else truth.set(a, k);
    }
    const expected = [...truth].sort((x, y) => x[1] - y[1] || x[0] - y[0]).map(([a]) => a);
    expect(idx.length).toBe(expected.length);
    const got: number[] = [];
    while (idx.length > 0) {
      expect(idx.minKey()).toBe(truth.get(expected[got.length] as number));
      got.push(idx.pop());
    }
    expect(got).toEqual(expected);
    expect(idx.pop()).toBe(-1);
    expect(idx.minKey()).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps (key, account) order when pops, inserts, key changes and removals interleave", () => {
    const rng = streamFor(4, 0, "index");
    const n = 300;
    const idx = new TriggerIndex(n);
    const truth = new Map<number, number>();
    const order = () => [...truth].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    for (let op = 0; op < 5000; op++) {
      if (rng.uniform() < 0.3) {
        const head = order()[0];
        expect(idx.pop()).toBe(head === undefined ? -1 : head[0]);
        if (head) truth.delete(head[0]);
        continue;
      }
      const a = rng.int(n);
      const k = rng.uniform() < 0.15 ? Number.POSITIVE_INFINITY : Math.floor(rng.uniform() * 8);
      idx.set(a, k);
      if (k === Number.POSITIVE_INFINITY) truth.delete(a);
      else truth.set(a, k);
      expect(idx.has(a)).toBe(truth.has(a));
    }
    expect(idx.length).toBe(truth.size);
  });
});
