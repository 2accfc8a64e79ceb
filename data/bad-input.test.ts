/**
 * Every kind of bad input, from small CSV fixtures written to a tmp folder. Each case checks the
 * issue's code, file, row (the file line: header = line 1), column and message. Nothing is fixed
 * silently: every case throws one InputError (exit code 2).
 */
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { loadSeries } from "./load.js";
import { issuesOf, tmpFolder } from "./test-util.js";

const tmp = tmpFolder();
afterAll(() => tmp.cleanup());

const HEADER = "timestamp,open,high,low,close,volume";
/** A CSV with the standard header and the given data lines. */
function csv(name: string, ...lines: string[]): string {
  return tmp.write(name, `${[HEADER, ...lines].join("\n")}\n`);
}
const bar = (time: string, close = "100", volume = "5") => `${time},100,101,99,${close},${volume}`;

describe("bad rows", () => {
  it("unsorted timestamps: names the row and both times", async () => {
    const file = csv(
      "unsorted.csv",
      bar("2024-01-01 00:00"),
      bar("2024-01-01 02:00"),
      bar("2024-01-01 01:00"),
    );
    const [issue, ...rest] = await issuesOf(() => loadSeries(file));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "unsorted", file, row: 4, column: "timestamp" });
    expect(issue?.message).toBe(
      "unsorted: 2024-01-01T01:00Z is earlier than 2024-01-01T02:00Z on the row before; rows must be in increasing time order",
    );
  });

  it("duplicate timestamps", async () => {
    const file = csv("dup.csv", bar("2024-01-01T00:00:00Z"), bar("2024-01-01T00:00:00Z"));
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([
      expect.objectContaining({ code: "duplicate_timestamp", file, row: 3, column: "timestamp" }),
    ]);
    expect(issues[0]?.message).toContain("duplicate timestamp 2024-01-01");
  });

  it("NaN, null and empty cells are missing values, named with their date", async () => {
    const file = csv("nan.csv", bar("2024-01-01", "NaN"), bar("2024-01-02", "null"), bar("2024-01-03", ""));
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["missing_value", 2, "close"],
      ["missing_value", 3, "close"],
      ["missing_value", 4, "close"],
    ]);
    expect(issues[0]?.message).toBe('missing value "NaN" on 2024-01-01: a number is required');
    expect(issues[2]?.message).toBe("missing value (empty) on 2024-01-03: a number is required");
  });

  it("zero and negative prices; negative volume", async () => {
    const file = csv(
      "nonpos.csv",
      bar("2024-01-01", "0"),
      bar("2024-01-02", "-3"),
      bar("2024-01-03", "100", "-1"),
    );
    const issues = await issuesOf(() => loadSeries(file));
    const found = issues.map((i) => [i.code, i.row, i.column]);
    expect(found).toContainEqual(["non_positive_price", 2, "close"]);
    expect(found).toContainEqual(["non_positive_price", 3, "close"]);
    expect(found).toContainEqual(["negative_volume", 4, "volume"]);
    expect(issues.find((i) => i.row === 2)?.message).toBe("price must be > 0, found 0 on 2024-01-01");
  });

  it("wrong type: text in a number column", async () => {
    const file = csv("text.csv", bar("2024-01-01", "12abc"));
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([
      expect.objectContaining({ code: "not_a_number", file, row: 2, column: "close" }),
    ]);
    expect(issues[0]?.message).toBe('wrong type: expected a number, found "12abc" on 2024-01-01');
  });

  it("a timestamp that is not one", async () => {
    const file = csv("badtime.csv", bar("2024-02-30"), bar("yesterday"));
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["bad_timestamp", 2, "timestamp"],
      ["bad_timestamp", 3, "timestamp"],
    ]);
    expect(issues[0]?.message).toContain('"2024-02-30" is not a timestamp: expected YYYY-MM-DD');
  });

  it("high/low that do not contain open and close", async () => {
    const file = csv("ohlc.csv", "2024-01-01,100,99,98,100,1");
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "ohlc_inconsistent", row: 2, column: "high" })]);
  });

  it("ragged rows and blank lines inside the data", async () => {
    const file = tmp.write(
      "ragged.csv",
      `${HEADER}\n${bar("2024-01-01")}\n\n2024-01-02,1,2\n${bar("2024-01-03")}\n\n\n`,
    );
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ["blank_line", 3],
      ["ragged_row", 4],
    ]);
    expect(issues[1]?.message).toBe("3 fields, the header has 6; the row was not read");
  });
});

