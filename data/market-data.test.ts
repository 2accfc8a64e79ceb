/**
 * `loadMarketData`, the scenario's replay entry: real ETH hourly and BTC minute files on one hourly
 * grid (paths relative to a base folder), the default gap policy (3 steps), every asset's problems in
 * one error, spec typos, and vol/funding replay.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Float64,
  makeData,
  makeVector,
  Table,
  TimestampMillisecond,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { gridEndMs } from "../engine/market.js";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../engine/units.js";
import { loadMarketData } from "./market-data.js";
import { issuesOf, sharedData, splitCsv, tmpFolder } from "./test-util.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const tmp = tmpFolder();
afterAll(() => tmp.cleanup());
const at = (iso: string) => Date.parse(iso);

describe("real files", () => {
  it("puts ETH hourly and BTC minute bars (resampled to 1h) on one hourly grid", async () => {
    const { market, range, report } = await loadMarketData(
      {
        ETH: { file: "../../shared/data/eth-usdt-2020-2022-1h.csv", maxGap: "6h" },
        BTC: { file: "../../shared/data/btc-perp-2022-01-1m.csv", resample: "1h" },
      },
      { baseDir: HERE },
    );
    expect(market.assets).toEqual(["ETH", "BTC"]);
    expect(range).toEqual({ fromMs: at("2021-12-31T23:00:00Z"), toMs: at("2022-02-01T05:00:00Z") });
    expect(market.grid.stepMs).toBe(MS_PER_HOUR);
    expect(gridEndMs(market.grid)).toBe(range.toMs);
    // Independent check of both price columns against the raw text.
    const ethClose = new Map(
      splitCsv(readFileSync(sharedData("eth-usdt-2020-2022-1h.csv"), "utf8"))
        .slice(1)
        .map((r) => [at(r[0] as string), Number(r[4])]),
    );
    const btcLastInHour = new Map<number, number>();
    for (const r of splitCsv(readFileSync(sharedData("btc-perp-2022-01-1m.csv"), "utf8")).slice(1)) {
      const t = at(`${(r[0] as string).replace(" ", "T")}Z`);
      btcLastInHour.set(t - (t % MS_PER_HOUR), Number(r[4]));
    }
    for (let i = 0; i <= market.grid.steps; i++) {
      const t = market.grid.startMs + i * MS_PER_HOUR;
      if (market.price[0]?.[i] !== ethClose.get(t) || market.price[1]?.[i] !== btcLastInHour.get(t))
        throw new Error(`grid point ${i}`);
    }
    expect(report.rows).toBe(19_919 + 45_031);
    expect(report.filled).toBe(0);
    expect(report.assets[1]?.load).toMatchObject({
      resampledFromMs: MS_PER_MINUTE,
      partialBuckets: 2,
      rows: 45_031,
    });
  });
});

describe("policies and errors", () => {
  const csv = (name: string, hours: number[], close = (h: number) => 100 + h) =>
    tmp.write(
      name,
      `timestamp,close\n${hours.map((h) => `${new Date(Date.UTC(2024, 0, 1, h)).toISOString()},${close(h)}`).join("\n")}\n`,
    );

  it("fills holes of up to 2 missing bars by default (maxGap = 3 steps) and slices by date", async () => {
    csv("a.csv", [0, 1, 4, 5, 6, 7]);
    const { market, report } = await loadMarketData(
      { A: { file: "a.csv", to: "2024-01-01T06:00Z" } },
      { baseDir: tmp.dir },
    );
    expect(Array.from(market.price[0] as Float64Array)).toEqual([100, 101, 101, 101, 104, 105, 106]);
    expect(report.filled).toBe(2);
    expect(report.assets[0]?.gaps).toEqual([
      { fromMs: Date.UTC(2024, 0, 1, 1), toMs: Date.UTC(2024, 0, 1, 4), missingBars: 2, row: 4 },
    ]);
    csv("b.csv", [0, 1, 5]);
    const issues = await issuesOf(() => loadMarketData({ B: { file: "b.csv" } }, { baseDir: tmp.dir }));
    expect(issues[0]?.message).toContain(
      "B: gap from 2024-01-01T01:00Z to 2024-01-01T05:00Z: 3 missing bars (4h between real bars), more than maxGap 3h",
    );
  });

  it("collects the problems of every asset into one error", async () => {
    const bad1 = csv("bad1.csv", [0, 1, 2], (h) => (h === 1 ? -1 : 100));
    const bad2 = tmp.write("bad2.csv", "timestamp,open\n2024-01-01,1\n");
    const issues = await issuesOf(() =>
      loadMarketData(
        { X: { file: "bad1.csv" }, Y: { file: "bad2.csv" }, Z: { file: "nope.csv" } },
        { baseDir: tmp.dir },
      ),
    );
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ["non_positive_price", bad1],
      ["missing_column", bad2],
      ["file_not_found", `${tmp.dir}/nope.csv`],
    ]);
  });

  it("rejects unknown spec keys with a suggestion", async () => {
    csv("c.csv", [0, 1]);
    const issues = await issuesOf(() =>
      loadMarketData(
        { C: { file: "c.csv", maxgap: "1h" } as unknown as { file: string } },
        { baseDir: tmp.dir },
      ),
    );
    expect(issues).toEqual([
      { code: "unknown_key", path: "C.data.maxgap", message: 'unknown key "maxgap"; did you mean maxGap?' },
    ]);
  });

  it("mixes formats and replays vol and funding columns", async () => {
    const times = [0, 1, 2].map((h) => BigInt(Date.UTC(2024, 0, 1, h)));
    const table = new Table({
      timestamp: makeVector(
        makeData({ type: new TimestampMillisecond(), length: 3, data: BigInt64Array.from(times) }),
      ),
      mark_price: vectorFromArray([10, 11, 12], new Float64()),
      implied_vol: vectorFromArray([0.5, 0.6, 0.7], new Float64()),
      funding_rate: vectorFromArray([0.0001, -0.0002, 0.0003], new Float64()),
    });
    tmp.write("perp.arrow", tableToIPC(table, "file"));
    csv("spot.csv", [0, 1, 2]);
    const { market } = await loadMarketData(
      {
        SPOT: { file: "spot.csv" },
        PERP: { file: "perp.arrow", column: "mark", vol: "iv", funding: "funding" },
      },
      { baseDir: tmp.dir },
    );
    expect(Array.from(market.price[1] as Float64Array)).toEqual([10, 11, 12]);
    expect(Array.from(market.vol?.[1] as Float64Array)).toEqual([0.5, 0.6, 0.7]);
    expect(market.funding?.[1]?.[1]).toBe(-0.0002);
    expect(market.vol?.[0]).toBeUndefined();
  });
});

describe("partly blank rows", () => {
  const csv = [
    "time,open,high,low,close,volume",
    "2024-01-01T00:00:00Z,100,101,99,100.5,10",
    "2024-01-01T01:00:00Z,100.5,102,100,,12",
    "2024-01-01T02:00:00Z,101,103,100,102,11",
    "2024-01-01T03:00:00Z,,,,,",
    "2024-01-01T04:00:00Z,102,104,101,103,9",
  ].join("\n");

  it("names a row with only its close blank as a missing value, not an all-null row, under either policy", async () => {
    const file = tmp.write("partly-blank.csv", csv);
    for (const nullRows of [undefined, "gap"] as const) {
      const issues = await issuesOf(() =>
        loadMarketData({ ETH: { file, ...(nullRows ? { nullRows } : {}) } }, { baseDir: "/" }),
      );
      // Line 3 is always an error. The fully blank line 5 is a dropped bar under "gap" (every
      // column read); by default only the close is read, so it is reported as that missing cell.
      expect(issues.map((i) => [i.code, i.row, i.column])).toEqual(
        nullRows === "gap"
          ? [["missing_value", 3, "close"]]
          : [
              ["missing_value", 3, "close"],
              ["missing_value", 5, "close"],
            ],
      );
    }
  });
});
