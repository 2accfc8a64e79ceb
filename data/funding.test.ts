/**
 * Replayed funding (./funding.ts and the `funding` column of ./validate.ts): a separate file of
 * 8-hourly rates is placed on the replay's grid as the rate in force at each bar, and a bad
 * funding file is refused with its file, row and column named.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadMarketData } from "./market-data.js";
import { issuesOf, tmpFolder } from "./test-util.js";

const tmp = tmpFolder();
afterAll(() => tmp.cleanup());

/** Hourly closes from 2022-01-01 00:00 to 2022-01-02 00:00 UTC (25 bars). */
const prices = tmp.write(
  "btc-1h.csv",
  [
    "timestamp,close",
    ...Array.from({ length: 25 }, (_, i) => `${Date.UTC(2022, 0, 1, i) / 1000},${40000 + i}`),
  ].join("\n"),
);

function funding(name: string, rows: readonly [string, string][]): string {
  return tmp.write(name, ["timestamp,funding_rate", ...rows.map(([t, r]) => `${t},${r}`)].join("\n"));
}

/** The issues of loading the price file with funding from `file`. */
const fundingIssues = (file: string) =>
  issuesOf(() => loadMarketData({ BTC: { file: prices, funding: { file } } }, { baseDir: tmp.dir }));

const GOOD: [string, string][] = [
  ["2021-12-31T16:00:00Z", "0.0005"],
  ["2022-01-01T00:00:00Z", "0.0001"],
  ["2022-01-01T08:00:00Z", "-0.0002"],
  ["2022-01-01T16:00:00Z", "0.0003"],
  ["2022-01-02T00:00:00Z", "0.0004"],
];

describe("a separate funding file", () => {
  it("each bar carries the rate published at the latest funding time at or before it", async () => {
    const file = funding("good.csv", GOOD);
    const { market } = await loadMarketData(
      { BTC: { file: prices, funding: { file } } },
      { baseDir: tmp.dir },
    );
    const f = market.funding?.[0] as Float64Array;
    expect(f.length).toBe(25);
    expect([f[0], f[7], f[8], f[15], f[16], f[23], f[24]]).toEqual([
      0.0001, 0.0001, -0.0002, -0.0002, 0.0003, 0.0003, 0.0004,
    ]);
  });
  it("refuses NaN, an unsorted row and a rate beyond ±1, naming file, row and column", async () => {
    const file = funding("bad-values.csv", [
      ["2021-12-31T16:00:00Z", "0.0001"],
      ["2022-01-01T00:00:00Z", "NaN"],
      ["2022-01-01T08:00:00Z", "1.5"],
      ["2022-01-01T16:00:00Z", "0.0001"],
      ["2022-01-01T12:00:00Z", "0.0001"],
      ["2022-01-02T00:00:00Z", "0.0001"],
    ]);
    const issues = await fundingIssues(file);
    const got = issues.map((i) => [i.code, i.row, i.path]);
    expect(got).toContainEqual(["null_row", 3, "funding_rate"]); // NaN, the row's only value
    expect(got).toContainEqual(["funding_out_of_range", 4, "funding_rate"]);
    expect(got).toContainEqual(["unsorted", 6, "timestamp"]);
    expect(issues.every((i) => i.file?.endsWith("bad-values.csv"))).toBe(true);
  });
  it("refuses a row off the 8 h schedule and a missing funding time (a gap)", async () => {
    const file = funding("bad-schedule.csv", [
      ["2021-12-31T16:00:00Z", "0.0001"],
      ["2022-01-01T00:00:00Z", "0.0001"],
      ["2022-01-01T09:00:00Z", "0.0001"],
      ["2022-01-02T00:00:00Z", "0.0001"],
    ]);
    const issues = await fundingIssues(file);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ["off_schedule", 4],
      ["missing_funding", 5],
    ]);
    expect(issues[1]?.message).toMatch(/1 funding time\(s\) missing between 2022-01-01.09:00/);
  });
  it("refuses a file that starts after the replay or ends before its last funding time", async () => {
    const late = funding("late.csv", GOOD.slice(2));
    const short = funding("short.csv", GOOD.slice(0, 4));
    const issues = await issuesOf(() =>
      loadMarketData(
        { BTC: { file: prices, funding: { file: late } }, ETH: { file: prices, funding: { file: short } } },
        { baseDir: tmp.dir },
      ),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(["funding_late", "funding_short"]);
  });
  it("reads another interval with every (1 h rows, Hyperliquid-style)", async () => {
    const rows: [string, string][] = Array.from({ length: 25 }, (_, i) => [
      new Date(Date.UTC(2022, 0, 1, i)).toISOString(),
      (i / 1e5).toFixed(5),
    ]);
    const file = funding("hourly.csv", rows);
    const { market } = await loadMarketData(
      { BTC: { file: prices, funding: { file, every: 3_600_000 } } },
      { baseDir: tmp.dir },
    );
    expect(market.funding?.[0]?.[13]).toBeCloseTo(0.00013, 12);
  });
});

describe("a funding column in the price file", () => {
  it("refuses a rate beyond ±1 per interval (a percent given for a fraction), naming the row", async () => {
    const file = tmp.write(
      "with-funding.csv",
      ["timestamp,close,funding", "2022-01-01T00:00:00Z,40000,0.01", "2022-01-01T01:00:00Z,40001,3"].join(
        "\n",
      ),
    );
    const issues = await issuesOf(() =>
      loadMarketData({ BTC: { file, funding: "funding" } }, { baseDir: tmp.dir }),
    );
    expect(issues.map((i) => [i.code, i.row, i.path])).toEqual([["funding_out_of_range", 3, "funding"]]);
  });
});