describe("bad files", () => {
  it("missing required column: says which columns exist", async () => {
    const file = tmp.write("nocol.csv", "timestamp,open,high,low\n2024-01-01,1,2,0.5\n");
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "missing_column", file, column: "close" })]);
    expect(issues[0]?.message).toBe('no "close" column; the file has "timestamp", "open", "high", "low"');
  });

  it("missing timestamp column", async () => {
    const file = tmp.write("notime.csv", "when,close\n2024-01-01,1\n");
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues[0]).toMatchObject({ code: "missing_column", column: "time" });
    expect(issues[0]?.message).toContain('the file has "when", "close"');
  });

  it("a gap longer than maxGap names both bars and the missing count", async () => {
    const file = csv("gap.csv", bar("2024-01-01T00:00Z"), bar("2024-01-01T01:00Z"), bar("2024-01-01T05:00Z"));
    const issues = await issuesOf(() => loadSeries(file, { maxGap: "3h" }));
    expect(issues).toEqual([expect.objectContaining({ code: "gap_too_long", file, row: 4 })]);
    expect(issues[0]?.message).toBe(
      `gap from 2024-01-01T01:00Z to 2024-01-01T05:00Z: 3 missing bars (4h between real bars), more than maxGap 3h`,
    );
    const { report, series } = await loadSeries(file, { maxGap: "4h" });
    expect([report.filled, series.timesMs.length]).toEqual([3, 6]);
  });

  it("file not found, unknown extension, bad options", async () => {
    const missing = `${tmp.dir}/nope.csv`;
    expect(await issuesOf(() => loadSeries(missing))).toEqual([
      expect.objectContaining({ code: "file_not_found", file: missing }),
    ]);
    const odd = tmp.write("prices.dat", "x");
    expect((await issuesOf(() => loadSeries(odd)))[0]).toMatchObject({
      code: "bad_option",
      path: "options.format",
    });
    const file = csv("ok.csv", bar("2024-01-01"));
    const bad = await issuesOf(() => loadSeries(file, { maxGap: "soon", from: "March", resample: -1 }));
    expect(bad.map((i) => i.path)).toEqual(["options.from", "options.resample", "options.maxGap"]);
  });

  it("an empty file and a header without rows", async () => {
    const empty = tmp.write("empty.csv", "");
    expect((await issuesOf(() => loadSeries(empty)))[0]?.code).toBe("empty_file");
    const headerOnly = tmp.write("header.csv", `${HEADER}\n`);
    expect((await issuesOf(() => loadSeries(headerOnly)))[0]?.code).toBe("no_rows");
  });
});

describe("collecting", () => {
  it("reports every problem of a file at once, in one InputError with exit code 2", async () => {
    const file = csv(
      "many.csv",
      bar("2024-01-02", "x"),
      bar("2024-01-01"),
      bar("2024-01-03", "-1"),
      bar("2024-01-04", ""),
    );
    const error = await loadSeries(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    const codes = (error as InputError).issues.map((i) => i.code);
    expect(codes).toEqual([
      "not_a_number",
      "missing_value",
      "unsorted",
      "non_positive_price",
      "ohlc_inconsistent",
    ]);
    expect((error as InputError).message).toContain(`${file}: 5 problems`);
  });

  it("lists 50 issues and summarises the rest as 'and N more'", async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      bar(`2024-01-01T00:${String(i).padStart(2, "0")}Z`, "100", "abc"),
    );
    const file = csv("capped.csv", ...lines);
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues.length).toBe(51);
    expect(issues[50]).toEqual({
      code: "more_issues",
      path: "",
      message: "and 10 more problems not listed",
      omitted: 10,
    });
  });
});
