/**
 * Hostile data files behind a replay scenario, each run through `main()` in-process: exit code 2
 * naming the file and, where there is one, the row and column; never a hang, a stack trace or a
 * run folder. Files are built at test time (a FIFO and /dev/zero stand for endless inputs).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ballast, expectRefused, workDir, writeCase } from "./harness.js";

const dir = workDir();
const out = join(dir, "runs");

function replay(
  data: string,
  extra = "",
  clock = "clock: { start: 2024-01-01T00:00:00Z, horizon: 4h, step: 1h }",
): string {
  return writeCase(
    dir,
    `replay-${data.replace(/\W+/g, "-")}.yaml`,
    `name: replay\n${clock}\nmarket: { assets: { ETH: { data: { file: ${JSON.stringify(data)}${extra} } } } }\n`,
  );
}

/** Writes `text` as data file `name` and runs a replay of it on `clock`. */
async function runOn(name: string, text: string, clock: string) {
  writeCase(dir, name, text);
  return ballast(["run", replay(join(dir, name), "", clock), "--quiet", "--out", out]);
}

const hour = (h: number) => `2024-01-01T${String(h).padStart(2, "0")}:00:00Z`;
const csv = (rows: readonly string[]) => `time,close\n${rows.join("\n")}\n`;
const GOOD_ROWS = [0, 1, 2, 3, 4, 5].map((h) => `${hour(h)},${2000 + h}`);

/** [what, file name, contents, the place the message must name]. */
const CASES: readonly [string, string, string | Uint8Array, RegExp][] = [
  ["an empty CSV", "empty.csv", "", /empty\.csv: the file is empty/],
  ["a header and no rows", "header.csv", "time,close\n", /header\.csv: the file has no data rows/],
  ["a row cut short", "cut.csv", `${csv(GOOD_ROWS)}${hour(6)}`, /cut\.csv: row 8/],
  [
    "binary bytes",
    "binary.csv",
    Uint8Array.from({ length: 2048 }, (_, i) => (i * 97 + 13) % 256),
    /binary\.csv/,
  ],
  [
    "unsorted times",
    "unsorted.csv",
    csv([GOOD_ROWS[0], GOOD_ROWS[2], GOOD_ROWS[1], GOOD_ROWS[3], GOOD_ROWS[4]] as string[]),
    /unsorted\.csv: row 4/,
  ],
  [
    "a duplicated time",
    "dup.csv",
    csv([...GOOD_ROWS.slice(0, 3), GOOD_ROWS[2] as string, ...GOOD_ROWS.slice(3)]),
    /dup\.csv: row 5/,
  ],
  [
    "mixed offsets naming one instant twice",
    "offsets.csv",
    csv([
      "2024-01-01T00:00:00Z,2000",
      "2024-01-01T01:00:00+01:00,2001",
      "2024-01-01T02:00:00Z,2002",
      "2024-01-01T03:00:00Z,2003",
      "2024-01-01T04:00:00Z,2004",
    ]),
    /offsets\.csv: row 3/,
  ],
  [
    "a negative price",
    "negative.csv",
    csv(GOOD_ROWS.map((r, i) => (i === 2 ? `${hour(2)},-5` : r))),
    /negative\.csv: row 4: close: price must be > 0, found -5/,
  ],
  [
    "a zero price",
    "zero.csv",
    csv(GOOD_ROWS.map((r, i) => (i === 3 ? `${hour(3)},0` : r))),
    /zero\.csv: row 5: close: price must be > 0, found 0/,
  ],
  ["NaN text", "nan.csv", csv(GOOD_ROWS.map((r, i) => (i === 1 ? `${hour(1)},NaN` : r))), /nan\.csv: row 3/],
  [
    "a price of 1e308",
    "huge.csv",
    csv(GOOD_ROWS.map((r, i) => (i === 1 ? `${hour(1)},1e308` : r))),
    /huge\.csv: row 3: close: close must be of magnitude ≤ 1e\+15, found 1e\+308/,
  ],
  [
    "a denormal price",
    "tiny.csv",
    csv(GOOD_ROWS.map((r, i) => (i === 1 ? `${hour(1)},5e-324` : r))),
    /tiny\.csv: row 3: close: price must be > 0 and ≥ 1e-12/,
  ],
  [
    "Infinity",
    "inf.csv",
    csv(GOOD_ROWS.map((r, i) => (i === 1 ? `${hour(1)},Infinity` : r))),
    /inf\.csv: row 3/,
  ],
  ["a missing column", "nocol.csv", "time,open\n2024-01-01T00:00:00Z,1\n", /nocol\.csv.*close/],
  [
    "truncated Parquet",
    "cut.parquet",
    Uint8Array.from([80, 65, 82, 49, 1, 2, 3, 4, 5]),
    /cut\.parquet: cannot read as Parquet/,
  ],
  ["an empty Parquet file", "empty.parquet", "", /empty\.parquet: the file is empty/],
  ["truncated Arrow", "cut.arrow", Uint8Array.from([65, 82, 82, 79, 87, 49, 0, 0, 1, 2]), /cut\.arrow/],
];

