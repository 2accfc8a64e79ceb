/**
 * Parquet round trips (files written here with DuckDB `COPY … TO`): the same bars read from CSV and
 * Parquet give the same Series; nulls and wrong column types are named with the 1-based record
 * number and the column.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR } from "../engine/units.js";
import { loadSeries } from "./load.js";
import { issuesOf, tmpFolder } from "./test-util.js";

const tmp = tmpFolder();
const START = Date.UTC(2024, 0, 1);
const N = 5;
const times = Array.from({ length: N }, (_, i) => START + i * MS_PER_HOUR);
const close = [100, 101.5, 99.25, 102, 103.125];
let csvFile = "";

async function duck(sql: string): Promise<void> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.run(sql);
  con.closeSync();
  db.closeSync();
}

beforeAll(() => {
  const lines = times.map((t, i) => `${new Date(t).toISOString()},${close[i]}`);
  csvFile = tmp.write("bars.csv", `timestamp,close\n${lines.join("\n")}\n`);
});
afterAll(() => tmp.cleanup());

const values = `(VALUES ${times.map((t, i) => `(${t}, ${close[i]})`).join(", ")}) v(ms, close)`;

describe("Parquet through DuckDB", () => {
  it("round-trips TIMESTAMP, DATE, epoch and text times", async () => {
    const expected = await loadSeries(csvFile);
    const file = `${tmp.dir}/bars.parquet`;
    await duck(
      `COPY (SELECT make_timestamp(ms * 1000) AS ts, close FROM ${values}) TO '${file}' (FORMAT parquet)`,
    );
    const got = await loadSeries(file);
    expect(got.report.format).toBe("parquet");
    expect(Array.from(got.series.timesMs)).toEqual(Array.from(expected.series.timesMs));
    expect(Array.from(got.series.columns["close"] as Float64Array)).toEqual(close);
    expect(got.series.stepMs).toBe(MS_PER_HOUR);

    const epoch = `${tmp.dir}/epoch.parquet`;
    await duck(
      `COPY (SELECT ms // 1000 AS time, CAST(close AS DECIMAL(10,3)) AS Close FROM ${values}) TO '${epoch}' (FORMAT parquet)`,
    );
    expect(Array.from((await loadSeries(epoch)).series.timesMs)).toEqual(times);

    const text = `${tmp.dir}/text.parquet`;
    await duck(
      `COPY (SELECT strftime(make_timestamp(ms * 1000), '%Y-%m-%d %H:%M:%S') AS date, close FROM ${values}) TO '${text}' (FORMAT parquet)`,
    );
    expect(Array.from((await loadSeries(text)).series.timesMs)).toEqual(times);

    const days = `${tmp.dir}/days.parquet`;
    await duck(
      `COPY (SELECT DATE '2024-01-01' + CAST(i AS INTEGER) AS date, 10.0 + i AS close FROM range(3) t(i)) TO '${days}' (FORMAT parquet)`,
    );
    expect(Array.from((await loadSeries(days)).series.timesMs)).toEqual(
      [0, 1, 2].map((i) => START + i * MS_PER_DAY),
    );
  });

  it("names null cells by record number and column; refuses a text price column", async () => {
    const file = `${tmp.dir}/nulls.parquet`;
    await duck(
      `COPY (SELECT make_timestamp(ms * 1000) AS timestamp, CASE WHEN close = 99.25 THEN NULL ELSE close END AS close FROM ${values}) TO '${file}' (FORMAT parquet)`,
    );
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "null_row", file, row: 3, column: "close" })]);
    expect(issues[0]?.message).toContain('every value is "null" on 2024-01-01T02:00Z');

    const wrong = `${tmp.dir}/wrong.parquet`;
    await duck(
      `COPY (SELECT make_timestamp(ms * 1000) AS timestamp, CAST(close AS VARCHAR) AS close FROM ${values}) TO '${wrong}' (FORMAT parquet)`,
    );
    const typed = await issuesOf(() => loadSeries(wrong));
    expect(typed).toEqual([expect.objectContaining({ code: "wrong_type", file: wrong, column: "close" })]);
    expect(typed[0]?.message).toBe(
      'wrong type: column "close" (close) is VARCHAR; expected a number type (DOUBLE, FLOAT, INTEGER, BIGINT, DECIMAL)',
    );
  });

  it("reports a file that is not Parquet", async () => {
    const file = tmp.write("fake.parquet", "timestamp,close\n");
    expect((await issuesOf(() => loadSeries(file)))[0]).toMatchObject({ code: "unreadable_file", file });
  });
});
