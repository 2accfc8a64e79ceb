/**
 * OracleFeed: lands publications in publish-time order (several at one instant land together),
 * reports how many landed per advance and when the next one lands; before the first publication a
 * reading is unusable with age Infinity; non-positive prices are never usable (Chainlink consumers
 * check answer > 0); `reset` rewinds for the next path.
 */
import { describe, expect, it } from "vitest";
import { OracleFeed } from "./feed.js";
import { newReading, OracleTape } from "./types.js";

function tape(rows: [number, number, number, number][]): OracleTape {
  const t = new OracleTape();
  for (const [pub, price, obs, conf] of rows) t.push(pub, price, obs, conf);
  return t;
}

describe("OracleFeed", () => {
  const t = tape([
    [100, 10, 90, 0],
    [200, 11, 150, 0.5],
    [200, 12, 160, 0],
    [300, 0, 300, 0],
    [400, 13, 395, 2],
  ]);

  it("advances in order and counts what landed", () => {
    const feed = new OracleFeed(t);
    expect(feed.nextPublishMs()).toBe(100);
    expect(feed.advanceTo(99)).toBe(0);
    expect(feed.advanceTo(200)).toBe(3);
    expect(feed.index).toBe(2);
    expect(feed.nextPublishMs()).toBe(300);
    expect(feed.advanceTo(1000)).toBe(2);
    expect(feed.nextPublishMs()).toBe(Infinity);
  });

  it("reads the latest landed publication, its age and the consumer rule", () => {
    const feed = new OracleFeed(t, { maxAgeMs: 50, maxConfRatio: 0.1 });
    const r = newReading();
    expect(feed.read(50, r)).toEqual({ price: Number.NaN, ageMs: Infinity, conf: 0, usable: false });
    expect(feed.read(140, r)).toEqual({ price: 10, ageMs: 50, conf: 0, usable: true });
    expect(feed.read(141, r).usable).toBe(false); // 51 ms > maxAge
    expect(feed.read(200, r)).toEqual({ price: 12, ageMs: 40, conf: 0, usable: true });
    expect(feed.read(300, r)).toMatchObject({ price: 0, usable: false }); // answer ≤ 0
    expect(feed.read(400, r)).toEqual({ price: 13, ageMs: 5, conf: 2, usable: false }); // conf/price > 0.1
  });

  it("reset rewinds to the start of a tape", () => {
    const feed = new OracleFeed(t);
    feed.advanceTo(1000);
    feed.reset();
    expect(feed.index).toBe(-1);
    feed.reset(tape([[5, 1, 5, 0]]));
    expect(feed.read(5, newReading()).price).toBe(1);
  });
});
