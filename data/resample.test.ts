/**
 * Resampling and slicing on small hand-made series: buckets on UTC boundaries, OHLC first/max/min/last,
 * volume summed, other columns last, partial buckets counted; inclusive range slicing.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../engine/units.js";
import { resample, sliceRange } from "./resample.js";
import type { Series } from "./types.js";

const T0 = Date.UTC(2024, 0, 1, 9, 30);
const f64 = (xs: number[]) => Float64Array.from(xs);

/** 15-minute bars from 09:30 to 11:15 (8 bars). */
function quarterHours(): Series {
  const n = 8;
  const t = Array.from({ length: n }, (_, i) => T0 + i * 15 * MS_PER_MINUTE);
  return {
    file: "q.csv",
    timesMs: f64(t),
    stepMs: 15 * MS_PER_MINUTE,
    columns: {
      open: f64([10, 11, 12, 13, 14, 15, 16, 17]),
      high: f64([11, 15, 13, 14, 15, 19, 17, 18]),
      low: f64([9, 10, 8, 12, 13, 14, 15, 11]),
      close: f64([11, 12, 13, 14, 15, 16, 17, 18]),
      volume: f64([1, 2, 3, 4, 5, 6, 7, 8]),
      funding: f64([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
    },
    sourceRows: Int32Array.from([2, 3, 4, 5, 6, 7, 8, 9]),
  };
}

describe("resample", () => {
  it("aggregates into hour buckets on UTC boundaries", () => {
    const { series, partialBuckets } = resample(quarterHours(), MS_PER_HOUR);
    const hour = (h: number) => Date.UTC(2024, 0, 1, h);
    expect(Array.from(series.timesMs)).toEqual([hour(9), hour(10), hour(11)]);
    // 09:00 holds 09:30, 09:45; 10:00 holds 10:00 … 10:45; 11:00 holds 11:00, 11:15.
    expect(Array.from(series.columns["open"] as Float64Array)).toEqual([10, 12, 16]);
    expect(Array.from(series.columns["high"] as Float64Array)).toEqual([15, 19, 18]);
    expect(Array.from(series.columns["low"] as Float64Array)).toEqual([9, 8, 11]);
    expect(Array.from(series.columns["close"] as Float64Array)).toEqual([12, 16, 18]);
    expect(Array.from(series.columns["volume"] as Float64Array)).toEqual([3, 18, 15]);
    expect(Array.from(series.columns["funding"] as Float64Array)).toEqual([0.2, 0.6, 0.8]);
    expect(Array.from(series.sourceRows as Int32Array)).toEqual([2, 4, 8]);
    expect(series.stepMs).toBe(MS_PER_HOUR);
    expect(partialBuckets).toBe(2);
  });

  it("aligns days on 00:00 UTC and leaves a same-step series unchanged", () => {
    const daily = resample(quarterHours(), MS_PER_DAY);
    expect(Array.from(daily.series.timesMs)).toEqual([Date.UTC(2024, 0, 1)]);
    expect(daily.series.columns["volume"]?.[0]).toBe(36);
    const same = quarterHours();
    expect(resample(same, 15 * MS_PER_MINUTE).series).toBe(same);
  });

  it("refuses a step that is not a whole multiple of the series' step", () => {
    expect(() => resample(quarterHours(), 20 * MS_PER_MINUTE)).toThrow(InputError);
    expect(() => resample(quarterHours(), 5 * MS_PER_MINUTE)).toThrow(/whole multiple/);
  });
});

describe("sliceRange", () => {
  it("keeps from ≤ time ≤ to, as views", () => {
    const s = quarterHours();
    const cut = sliceRange(s, T0 + 15 * MS_PER_MINUTE, T0 + 45 * MS_PER_MINUTE);
    expect(Array.from(cut.columns["close"] as Float64Array)).toEqual([12, 13, 14]);
    expect(cut.columns["close"]?.buffer).toBe(s.columns["close"]?.buffer);
    expect(sliceRange(s, T0 + MS_PER_DAY).timesMs.length).toBe(0);
    expect(sliceRange(s, undefined, T0).timesMs.length).toBe(1);
  });
});
