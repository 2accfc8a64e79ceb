/**
 * The loaders against the real files in ../shared/data (facts from its README). Expected values are
 * re-derived here from the raw text with `split` and `Date.parse`, independently of the loaders.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../engine/units.js";
import { loadSeries } from "./load.js";
import { issuesOf, sharedData, splitCsv } from "./test-util.js";

const BTC_PERP = sharedData("btc-perp-2022-01-1m.csv");
const ETH_1H = sharedData("eth-usdt-2020-2022-1h.csv");
const ETH_1D = sharedData("eth-usd-daily-2015-2021.csv");
const BTCUSD = sharedData("BTCUSD.csv");

/** Rows of a shared file without its header, with the file line of each. */
function rawRows(path: string): { line: number; cells: string[] }[] {
  return splitCsv(readFileSync(path, "utf8"))
    .slice(1)
    .map((cells, i) => ({ line: i + 2, cells }));
}

const at = (text: string) => Date.parse(text);

describe("btc-perp-2022-01-1m.csv", () => {
  it("loads 45 031 minute rows with no gaps", async () => {
    const { series, report } = await loadSeries(BTC_PERP);
    expect(report.rows).toBe(45_031);
    expect(series.timesMs.length).toBe(45_031);
    expect(series.stepMs).toBe(MS_PER_MINUTE);
    expect(report.gaps).toEqual([]);
    expect(report.regular).toBe(true);
    expect(series.timesMs[0]).toBe(at("2021-12-31T23:01:00Z"));
    expect(series.timesMs[45_030]).toBe(at("2022-02-01T05:31:00Z"));
    expect(Object.keys(series.columns)).toEqual(["open", "high", "low", "close", "volume"]);
    expect(series.columns["close"]?.[0]).toBe(46377);
  });

  it("resamples to 1h: first/max/min/last and volume sum match a plain loop over the raw rows", async () => {
    const { series, report } = await loadSeries(BTC_PERP, { resample: "1h" });
    const buckets = new Map<number, number[]>();
    for (const { cells } of rawRows(BTC_PERP)) {
      const t = at(`${(cells[0] as string).replace(" ", "T")}Z`);
      const hour = t - (t % MS_PER_HOUR);
      const [o, h, l, c, v] = cells.slice(1).map(Number) as [number, number, number, number, number];
      const b = buckets.get(hour);
      if (!b) buckets.set(hour, [o, h, l, c, v]);
      else
        buckets.set(hour, [
          b[0] as number,
          Math.max(b[1] as number, h),
          Math.min(b[2] as number, l),
          c,
          (b[4] as number) + v,
        ]);
    }
    const hours = [...buckets.keys()];
    expect(Array.from(series.timesMs)).toEqual(hours);
    const cols = ["open", "high", "low", "close", "volume"];
    cols.forEach((col, c) => {
      expect(Array.from(series.columns[col] as Float64Array)).toEqual(hours.map((h) => buckets.get(h)?.[c]));
    });
    expect(report.resampledFromMs).toBe(MS_PER_MINUTE);
    expect(report.partialBuckets).toBe(2); // 23:01–23:59 and 05:00–05:31
    const lows = series.columns["low"] as Float64Array;
    const worst = lows.indexOf(Math.min(...lows));
    expect(lows[worst]).toBe(32837);
    expect(series.timesMs[worst]).toBe(at("2022-01-24T13:00:00Z"));
  });
});

