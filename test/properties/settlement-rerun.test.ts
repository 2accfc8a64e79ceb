/**
 * Invariants over random scenarios (fast-check; generator in ./arbitraries.ts):
 * 1. options settle to intrinsic value at the settlement price: on every expiry of an
 *    options-standard instrument the holders receive Σ qty · max(±(S − K), 0) in the margin asset
 *    (linear style), S is the oracle reading at the expiry instant (no settlement window), and
 *    every option expiring inside the horizon is settled once per path;
 * 2. reruns are identical: the same compiled scenario run twice, or split over two calls (as
 *    workers and shards split it), gives the same metrics and events, value for value.
 * Cases per property: 30 in CI, 750 under `npm run test:deep`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_AMOUNTS, EVENT_NAMES } from "../../engine/events.js";
import type { RunOutput } from "../../engine/sim/run.js";
import { runPaths } from "../../engine/sim/run.js";
import { configOf } from "../helpers.js";
import { caseArb, numRuns, SEED } from "./arbitraries.js";
import { observe } from "./probes.js";

const RUNS = numRuns(30);
const optionCase = caseArb.filter((c) => c.kind === "option");

describe("option settlement over random scenarios", () => {
  it("pays Σ qty · intrinsic value at the oracle price of the expiry instant", () => {
    let settled = 0;
    let inTheMoney = 0;
    fc.assert(
      fc.property(optionCase, (c) => {
        const seen = observe(c);
        for (const s of seen.settlements) {
          const intrinsic = Math.max(s.isCall ? s.price - s.strike : s.strike - s.price, 0);
          expect(s.price).toBe(s.oracle);
          expect(s.paid).toBeCloseTo(s.qty * intrinsic, 6);
          settled++;
          if (intrinsic > 0 && s.qty !== 0) inTheMoney++;
        }
        // One expiry per path, inside the horizon: settled exactly once each path.
        expect(seen.settlements.length).toBe(3);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
    expect(settled).toBe(3 * RUNS);
    expect(inTheMoney).toBeGreaterThan(RUNS >= 20 ? RUNS / 2 : 0);
  });
});

/** Every column of a run, as plain arrays, for value-for-value comparison. */
function snapshot(o: RunOutput): unknown {
  const ev = o.events;
  return {
    metrics: Object.fromEntries(Object.entries(o.metrics.columns).map(([k, v]) => [k, Array.from(v)])),
    events: [
      ev.path,
      ev.timeMs,
      ev.type,
      ev.account,
      ev.asset,
      ev.size,
      ev.price,
      ev.detail,
      ...EVENT_AMOUNTS.map((k) => ev.amounts[k]),
      ...EVENT_NAMES.map((k) => ev.names[k]),
    ],
    postings: o.postings,
  };
}

function concat(a: RunOutput, b: RunOutput): unknown {
  const sa = snapshot(a) as { metrics: Record<string, unknown[]>; events: unknown[][]; postings: number };
  const sb = snapshot(b) as typeof sa;
  return {
    metrics: Object.fromEntries(
      Object.keys(sa.metrics).map((k) => [k, [...sa.metrics[k]!, ...sb.metrics[k]!]]),
    ),
    events: sa.events.map((col, k) => [...col, ...sb.events[k]!]),
    postings: sa.postings + sb.postings,
  };
}

describe("reruns over random scenarios", () => {
  it("gives identical metrics and events on a rerun and when split over two calls", () => {
    let events = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const first = runPaths(configOf(c.scenario));
        const again = runPaths(configOf(c.scenario));
        expect(snapshot(again)).toEqual(snapshot(first));
        const cfg = configOf(c.scenario);
        const split = concat(runPaths(cfg, { from: 0, to: 1 }), runPaths(cfg, { from: 1, to: 3 }));
        expect(split).toEqual(snapshot(first));
        events += first.events.length;
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
    expect(events).toBeGreaterThan(0);
  });
});
