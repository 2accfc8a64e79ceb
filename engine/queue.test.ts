/**
 * The event queue pops in (time, phase, sequence) order — checked against an independent sort of
 * the same random events (a reference implementation: Array.prototype.sort with that key).
 */
import { describe, expect, it } from "vitest";
import { EventQueue, Phase } from "./queue.js";
import { Rng } from "./rng.js";

describe("EventQueue", () => {
  it("pops random events in (time, phase, insertion) order, growing as needed", () => {
    const rng = new Rng("queue-test");
    const q = new EventQueue(2);
    const ref: { t: number; ph: number; seq: number; kind: number }[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = rng.int(50);
      const ph = rng.int(8);
      q.push(t, ph, i, i);
      ref.push({ t, ph, seq: i, kind: i });
    }
    ref.sort((a, b) => a.t - b.t || a.ph - b.ph || a.seq - b.seq);
    for (const e of ref) {
      expect(q.pop()).toBe(true);
      expect([q.popTime, q.popPhase, q.popKind, q.popPayload]).toEqual([e.t, e.ph, e.kind, e.kind]);
    }
    expect(q.pop()).toBe(false);
  });

  it("interleaves pushes and pops (events scheduled while processing)", () => {
    const q = new EventQueue();
    q.push(10, Phase.strategy, 1);
    q.push(10, Phase.market, 2);
    expect(q.pop() && q.popKind).toBe(2);
    q.push(10, Phase.oracle, 3);
    q.push(5, Phase.fill, 4);
    expect(q.pop() && q.popKind).toBe(4);
    expect(q.pop() && q.popKind).toBe(3);
    expect(q.pop() && q.popKind).toBe(1);
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