describe("eth-usdt-2020-2022-1h.csv", () => {
  /** The holes, from the raw text: [line of the bar after, time before, time after, missing bars]. */
  function rawGaps(): [number, number, number, number][] {
    const rows = rawRows(ETH_1H);
    const out: [number, number, number, number][] = [];
    for (let i = 1; i < rows.length; i++) {
      const prev = at(rows[i - 1]?.cells[0] as string);
      const t = at(rows[i]?.cells[0] as string);
      if (t - prev !== MS_PER_HOUR)
        out.push([rows[i]?.line as number, prev, t, (t - prev) / MS_PER_HOUR - 1]);
    }
    return out;
  }

  it("fails with maxGap 1h, naming each of the 14 gaps", async () => {
    const gaps = rawGaps();
    expect(gaps.length).toBe(14);
    const issues = await issuesOf(() => loadSeries(ETH_1H, { maxGap: "1h" }));
    expect(issues.map((i) => i.code)).toEqual(Array(14).fill("gap_too_long"));
    issues.forEach((issue, k) => {
      const [line, from, to, missing] = gaps[k] as [number, number, number, number];
      expect(issue.file).toBe(ETH_1H);
      expect(issue.row).toBe(line);
      const fromText = new Date(from).toISOString().slice(0, 16);
      const toText = new Date(to).toISOString().slice(0, 16);
      expect(issue.message).toContain(`gap from ${fromText}Z to ${toText}Z: ${missing} missing bar`);
    });
    expect(issues[1]?.message).toContain(
      "2020-02-19T11:00Z to 2020-02-19T17:00Z: 5 missing bars (6h between real bars)",
    );
  });

  it("loads with maxGap 6h, forward-filling exactly the missing hours", async () => {
    const missing = rawGaps().reduce((n, g) => n + g[3], 0);
    const { series, report } = await loadSeries(ETH_1H, { maxGap: "6h" });
    expect(report.rows).toBe(19_919);
    expect(report.gaps.length).toBe(14);
    expect(report.filled).toBe(missing);
    expect(series.timesMs.length).toBe(19_919 + missing);
    const t = series.timesMs;
    for (let i = 1; i < t.length; i++)
      if ((t[i] as number) - (t[i - 1] as number) !== MS_PER_HOUR) throw new Error(`step at ${i}`);
    // 2020-02-19 12:00 … 16:00 carry the 11:00 close forward.
    const close = series.columns["close"] as Float64Array;
    const i11 = t.indexOf(at("2020-02-19T11:00:00Z"));
    for (let k = 1; k <= 5; k++) expect(close[i11 + k]).toBe(close[i11]);
    expect(series.sourceRows?.[i11 + 1]).toBe(0);
  });

  it("reads the 12–13 March 2020 crash figures of the data README", async () => {
    const { series } = await loadSeries(ETH_1H, { from: "2020-03-12", to: "2020-03-13T23:00Z" });
    expect(series.timesMs.length).toBe(48);
    expect(series.timesMs[0]).toBe(at("2020-03-12T00:00:00Z"));
    expect(series.columns["open"]?.[0]).toBe(194.61);
    const bar = series.timesMs.indexOf(at("2020-03-13T02:00:00Z"));
    expect(series.columns["low"]?.[bar]).toBe(86);
    expect(Math.min(...(series.columns["low"] as Float64Array))).toBe(86);
  });
});

describe("eth-usd-daily-2015-2021.csv", () => {
  it("names the four vendor null rows by file, line and date", async () => {
    const issues = await issuesOf(() => loadSeries(ETH_1D));
    expect(issues.map((i) => [i.code, i.file, i.row])).toEqual([
      ["null_row", ETH_1D, 1717],
      ["null_row", ETH_1D, 1892],
      ["null_row", ETH_1D, 1895],
      ["null_row", ETH_1D, 1896],
    ]);
    const dates = ["2020-04-17", "2020-10-09", "2020-10-12", "2020-10-13"];
    issues.forEach((issue, k) => {
      expect(issue.message).toContain(`every value is "null" on ${dates[k]}`);
      expect(issue.column).toBe("Open, High, Low, Close, Volume");
    });
  });

  it('with nullRows: "gap" drops them, reports them, and fills them under maxGap', async () => {
    const { series, report } = await loadSeries(ETH_1D, { nullRows: "gap", maxGap: "3d" });
    expect(report.droppedNullRows.map((d) => d.row)).toEqual([1717, 1892, 1895, 1896]);
    expect(report.filled).toBe(4);
    // 2015-08-07 … 2021-11-24 is 2 302 days; the file has a row for each (the README says 2 301).
    expect(report.rows).toBe(2302);
    expect(series.timesMs.length).toBe(2302);
    expect(series.stepMs).toBe(MS_PER_DAY);
    const failing = await issuesOf(() => loadSeries(ETH_1D, { nullRows: "gap", maxGap: "2d" }));
    expect(failing.map((i) => [i.code, i.row])).toEqual([["gap_too_long", 1897]]);
    expect(failing[0]?.message).toContain("gap from 2020-10-11 to 2020-10-14: 2 missing bars");
  });
});

describe("BTCUSD.csv", () => {
  it("loads with the unnamed first column as the date", async () => {
    const { series, report } = await loadSeries(BTCUSD);
    expect(report.rows).toBe(156);
    expect(report.mapping["time"]).toBe("");
    expect(report.mapping["close"]).toBe("Close");
    expect(series.timesMs[0]).toBe(at("2012-01-31T00:00:00Z"));
    expect(series.timesMs[155]).toBe(at("2024-12-31T00:00:00Z"));
    const i = series.timesMs.indexOf(at("2020-03-31T00:00:00Z"));
    expect([series.columns["open"]?.[i], series.columns["low"]?.[i]]).toEqual([8668.38, 3850]);
    expect(report.regular).toBe(false); // month ends: 28–31 days apart
  });

  it("cannot be put on a grid: the gap policy names the first irregular step", async () => {
    const issues = await issuesOf(() => loadSeries(BTCUSD, { maxGap: "62d" }));
    expect(issues).toEqual([expect.objectContaining({ code: "irregular_step", file: BTCUSD, row: 3 })]);
    expect(issues[0]?.message).toContain(
      "irregular spacing: 29d from 2012-01-31 to 2012-02-29 is not a multiple of the 31d step",
    );
  });
});
