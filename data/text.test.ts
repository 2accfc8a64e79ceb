/**
 * Parsing of timestamps and numbers from text. Properties: the byte-level number parser agrees
 * exactly with `Number()` on every plain decimal (checked on 20 000 LCG-generated ones); times agree
 * with `Date.parse` on every accepted form; malformed input gives NaN, never a guess.
 */
import { describe, expect, it } from "vitest";
import { parseNumberBytes } from "./number-text.js";
import { formatTime, parseDateBytes, parseTimeOption, TimeReader } from "./time-text.js";

const enc = new TextEncoder();
const num = (s: string) => parseNumberBytes(enc.encode(s), 0, enc.encode(s).length);
const date = (s: string) => parseDateBytes(enc.encode(s), 0, enc.encode(s).length);

describe("numbers", () => {
  it("equal Number() on plain decimals, including > 15 digits and exponents", () => {
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
    for (let i = 0; i < 20_000; i++) {
      const intPart = String(next() % 100_000);
      const frac = String(next()).slice(0, 1 + (next() % 10));
      const text = `${i % 3 === 0 ? "-" : ""}${intPart}.${frac}`;
      if (num(text) !== Number(text)) throw new Error(`${text}: ${num(text)} ≠ ${Number(text)}`);
    }
    for (const t of [
      "0",
      "+7",
      ".5",
      "5.",
      "123456789012345678",
      "0.1234567890123456789",
      "1e-3",
      "2.5E6",
      "22133497059",
    ])
      expect(num(t)).toBe(Number(t));
  });

  it("are NaN for anything else", () => {
    for (const t of ["", "-", ".", "NaN", "Infinity", "0x10", "1,5", " 1", "1 ", "1e", "12abc", "--1"])
      expect(num(t)).toBeNaN();
  });
});

describe("timestamps", () => {
  it("accept ISO dates and date-times in UTC or with an offset", () => {
    const cases: [string, string][] = [
      ["2020-03-12", "2020-03-12T00:00:00Z"],
      ["2020-03-12T10:00:00Z", "2020-03-12T10:00:00Z"],
      ["2021-12-31 23:01:00.000000", "2021-12-31T23:01:00Z"],
      ["2021-12-31 23:01:00.123456", "2021-12-31T23:01:00.123Z"],
      ["2020-03-12T10:00", "2020-03-12T10:00:00Z"],
      ["2020-03-12T10:00:00+02:00", "2020-03-12T08:00:00Z"],
      ["2020-03-12T10:00:00-0530", "2020-03-12T15:30:00Z"],
      ["2024-02-29", "2024-02-29T00:00:00Z"],
      ["1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"],
    ];
    for (const [text, iso] of cases) expect([text, date(text)]).toEqual([text, Date.parse(iso)]);
  });

  it("refuse impossible dates and malformed text", () => {
    for (const t of [
      "2023-02-29",
      "2020-13-01",
      "2020-00-10",
      "2020-01-32",
      "2020-01-01T24:00",
      "2020-01-01T10:60",
      "2020-01-01X10:00",
      "2020-01-01T10:00Zjunk",
      "2020-1-1",
      "2020-01-01T10:00:00.",
    ])
      expect([t, date(t)]).toEqual([t, Number.NaN]);
  });

  it("read epoch numbers in the unit given, or by magnitude of the first one", () => {
    const ms = Date.UTC(2022, 0, 1);
    expect(new TimeReader().readText(String(ms / 1000))).toBe(ms);
    expect(new TimeReader().readText(String(ms))).toBe(ms);
    expect(new TimeReader().readText(String(ms * 1000))).toBe(ms);
    expect(new TimeReader().readText(`${ms}000000`)).toBe(ms);
    expect(new TimeReader("ms").readText("86400000")).toBe(86_400_000);
    const reader = new TimeReader();
    expect([reader.readText("1640995200"), reader.readText("1640995260")]).toEqual([ms, ms + 60_000]);
  });

  it("options take ISO text or epoch ms; formatTime is short and UTC", () => {
    expect(parseTimeOption("2020-03-12")).toBe(Date.UTC(2020, 2, 12));
    expect(parseTimeOption(1_000)).toBe(1_000);
    expect(parseTimeOption("March")).toBeNaN();
    expect(formatTime(Date.UTC(2020, 3, 17))).toBe("2020-04-17");
    expect(formatTime(Date.UTC(2020, 1, 19, 11))).toBe("2020-02-19T11:00Z");
    expect(formatTime(Date.UTC(2020, 1, 19, 11, 0, 5))).toBe("2020-02-19T11:00:05Z");
  });
});