describe("hostile data files: exit 2 naming the file and row", () => {
  it.each(CASES)("%s", async (_what, name, contents, place) => {
    writeCase(dir, name, contents);
    expectRefused(await ballast(["run", replay(join(dir, name)), "--quiet", "--out", out]), place, out);
  });

  it("120 bad rows: counted as 120, 50 listed, and the rest summarised in one line", async () => {
    const rows = Array.from(
      { length: 240 },
      (_, i) => `${new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()},${i % 2 ? -1 : 100}`,
    );
    const r = await runOn(
      "many.csv",
      csv(rows),
      "clock: { start: 2024-01-01T00:00:00Z, horizon: 3h, step: 1m }",
    );
    expectRefused(r, /120 problems/, out);
    expect(r.err.match(/^ {2}- .*many\.csv: row \d+: close: price must be > 0/gm)).toHaveLength(50);
    expect(r.err).toMatch(/\n {2}- and 70 more problems not listed\n/);
    expect(r.err).not.toMatch(/- : /);
  });

  it("a replay asking for more than its data: refused naming the data's range", async () => {
    const r = await runOn(
      "short.csv",
      csv(GOOD_ROWS),
      "clock: { start: 2024-01-01T00:00:00Z, horizon: 365d, step: 1h }",
    );
    expectRefused(
      r,
      /clock: the clock asks for 2024-01-01T00:00:00\.000Z to 2024-12-31T00:00:00\.000Z but the data cover only 2024-01-01T00:00:00\.000Z to 2024-01-01T05:00:00\.000Z/,
      out,
    );
  });

  it("a book worth more than 1e11 at the replay's first price: refused once the data are read", async () => {
    writeCase(dir, "worth.csv", csv(GOOD_ROWS));
    const f = writeCase(
      dir,
      "worth.yaml",
      `name: worth\nclock: { start: 2024-01-01T00:00:00Z, horizon: 4h, step: 1h }\nmarket: { assets: { ETH: { data: { file: ${JSON.stringify(join(dir, "worth.csv"))} } } } }\nbook: [ { kind: perp, underlying: ETH, qty: 1.0e9, collateral: 1000 } ]\n`,
    );
    expectRefused(
      await ballast(["run", f, "--quiet", "--out", out]),
      /book\[0\]: worth 2\.000e\+12 in the quote at the start/,
      out,
    );
  });

  it("a data file that is a FIFO, a character device or a directory: refused at once", async () => {
    const fifo = join(dir, "prices.csv");
    execFileSync("mkfifo", [fifo]);
    expectRefused(
      await ballast(["run", replay(fifo), "--quiet", "--out", out]),
      /prices\.csv: it is a FIFO/,
      out,
    );
    expectRefused(
      await ballast(["run", replay("/dev/zero", ", format: csv"), "--quiet", "--out", out]),
      /\/dev\/zero: it is a character device/,
      out,
    );
    const folder = join(dir, "folder.csv");
    mkdirSync(folder);
    expectRefused(
      await ballast(["run", replay(folder), "--quiet", "--out", out]),
      /folder\.csv: it is a directory/,
      out,
    );
  });
});
