/**
 * Arrivals against the plain heap: taking arrivals straight into a round gives the accounts the
 * heap alone would have given, in its (key, account) order when ordered, as the same set otherwise,
 * and leaves the same accounts behind in the heap.
 */
import { describe, expect, it } from "vitest";
import { InternalError } from "../errors.js";
import { streamFor } from "../rng.js";
import { Arrivals } from "./arrivals.js";
import { TriggerIndex } from "./trigger-index.js";

const N = 400;

function scenario(seed: number) {
  const rng = streamFor(seed, 0, "arrivals");
  const key = new Float64Array(N);
  for (let a = 0; a < N; a++) key[a] = rng.uniform() < 0.1 ? Number.POSITIVE_INFINITY : rng.int(30) / 10;
  const inHeap: number[] = [];
  const arriving: number[] = [];
  for (let a = 0; a < N; a++) {
    const u = rng.uniform();
    if (u < 0.4) inHeap.push(a);
    else if (u < 0.8) arriving.push(a);
  }
  // Arrivals come in sorted runs with some disorder, as they do from rest and from landed jobs.
  arriving.sort((x, y) => (key[x] as number) - (key[y] as number) || x - y);
  for (let i = 0; i + 1 < arriving.length; i += 7) {
    const t = arriving[i] as number;
    arriving[i] = arriving[i + 1] as number;
    arriving[i + 1] = t;
  }
  return { keys: { key: (a: number) => key[a] as number }, inHeap, arriving };
}

function run(seed: number, bound: number, ordered: boolean, viaArrivals: boolean) {
  const { keys, inHeap, arriving } = scenario(seed);
  const index = new TriggerIndex(N);
  const arrivals = new Arrivals(N);
  for (const a of inHeap) index.set(a, keys.key(a));
  for (const a of arriving) {
    if (viaArrivals) arrivals.add(a, true);
    else index.set(a, keys.key(a));
  }
  const out = new Int32Array(N + 3);
  const end = viaArrivals
    ? arrivals.popBelow(index, keys, bound, out, 3, ordered)
    : (() => {
        let e = 3;
        while (index.minKey() < bound) out[e++] = index.pop();
        return e;
      })();
  const left: number[] = [];
  while (index.length > 0) left.push(index.pop());
  return { taken: [...out.subarray(3, end)], left };
}

describe("Arrivals", () => {
  for (const [seed, bound] of [
    [1, 1.5],
    [2, 0.05],
    [3, 10],
    [4, Number.POSITIVE_INFINITY],
  ] as const) {
    it(`takes what the heap would take below ${bound}, ordered and unordered`, () => {
      const heap = run(seed, bound, true, false);
      const ordered = run(seed, bound, true, true);
      expect(ordered).toEqual(heap);
      const unordered = run(seed, bound, false, true);
      expect([...unordered.taken].sort((x, y) => x - y)).toEqual([...heap.taken].sort((x, y) => x - y));
      expect(unordered.left).toEqual(heap.left);
    });
  }

  it("flush puts every arrival in the heap at its key", () => {
    const { keys, arriving } = scenario(5);
    const index = new TriggerIndex(N);
    const arrivals = new Arrivals(N);
    for (const a of arriving) arrivals.add(a, true);
    arrivals.flush(index, keys);
    const expected = arriving
      .filter((a) => keys.key(a) !== Number.POSITIVE_INFINITY)
      .sort((x, y) => keys.key(x) - keys.key(y) || x - y);
    const got: number[] = [];
    while (index.length > 0) got.push(index.pop());
    expect(got).toEqual(expected);
  });

  it("keys a liquidated account again and reuses the known key of one that comes back unchanged", () => {
    const key = Float64Array.of(0.5, 0.7, 0.9);
    const keys = { key: (a: number) => key[a] as number };
    const run = (verify: boolean, liquidated: boolean) => {
      const index = new TriggerIndex(3);
      const arrivals = new Arrivals(3, verify);
      key[0] = 0.5;
      for (let a = 0; a < 3; a++) index.set(a, keys.key(a));
      const out = new Int32Array(3);
      expect(arrivals.popBelow(index, keys, 0.6, out, 0, true)).toBe(1);
      key[0] = 0.8; // account 0's balances change while it is out of the index
      arrivals.add(0, liquidated);
      const end = arrivals.popBelow(index, keys, 1, out, 0, true);
      return [...out.subarray(0, end)];
    };
    expect(run(false, true)).toEqual([1, 0, 2]);
    expect(run(true, true)).toEqual([1, 0, 2]);
    expect(run(false, false)).toEqual([0, 1, 2]);
    expect(() => run(true, false)).toThrow(InternalError);
  });
});
