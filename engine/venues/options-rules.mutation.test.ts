/**
 * Options venue rules at their edges (REFERENCE "Options margin and conventions": IM floor ≥ MM,
 * MM 0.075 inverse / 0.10 linear; short put IM = max(0.15 − OTM/S, 0.10)·S + mark): parameter
 * checks, a put just out of the money, flips, rounding residues, and the band of two positions on
 * one underlying.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { EventType } from "../events.js";
import { MS_PER_DAY } from "../units.js";
import { optionsStandardKind } from "./kinds.js";
import { checkOptions, optionsConfig } from "./options-config.js";
import { linearShortMargin, newUnitMargin } from "./options-margin.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

const T = 30 * MS_PER_DAY;

describe("parameters", () => {
  const issues = (p: Record<string, unknown>) => {
    const out: Issue[] = [];
    checkOptions({ style: "linear", imBase: 0.15, imFloor: 0.1, ...p }, "o", out);
    return out;
  };
  it("the IM floor must cover MM: 0.08 is enough for inverse (0.075), not for linear (0.10)", () => {
    expect(issues({ style: "inverse", imFloor: 0.08 })).toEqual([]);
    expect(issues({ imFloor: 0.08 })).toEqual([
      { code: "invariant", path: "o.imFloor", message: "found imFloor 0.08 < mm 0.1; allowed: imFloor ≥ mm" },
    ]);
    expect(issues({ imFloor: 0.08, mm: 0.05 })).toEqual([]);
  });
  it("imBase must not be below imFloor", () => {
    expect(issues({ imBase: 0.05 })).toEqual([
      { code: "invariant", path: "o.imBase", message: "found imBase < imFloor; allowed: imBase ≥ imFloor" },
    ]);
  });
  it("an explicit mm is taken; the default is 0.075 inverse, 0.10 linear", () => {
    expect(optionsConfig({ style: "linear", mm: 0.05 }).margin.mm).toBe(0.05);
    expect(optionsConfig({ style: "inverse" }).margin.mm).toBe(0.075);
    expect(optionsConfig({ style: "linear" }).margin.mm).toBe(0.1);
  });
});

describe("margin of a put just out of the money", () => {
  it("S 2 000, K 1 950, mark 5: IM (0.15 − 50/2 000)·2 000 + 5 = 255", () => {
    const p = { imBase: 0.15, imFloor: 0.1, mm: 0.1 };
    expect(linearShortMargin(false, 2000, 1950, 5, p, newUnitMargin()).im).toBeCloseTo(255, 9);
  });
});

function venue() {
  const w = world(["ETH", "USDC"]);
  const v = build(optionsStandardKind, {}, w, "opt");
  const call = v.list(0, true, 2400, T, 0);
  const other = v.list(0, true, 2600, T, 0);
  const a = v.open("u", wallet(w, "user", { USDC: 1e6 }));
  w.prices.set([2000, 1]);
  v.deposit(0, a, 250, w.prices);
  return { w, v, call, other, a };
}

describe("trades", () => {
  it("a flip to a smaller opposite position is not a reduction: short 1 under water cannot become long 0.5", () => {
    const { w, v, call, a } = venue();
    v.trade(0, a, call, -1, 0, w.prices);
    w.prices[0] = 2600;
    expect(v.trade(1, a, call, 1.5, 200, w.prices)).toBe(false);
    expect(v.position(a, call)).toBe(-1);
  });
  it("three buys of 0.1 close a 0.3 short exactly: no rounding residue is left as a position", () => {
    const { w, v, call, a } = venue();
    v.trade(0, a, call, -0.3, 0, w.prices);
    for (let k = 0; k < 3; k++) v.trade(0, a, call, 0.1, 0, w.prices);
    expect(v.position(a, call)).toBe(0);
    expect(v.hasPositions(a)).toBe(false);
  });
  it("a refused withdrawal names the margin asset even with several instruments listed", () => {
    const { w, v, a } = venue();
    v.withdraw(0, a, 1e6, w.prices);
    expect(eventRows(w.events, EventType.rejected)[0]?.["asset"]).toBe("USDC");
  });
  it("two shorts on one underlying keep a band; expiry settles only the holders", () => {
    const { w, v, call, other, a } = venue();
    v.deposit(0, a, 1000, w.prices);
    v.trade(0, a, call, -1, 0, w.prices);
    v.trade(0, a, other, -1, 0, w.prices);
    expect(Number.isFinite(v.bandHi[a] as number)).toBe(true);
    expect(v.bandUntil[a]).toBeGreaterThan(0);
    const b = v.open("b", wallet(w, "b", { USDC: 1000 }));
    v.deposit(0, b, 1000, w.prices);
    v.settleDue(T, w.prices);
    expect(eventRows(w.events, EventType.settlement).map((r) => r["account"])).toEqual(["u", "u"]);
  });
});
