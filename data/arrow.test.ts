/**
 * Arrow IPC round trips (files written here with apache-arrow's `tableToIPC`, file and stream
 * formats): timestamps of any unit, dates, epoch numbers and text; nulls named by record number;
 * a text price column refused as a wrong type.
 */
import {
  DateDay,
  Float64,
  Int64,
  makeData,
  makeVector,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { MS_PER_DAY, MS_PER_HOUR } from "../engine/units.js";
import { loadSeries } from "./load.js";
import { issuesOf, tmpFolder } from "./test-util.js";

const tmp = tmpFolder();
afterAll(() => tmp.cleanup());

const START = Date.UTC(2024, 0, 1);
const times = [0, 1, 2, 3].map((i) => START + i * MS_PER_HOUR);
const close = [100, 101.5, 99.25, 102];

function write(name: string, columns: Record<string, Vector>, format: "file" | "stream" = "file"): string {
  return tmp.write(name, tableToIPC(new Table(columns), format));
}
const f64 = (values: readonly (number | null)[]) => vectorFromArray(values, new Float64());
/** A 64-bit column (Int64 or a timestamp: all stored as BigInt64Array; the cast only picks an overload). */
const int64 = (values: readonly number[], type: Int64 | TimestampMillisecond | TimestampMicrosecond) =>
  makeVector(
    makeData({
      type: type as Int64,
      length: values.length,
      data: BigInt64Array.from(values, (v) => BigInt(v)),
    }),
  );

describe("Arrow IPC", () => {
  it("round-trips millisecond and microsecond timestamps, file and stream format", async () => {
    const ms = write("ms.arrow", { timestamp: int64(times, new TimestampMillisecond()), close: f64(close) });
    const got = await loadSeries(ms);
    expect(got.report.format).toBe("arrow");
    expect(Array.from(got.series.timesMs)).toEqual(times);
    expect(Array.from(got.series.columns["close"] as Float64Array)).toEqual(close);
    expect(got.series.stepMs).toBe(MS_PER_HOUR);
    const us = write(
      "us.arrows",
      {
        time: int64(
          times.map((t) => t * 1000),
          new TimestampMicrosecond(),
        ),
        Close: f64(close),
      },
      "stream",
    );
    expect(Array.from((await loadSeries(us)).series.timesMs)).toEqual(times);
  });

  it("reads dates, epoch-second integers and ISO text as times", async () => {
    const days = [0, 1, 2].map((i) => new Date(START + i * MS_PER_DAY));
    const dated = write("days.feather", {
      date: vectorFromArray(days, new DateDay()),
      close: f64([1, 2, 3]),
    });
    expect(Array.from((await loadSeries(dated)).series.timesMs)).toEqual(days.map((d) => d.getTime()));
    const epoch = write("epoch.arrow", {
      timestamp: int64(
        times.map((t) => t / 1000),
        new Int64(),
      ),
      close: f64(close),
    });
    expect(Array.from((await loadSeries(epoch)).series.timesMs)).toEqual(times);
    const texts = times.map((t) => new Date(t).toISOString());
    const text = write("text.arrow", { timestamp: vectorFromArray(texts, new Utf8()), close: f64(close) });
    expect(Array.from((await loadSeries(text)).series.timesMs)).toEqual(times);
  });

  it("names nulls and NaNs by record number and column", async () => {
    const file = write("nulls.arrow", {
      timestamp: int64(times, new TimestampMillisecond()),
      close: f64([100, null, Number.NaN, 102]),
      volume: f64([1, 2, 3, 4]),
    });
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues.map((i) => [i.code, i.file, i.row, i.column])).toEqual([
      ["missing_value", file, 2, "close"],
      ["missing_value", file, 3, "close"],
    ]);
    expect(issues[0]?.message).toBe('missing value "null" on 2024-01-01T01:00Z: a number is required');
    expect(issues[1]?.message).toBe('missing value "NaN" on 2024-01-01T02:00Z: a number is required');
  });

  it("refuses a text price column and a file that is not Arrow", async () => {
    const file = write("wrong.arrow", {
      timestamp: int64(times, new TimestampMillisecond()),
      close: vectorFromArray(close.map(String), new Utf8()),
    });
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "wrong_type", file, column: "close" })]);
    expect(issues[0]?.message).toBe(
      'wrong type: column "close" (close) is Utf8; expected a number type (Float, Int)',
    );
    const fake = tmp.write("fake.arrow", "timestamp,close\n1,2\n");
    expect((await issuesOf(() => loadSeries(fake)))[0]).toMatchObject({
      code: "unreadable_file",
      file: fake,
    });
  });
});
