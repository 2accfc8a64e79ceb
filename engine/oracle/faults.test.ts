/**
 * Faults: an outage lands nothing in its window and the age grows through it (and a push feed
 * updates again right after it); a stuck feed reports the frozen value with fresh timestamps; a
 * spike multiplies what the sources see (a TWAP dilutes it to (1 + size)^(duration/window)); the
 * caller's market array is never modified. Plus the reader for `faults` in an oracle section.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { TimeGrid } from "../market.js";
import { Rng } from "../rng.js";
import { OutageFault, withFaults } from "./faults.js";
import { OracleFeed } from "./feed.js";
import { PushOracle } from "./push.js";
import { createOracle, readOracle } from "./registry.js";
import { newReading, OracleTape } from "./types.js";

const START = 1_704_067_200_000;
const S = 1_000;
const MIN = 60 * S;
const grid: TimeGrid = { startMs: START, stepMs: MIN, steps: 120 };
const walk = (() => {
  const rng = new Rng("walk");
  const p = new Float64Array(121);
  p[0] = 100;
  for (let i = 1; i <= 120; i++) p[i] = (p[i - 1] as number) * Math.exp(0.01 * rng.normal());
  return p;
})();

function tapeOf(raw: Record<string, unknown>, price: Float64Array = walk): OracleTape {
  const issues: Issue[] = [];
  const c = readOracle(raw, "oracle", issues);
  expect(issues).toEqual([]);
  const tape = new OracleTape();
  createOracle(c!).publish(grid, price, new Rng("o"), tape);
  return tape;
}

const indices = (tape: OracleTape, pred: (i: number) => boolean) =>
  Array.from({ length: tape.length }, (_, i) => i).filter(pred);

describe("outage", () => {
  const outage = { kind: "outage", from: "30m", to: "50m" };

  it.each(["ideal", "latency", "push", "pull", "twap", "median"])(
    "%s: nothing lands inside, age grows",
    (kind) => {
      const tape = tapeOf({ kind, faults: [outage] });
      const a = START + 30 * MIN;
      const b = START + 50 * MIN;
      expect(
        indices(tape, (i) => (tape.publishMs[i] as number) >= a && (tape.publishMs[i] as number) < b),
      ).toEqual([]);
      const feed = new OracleFeed(tape);
      const r = newReading();
      const lastBefore = Math.max(...indices(tape, (i) => (tape.publishMs[i] as number) < a));
      let prevAge = -1;
      for (let t = a; t < b; t += 30 * S) {
        feed.read(t, r);
        expect(feed.index).toBe(lastBefore);
        expect(r.ageMs).toBe(t - (tape.observedMs[lastBefore] as number));
        expect(r.ageMs).toBeGreaterThan(prevAge);
        prevAge = r.ageMs;
      }
    },
  );

  it("push: the first grid point whose round lands after the outage updates", () => {
    const flat = new Float64Array(121).fill(100);
    const tape = tapeOf(
      { kind: "push", delay: "12s", faults: [{ kind: "outage", from: "50m", to: "70m" }] },
      flat,
    );
    // The heartbeat due at 60 m and the retries at 61…69 m would land inside [50 m, 70 m) and are
    // dropped; the retry at 70 m lands at 70m12s. The next heartbeat counts from 70 m (past the end).
    expect(Array.from(tape.observedMs.subarray(0, tape.length), (t) => (t - START) / MIN)).toEqual([0, 70]);
  });
});

describe("stuck", () => {
  it("publications observed in the window report the last value before it, at fresh times", () => {
    const clean = tapeOf({ kind: "ideal" });
    const tape = tapeOf({ kind: "ideal", faults: [{ kind: "stuck", from: "40m", to: "80m" }] });
    expect(tape.length).toBe(clean.length);
    for (let i = 0; i <= 120; i++) {
      expect(tape.observedMs[i]).toBe(clean.observedMs[i]);
      expect(tape.price[i]).toBe(i >= 40 && i < 80 ? walk[39] : walk[i]);
    }
  });

  it("with push, the frozen value is the last round landed before the window", () => {
    const tape = tapeOf({
      kind: "push",
      deviation: 0.001,
      faults: [{ kind: "stuck", from: "40m", to: "80m" }],
    });
    const before = indices(tape, (i) => (tape.observedMs[i] as number) < START + 40 * MIN);
    const frozen = tape.price[Math.max(...before)];
    const inside = indices(tape, (i) => {
      const o = tape.observedMs[i] as number;
      return o >= START + 40 * MIN && o < START + 80 * MIN;
    });
    expect(inside.length).toBeGreaterThan(5); // the feed keeps updating, at the frozen value
    for (const i of inside) expect(tape.price[i]).toBe(frozen);
  });
});

describe("spike", () => {
  it("multiplies the observed source price in its window; the market is untouched", () => {
    const copy = walk.slice();
    const tape = tapeOf({ kind: "ideal", faults: [{ kind: "spike", from: "10m", for: "3m", size: 0.5 }] });
    expect(walk).toEqual(copy);
    for (let i = 0; i <= 120; i++)
      expect(tape.price[i]).toBe((walk[i] as number) * (i >= 10 && i < 13 ? 1.5 : 1));
  });

  it("blocks × blockMs shorter than a step covers one grid point", () => {
    const tape = tapeOf({ kind: "ideal", faults: [{ kind: "spike", from: "10m", blocks: 2, size: -0.5 }] });
    for (let i = 0; i <= 120; i++) expect(tape.price[i]).toBe((walk[i] as number) * (i === 10 ? 0.5 : 1));
  });

  it("a TWAP dilutes a spike of size s for d to (1 + s)^(d/window)", () => {
    const flat = new Float64Array(121).fill(100);
    const tape = tapeOf(
      { kind: "twap", window: "30m", faults: [{ kind: "spike", from: "10m", for: "3m", size: 0.5 }] },
      flat,
    );
    expect(tape.price[13] as number).toBeCloseTo(100 * 1.5 ** (3 / 30), 9);
    expect(tape.price[40] as number).toBeCloseTo(100 * 1.5 ** (3 / 30), 9);
    expect(tape.price[43] as number).toBeCloseTo(100, 9);
  });
});

describe("readOracle", () => {
  it("collects every problem in the faults and the kind", () => {
    const issues: Issue[] = [];
    const c = readOracle(
      {
        kind: "push",
        hearbeat: "1h",
        faults: [
          { kind: "outge", from: "1h", to: "2h" },
          { kind: "stuck", from: "2h", to: "1h" },
          { kind: "spike", from: "1h", size: 0.1 },
        ],
      },
      "oracle",
      issues,
    );
    expect(c).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_kind", "oracle.faults[0].kind"],
      ["out_of_range", "oracle.faults[1].to"],
      ["missing", "oracle.faults[2].for"],
      ["unknown_key", "oracle.hearbeat"],
    ]);
    expect(issues[0]?.message).toContain('did you mean "outage"');
  });

  it("rejects faults that are not a list", () => {
    const issues: Issue[] = [];
    expect(readOracle({ kind: "ideal", faults: { kind: "outage" } }, "oracle", issues)).toBeUndefined();
    expect(issues.map((i) => i.path)).toEqual(["oracle.faults"]);
  });

  it("keeps the model's consumer rule through the fault wrapper", () => {
    const issues: Issue[] = [];
    const c = readOracle(
      { kind: "pull", maxAge: "60s", faults: [{ kind: "outage", from: 0, to: "1m" }] },
      "o",
      issues,
    );
    expect(createOracle(c!).consumer).toEqual({ maxAgeMs: 60 * S, maxConfRatio: 0.1 });
  });
});

describe("push oracle retries after an outage", () => {
  it("never labels a later price with an earlier observation time", () => {
    // Heartbeat 30 min on an hourly grid, jittered landings, an outage from 40 min to 10 h: a
    // heartbeat round observed at 30 min whose landing falls in the outage is dropped. A retry must
    // not carry a price from a later grid point under its old observation time.
    const MIN = 60_000;
    const grid: TimeGrid = { startMs: 0, stepMs: 60 * MIN, steps: 3 };
    const price = new Float64Array([100, 100.1, 100.2, 100.3]); // below the 0.5 % deviation
    const bad: string[] = [];
    for (let s = 0; s < 50; s++) {
      const model = new PushOracle({
        deviation: 0.005,
        heartbeatMs: 30 * MIN,
        delayMs: 1000,
        jitterMs: 20 * MIN,
      });
      const tape = new OracleTape();
      withFaults(model, [new OutageFault(40 * MIN, 600 * MIN)]).publish(
        grid,
        price,
        new Rng(`seed${s}`),
        tape,
      );
      for (let i = 0; i < tape.length; i++) {
        const from = price.indexOf(tape.price[i] as number) * grid.stepMs; // when that price appeared
        if (from > (tape.observedMs[i] as number))
          bad.push(`seed${s}: observed ${tape.observedMs[i]}, price of ${from}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
