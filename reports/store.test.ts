import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { InputError } from "../engine/errors.js";
import { queryRun, readParquet, writeParquet } from "./store.js";
import type { ColumnTable } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "ballast-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 5 000 rows: more than two 2048-row chunks, with values that are not short decimals. */
function sample(n = 5000): ColumnTable {
  return {
    length: n,
    columns: {
      path: Int32Array.from({ length: n }, (_, i) => n - 1 - i),
      pnl: Float64Array.from({ length: n }, (_, i) => Math.PI * (i - 2500) * 1e-3 + 1 / (i + 3)),
      type: Array.from({ length: n }, (_, i) => ["trade", "liquidation", "oracle 'x'"][i % 3] as string),
      timeMs: Array.from({ length: n }, (_, i) => 1_704_067_200_000 + i * 3_600_000),
    },
  };
}

describe("writeParquet / readParquet", () => {
  test("round trip preserves every value exactly and the row order", async () => {
    const t = sample();
    const file = join(dir, "round.parquet");
    await writeParquet(file, t);
    const rows = await readParquet(file);
    expect(rows.length).toBe(t.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(["path", "pnl", "type", "timeMs"]);
    rows.forEach((r, i) => {
      expect(r["path"]).toBe((t.columns["path"] as Int32Array)[i]);
      expect(r["pnl"]).toBe((t.columns["pnl"] as Float64Array)[i]);
      expect(r["type"]).toBe((t.columns["type"] as string[])[i]);
      expect(r["timeMs"]).toBe((t.columns["timeMs"] as number[])[i]);
    });
  });

  test("stores Float64Array/number[] as DOUBLE, Int32Array as INTEGER, string[] as VARCHAR", async () => {
    await writeParquet(join(dir, "paths.parquet"), sample(10));
    const cols = await queryRun(dir, "SELECT column_name, column_type FROM (DESCRIBE paths)");
    expect(cols).toEqual([
      { column_name: "path", column_type: "INTEGER" },
      { column_name: "pnl", column_type: "DOUBLE" },
      { column_name: "type", column_type: "VARCHAR" },
      { column_name: "timeMs", column_type: "DOUBLE" },
    ]);
  });

  test("identical input gives byte-identical files", async () => {
    await writeParquet(join(dir, "a.parquet"), sample());
    await writeParquet(join(dir, "b.parquet"), sample());
    expect(readFileSync(join(dir, "a.parquet")).equals(readFileSync(join(dir, "b.parquet")))).toBe(true);
  });

  test("an empty table keeps its schema; pinned types apply to empty plain arrays", async () => {
    const file = join(dir, "empty.parquet");
    const types = { path: "INTEGER", note: "VARCHAR", x: "DOUBLE" } as const;
    await writeParquet(file, { columns: { path: [], note: [], x: [] }, length: 0, types });
    expect(await readParquet(file)).toEqual([]);
    const schema = await queryRun(
      dir,
      `SELECT type FROM parquet_schema('${file}') WHERE name <> 'duckdb_schema'`,
    );
    expect(schema.map((r) => r["type"])).toEqual(["INT32", "BYTE_ARRAY", "DOUBLE"]);
  });

  test("rejects columns of the wrong length or mixed kinds, listing each, and writes nothing", async () => {
    const file = join(dir, "bad.parquet");
    const bad: ColumnTable = { length: 3, columns: { a: Float64Array.of(1, 2), b: [1, "x", 3] as number[] } };
    const error = await writeParquet(file, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => [i.code, i.path])).toEqual([
      ["length_mismatch", "t.a"],
      ["bad_value", "t.b"],
    ]);
    expect(existsSync(file)).toBe(false);
  });

  test("rejects an INTEGER pin on non-integers and on a Float64Array", async () => {
    const t1: ColumnTable = { length: 1, columns: { p: [1.5] }, types: { p: "INTEGER" } };
    await expect(writeParquet(join(dir, "x.parquet"), t1)).rejects.toThrow(/32-bit integers/);
    const t2: ColumnTable = { length: 1, columns: { p: Float64Array.of(1) }, types: { p: "INTEGER" } };
    await expect(writeParquet(join(dir, "x.parquet"), t2)).rejects.toThrow(/cannot be stored as INTEGER/);
  });
});

describe("queryRun", () => {
  test("opens the run's parquet files as views and returns numbers, not bigints", async () => {
    const run = mkdtempSync(join(dir, "run-"));
    await writeParquet(join(run, "paths.parquet"), sample(100));
    const rows = await queryRun(run, "SELECT count(*) AS n, sum(path) AS s, min(type) AS t FROM paths");
    expect(rows).toEqual([{ n: 100, s: 4950, t: "liquidation" }]);
    await expect(queryRun(run, "SELECT * FROM events")).rejects.toThrow(/events/);
  });
});
