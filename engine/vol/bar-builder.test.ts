/**
 * Bars from landed readings, worked by hand (bars of 10 ms from t = 0, so (0,10], (10,20], …):
 * open = the value standing at the bar's start, high/low = extremes of it and the readings in the
 * bar, close = the last; a bar without readings is flat; readings at the bar's end belong to it;
 * unusable prices are skipped; and the bars are the same however often the builder is advanced.
 */
import { describe, expect, it } from "vitest";
import { BarBuilder, type ReadingSource } from "./bar-builder.js";
import { Ewma } from "./forecast.js";

function tape(readings: [number, number][]): { src: ReadingSource & { index: number }; n: number } {
  const src = {
    tape: {
      publishMs: Float64Array.from(readings.map((r) => r[0])),
      price: Float64Array.from(readings.map((r) => r[1])),
    },
    index: -1,
  };
  return { src, n: readings.length };
}

type Bar = [number, number, number, number];

/** The ring's bars back as [O, H, L, C] prices, given the first open. */
function ohlc(b: BarBuilder, firstOpen: number): Bar[] {
  const out: Bar[] = [];
  let open = firstOpen;
  const r = b.bars;
  for (let j = 0; j < r.size; j++) {
    const i = r.at(r.size, j);
    open *= Math.exp(r.o[i] as number);
    const bar: Bar = [
      open,
      open * Math.exp(r.u[i] as number),
      open * Math.exp(r.d[i] as number),
      open * Math.exp(r.c[i] as number),
    ];
    out.push(bar.map((x) => Math.round(x * 1e9) / 1e9) as Bar);
    open = bar[3];
  }
  return out;
}

const READINGS: [number, number][] = [
  [0, 100],
  [3, 110],
  [5, Number.NaN],
  [7, 90],
  [10, 95],
  [14, 105],
  [16, 0],
  [35, 120],
];

describe("BarBuilder", () => {
  it("builds (s, s+bar] bars from the value standing at the start and the readings in the bar", () => {
    const { src, n } = tape(READINGS);
    const b = new BarBuilder(10);
    b.reset(0);
    src.index = n - 1;
    b.advance(src, 39);
    expect(ohlc(b, 100)).toEqual([
      [100, 110, 90, 95],
      [95, 105, 95, 105],
      [105, 105, 105, 105],
    ]);
    b.advance(src, 40);
    expect(ohlc(b, 100)[3]).toEqual([105, 120, 105, 120]);
  });

  it("gives the same bars and forecasts advanced at every reading as advanced once", () => {
    const once = new BarBuilder(10);
    const often = new BarBuilder(10);
    const { src: s1, n } = tape(READINGS);
    const { src: s2 } = tape(READINGS);
    for (const b of [once, often]) {
      b.reset(0);
      b.attach({ spec: { kind: "ewma", barMs: 10, horizonMs: 10 }, forecaster: new Ewma(0.9, 2) });
    }
    for (let i = 0; i < n; i++) {
      s2.index = i;
      often.advance(s2, s2.tape.publishMs[i] as number);
    }
    often.advance(s2, 50);
    s1.index = n - 1;
    once.advance(s1, 50);
    expect(ohlc(often, 100)).toEqual(ohlc(once, 100));
    expect(often.bars.count).toBe(5);
    expect(often.forecasts[0]?.forecaster.variance(1)).toBe(once.forecasts[0]?.forecaster.variance(1));
  });

  it("opens with the first usable reading's bar; earlier bars have no price and are not made", () => {
    const { src } = tape([
      [2, Number.NaN],
      [25, 50],
      [28, 55],
    ]);
    const b = new BarBuilder(10);
    b.reset(0);
    src.index = 2;
    b.advance(src, 30);
    expect(ohlc(b, 50)).toEqual([[50, 55, 50, 55]]);
  });

  it("replays the bars it holds into a forecaster attached later, and resets per path", () => {
    const { src, n } = tape(READINGS);
    const b = new BarBuilder(10);
    b.reset(0);
    src.index = n - 1;
    b.advance(src, 40);
    const late = new Ewma(0.9, 1);
    b.attach({ spec: { kind: "ewma", barMs: 10, horizonMs: 10 }, forecaster: late });
    const rets = [Math.log(95 / 100), Math.log(105 / 95), 0, Math.log(120 / 105)];
    let v = (rets[0] as number) ** 2;
    for (const r of rets.slice(1)) v = 0.9 * v + 0.1 * r * r;
    expect(late.variance()).toBeCloseTo(v, 15);
    b.reset(0);
    expect(b.bars.count).toBe(0);
    expect(late.variance()).toBeNaN();
  });
});
