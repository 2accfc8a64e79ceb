/**
 * The CSV reader on the shapes real files come in: quoting (RFC 4180), CRLF, a BOM, other
 * delimiters, no final newline, column names in any case, explicit mappings, extra and ambiguous
 * columns, and epoch-number timestamps.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadSeries } from "./load.js";
import { issuesOf, tmpFolder } from "./test-util.js";

const tmp = tmpFolder();
afterAll(() => tmp.cleanup());

const DAY1 = Date.UTC(2024, 0, 1);
const DAY2 = Date.UTC(2024, 0, 2);

describe("CSV shapes", () => {
  it("reads quoted fields, escaped quotes, CRLF line ends and a BOM", async () => {
    const text = '\uFEFF"Time","Close ""USD""",note\r\n"2024-01-01","1.5",x\r\n2024-01-02,"2.5","a\r\nb"\r\n';
    const file = tmp.write("quoted.csv", text);
    const { series, report } = await loadSeries(file, { delimiter: ",", columns: { close: 'Close "USD"' } });
    expect(report.fileColumns).toEqual(["Time", 'Close "USD"', "note"]);
    expect(Array.from(series.timesMs)).toEqual([DAY1, DAY2]);
    expect(series.columns["close"]?.[1]).toBe(2.5);
    expect(report.rows).toBe(2);
    expect(series.sourceRows && Array.from(series.sourceRows)).toEqual([2, 3]);
  });

  it("names the quoted cell that is not a number", async () => {
    const file = tmp.write("quoted-bad.csv", 'date,close\n2024-01-01,"1,5"\n');
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "not_a_number", row: 2, column: "close" })]);
  });

  it("detects tab and semicolon delimiters; a last line without newline is read", async () => {
    const tab = tmp.write("tab.tsv", "date\tclose\n2024-01-01\t1\n2024-01-02\t2");
    expect(Array.from((await loadSeries(tab)).series.columns["close"] as Float64Array)).toEqual([1, 2]);
    const semi = tmp.write("semi.csv", "date;close\n2024-01-01;1\n2024-01-02;2\n");
    expect((await loadSeries(semi)).series.timesMs.length).toBe(2);
  });

  it("maps names case-insensitively, keeps optional roles and ignores unknown columns", async () => {
    const header = "Open_Time,OPEN,High,low,Close,Volume,Funding Rate,Mark Price,Index Price,IV,trades";
    const file = tmp.write("roles.csv", `${header}\n2024-01-01,1,2,0.5,1.5,10,0.0001,1.49,1.48,0.7,42\n`);
    const { series, report } = await loadSeries(file);
    expect(Object.keys(series.columns)).toEqual([
      "open",
      "high",
      "low",
      "close",
      "volume",
      "funding",
      "iv",
      "index",
      "mark",
    ]);
    expect(report.mapping).toMatchObject({
      time: "Open_Time",
      funding: "Funding Rate",
      mark: "Mark Price",
      iv: "IV",
    });
    expect(series.columns["funding"]?.[0]).toBe(0.0001);
    const only = await loadSeries(file, { read: "required" });
    expect(Object.keys(only.series.columns)).toEqual(["close"]);
  });

  it("takes an explicit mapping and extra required columns by name", async () => {
    const file = tmp.write("extra.csv", "ts,price,Adj Close\n1704067200,10,9\n1704153600,11,10\n");
    const { series } = await loadSeries(file, {
      columns: { close: "price" },
      require: ["close", "Adj Close"],
    });
    expect(Array.from(series.timesMs)).toEqual([DAY1, DAY2]);
    expect(Array.from(series.columns["Adj Close"] as Float64Array)).toEqual([9, 10]);
    expect(Array.from(series.columns["close"] as Float64Array)).toEqual([10, 11]);
  });

  it("reports ambiguous columns and a mapping to a column that is not there", async () => {
    const file = tmp.write("ambiguous.csv", "date,close,Close\n2024-01-01,1,1\n");
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues[0]).toMatchObject({ code: "ambiguous_column", column: "close" });
    const mapped = await issuesOf(() => loadSeries(file, { columns: { close: "last" } }));
    expect(mapped[0]?.message).toBe('no column "last" (for close); the file has "date", "close", "Close"');
  });

  it("reports an unterminated quote", async () => {
    const file = tmp.write("open-quote.csv", 'date,close\n2024-01-01,1\n2024-01-02,"2\n');
    const issues = await issuesOf(() => loadSeries(file));
    expect(issues).toEqual([expect.objectContaining({ code: "malformed_row", row: 3 })]);
  });
});
