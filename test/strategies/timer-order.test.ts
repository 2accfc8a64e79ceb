/**
 * Strategy timers fire in (time, order set) order, whatever their number and however they
 * interleave: the runner keeps the earliest one out of its event heap, which must not change
 * the order. A strategy sets timers at pseudo-random delays from its callbacks; the order it sees
 * is compared with an independent list-based model (earliest time first, ties in the order the
 * timers were set, none at or past the horizon).
 */
import { describe, expect, it } from "vitest";
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { configOf } from "../helpers.js";

const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);
const HORIZON = 2 * 24 * HOUR;
/** Delays in ms, some equal, some off the clock's grid. */
const DELAYS = [HOUR, HOUR, 30 * 60_000, 90 * 60_000, 2 * HOUR, 1, 7 * HOUR];

/** The timers each callback sets: a fixed pseudo-random script from the callback's serial number. */
function script(serial: number): { delay: number; tag: number }[] {
  let x = (serial * 2654435761 + 12345) >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
  const count = serial > 150 ? 0 : 1 + (next() % 2);
  return Array.from({ length: count }, (_, k) => ({
    delay: DELAYS[next() % DELAYS.length] as number,
    tag: serial * 10 + k,
  }));
}

/** The order the model fires (time, tag) in. */
function model(): [number, number][] {
  const pending: { at: number; seq: number; tag: number }[] = [];
  let seq = 0;
  let serial = 0;
  const set = (now: number) => {
    for (const s of script(serial++)) {
      const at = now + s.delay;
      if (at < START + HORIZON) pending.push({ at, seq: seq++, tag: s.tag });
    }
  };
  set(START);
  const fired: [number, number][] = [];
  while (pending.length > 0) {
    let best = 0;
    for (let i = 1; i < pending.length; i++) {
      const p = pending[i] as (typeof pending)[number];
      const b = pending[best] as (typeof pending)[number];
      if (p.at < b.at || (p.at === b.at && p.seq < b.seq)) best = i;
    }
    const [e] = pending.splice(best, 1) as [(typeof pending)[number]];
    fired.push([e.at, e.tag]);
    set(e.at);
  }
  return fired;
}

describe("strategy timers", () => {
  it("fire in the order of their times, ties in the order they were set", () => {
    const fired: [number, number][] = [];
    let serial = 0;
    const setAll = (out: IntentSink) => {
      for (const s of script(serial++)) out.setTimer(s.delay, s.tag);
    };
    const strategy: Strategy = {
      start(_v: StrategyView, out: IntentSink) {
        setAll(out);
      },
      onTimer(v: StrategyView, out: IntentSink, tag: number) {
        fired.push([v.timeMs, tag]);
        setAll(out);
      },
    };
    runPaths({
      ...configOf({
        name: "timers",
        paths: 1,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "2d", step: "1h" },
        market: { assets: { ETH: { model: { kind: "gbm", spot: 2000, vol: 0.5 } } } },
        report: { sampleSeries: 0, eventPaths: 0 },
      }),
      strategy,
    });
    const expected = model();
    expect(expected.length).toBeGreaterThan(60); // the script keeps many timers in flight
    expect(new Set(expected.map(([t]) => t)).size).toBeLessThan(expected.length); // with ties
    expect(fired).toEqual(expected);
  });
});
