/**
 * Alignment of several assets on one grid and the hand-over to the engine. Policies under test:
 * intersection = the span all assets cover, union = the span any covers (no backward fill); holes
 * forward-filled only when the real bars around them are at most maxGap apart; every fill counted.
 */
import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../engine/units.js";
import { alignSeries, toPathMarket } from "./align.js";
import { issuesOf } from "./test-util.js";
import type { Series } from "./types.js";

const H = MS_PER_HOUR;
const T0 = Date.UTC(2024, 0, 1);

/** A 1h series with bars at the given hours after T0, close = 100 + hour. */
function hourly(name: string, hours: number[], extra: Record<string, number[]> = {}): Series {
  const columns: Record<string, Float64Array> = { close: Float64Array.from(hours, (h) => 100 + h) };
  for (const [k, v] of Object.entries(extra)) columns[k] = Float64Array.from(v);
  return {
    file: `${name}.csv`,
    timesMs: Float64Array.from(hours, (h) => T0 + h * H),
    columns,
    stepMs: H,
    sourceRows: Int32Array.from(hours, (_, i) => i + 2),
  };
}

describe("alignSeries", () => {
  it("intersection: the common span, holes filled forward and counted", () => {
    const eth = hourly("eth", [0, 1, 2, 3, 4, 5, 6]);
    const btc = hourly("btc", [2, 3, 5, 6, 7, 8]);
    const aligned = alignSeries([
      { name: "ETH", series: eth },
      { name: "BTC", series: btc },
    ]);
    expect(aligned.grid).toEqual({ startMs: T0 + 2 * H, stepMs: H, steps: 4 });
    const [a, b] = aligned.assets;
    expect(Array.from(a?.series.columns["close"] as Float64Array)).toEqual([102, 103, 104, 105, 106]);
    expect(Array.from(b?.series.columns["close"] as Float64Array)).toEqual([102, 103, 103, 105, 106]);
    expect([a?.filled, b?.filled]).toEqual([0, 1]);
    expect(b?.gaps).toEqual([{ fromMs: T0 + 3 * H, toMs: T0 + 5 * H, missingBars: 1, row: 4 }]);
    expect(Array.from(b?.series.sourceRows as Int32Array)).toEqual([2, 3, 0, 4, 5]);
  });

  it("union: the whole span; an asset ending early is carried forward within maxGap", () => {
    const eth = hourly("eth", [0, 1, 2, 3]);
    const btc = hourly("btc", [0, 1, 2]);
    const aligned = alignSeries(
      [
        { name: "ETH", series: eth },
        { name: "BTC", series: btc },
      ],
      { join: "union" },
    );
    expect(aligned.grid.steps).toBe(3);
    expect(Array.from(aligned.assets[1]?.series.columns["close"] as Float64Array)).toEqual([
      100, 101, 102, 102,
    ]);
    expect(aligned.assets[1]?.filled).toBe(1);
  });

  it("union refuses to fill backwards before an asset's first bar", async () => {
    const issues = await issuesOf(() =>
      alignSeries(
        [
          { name: "ETH", series: hourly("eth", [0, 1, 2]) },
          { name: "BTC", series: hourly("btc", [1, 2]) },
        ],
        { join: "union" },
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "no_prior_value", file: "btc.csv" })]);
    expect(issues[0]?.message).toContain(
      "BTC: no bar at or before the grid start 2024-01-01 (the first is 2024-01-01T01:00Z)",
    );
  });

  it("reports gaps longer than maxGap per asset, every asset at once", async () => {
    const issues = await issuesOf(() =>
      alignSeries(
        [
          { name: "ETH", series: hourly("eth", [0, 4, 5, 6, 7, 8]) },
          { name: "BTC", series: hourly("btc", [0, 1, 2, 3, 8]), maxGap: "4h" },
        ],
        { maxGap: "2h" },
      ),
    );
    expect(issues.map((i) => [i.code, i.file, i.row])).toEqual([
      ["gap_too_long", "eth.csv", 3],
      ["gap_too_long", "btc.csv", 6],
    ]);
    expect(issues[1]?.message).toBe(
      "BTC: gap from 2024-01-01T03:00Z to 2024-01-01T08:00Z: 4 missing bars (5h between real bars), more than maxGap 4h",
    );
  });

  it("refuses different steps and bars off the grid's clock", async () => {
    const slow: Series = { ...hourly("slow", [0, 2, 4]), stepMs: 2 * H };
    const steps = await issuesOf(() =>
      alignSeries([
        { name: "ETH", series: hourly("eth", [0, 1]) },
        { name: "SLOW", series: slow },
      ]),
    );
    expect(steps[0]?.message).toBe(
      "the assets have different steps (ETH 1h, SLOW 2h); resample them to one step",
    );
    const shifted: Series = {
      ...hourly("half", [0, 1, 2]),
      timesMs: Float64Array.from([0.5, 1.5, 2.5], (h) => T0 + h * H),
    };
    const off = await issuesOf(() =>
      alignSeries([
        { name: "ETH", series: hourly("eth", [0, 1, 2, 3]) },
        { name: "HALF", series: shifted },
      ]),
    );
    expect(off.map((i) => i.code)).toContain("off_grid");
  });
});

describe("toPathMarket", () => {
  it("hands prices, vol and funding to the engine as copies on the grid", () => {
    const eth = hourly("eth", [0, 1, 2], { iv: [0.8, 0.9, 1.0], funding: [0.0001, 0.0002, 0.0003] });
    const btc = hourly("btc", [0, 1, 2]);
    const aligned = alignSeries([
      { name: "ETH", series: eth },
      { name: "BTC", series: btc },
    ]);
    const market = toPathMarket(aligned, [
      { name: "BTC", column: "close" },
      { name: "ETH", column: "Close", vol: "iv", funding: "funding" },
    ]);
    expect(market.assets).toEqual(["BTC", "ETH"]);
    expect(market.grid).toEqual({ startMs: T0, stepMs: H, steps: 2 });
    expect(Array.from(market.price[1] as Float64Array)).toEqual([100, 101, 102]);
    expect(market.vol?.[0]).toBeUndefined();
    expect(Array.from(market.vol?.[1] as Float64Array)).toEqual([0.8, 0.9, 1.0]);
    expect(market.funding?.[1]?.[2]).toBe(0.0003);
    (market.price[1] as Float64Array)[0] = -1;
    expect(aligned.assets[0]?.series.columns["close"]?.[0]).toBe(100);
  });

  it("refuses unknown assets, missing columns and series not on the grid", async () => {
    const aligned = alignSeries([{ name: "ETH", series: hourly("eth", [0, 1, 2]) }]);
    const issues = await issuesOf(() =>
      toPathMarket(aligned, [
        { name: "BTC", column: "close" },
        { name: "ETH", column: "mark" },
      ]),
    );
    expect(issues.map((i) => i.code)).toEqual(["unknown_asset", "missing_column"]);
    expect(issues[1]?.message).toBe('ETH has no column "mark" (it has close)');
    const raw = {
      grid: aligned.grid,
      join: aligned.join,
      assets: [{ name: "ETH", series: hourly("eth", [0, 2, 3]), gaps: [], filled: 0 }],
    };
    expect((await issuesOf(() => toPathMarket(raw, [{ name: "ETH", column: "close" }])))[0]?.code).toBe(
      "irregular_grid",
    );
  });
});
