/**
 * A run folder written from pieces (the blocks of a run) is the folder written from the whole
 * tables at once, byte for byte, however the rows are split — across DuckDB's 2 048-row chunk
 * boundaries too — and whether DuckDB kept the tables in memory or spilled them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type RunSource, writeRunFolder, writeRunFolderFrom } from "./run-folder.js";
import type { ColumnTable, RunResults } from "./types.js";

const root = mkdtempSync(join(tmpdir(), "ballast-pieces-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const N = 20_000;

function whole(): RunResults {
  const events = 3 * N;
  return {
    manifest: { version: "0.1.0", scenarioName: "pieces", scenarioHash: "h", seed: 3, paths: N },
    paths: {
      length: N,
      columns: {
        path: Int32Array.from({ length: N }, (_, i) => i),
        pnl: Float64Array.from({ length: N }, (_, i) => Math.sin(i) * 1000),
        // NULL every 7th row
        fees: Float64Array.from({ length: N }, (_, i) => (i % 7 === 0 ? Number.NaN : i / 3)),
        trades: Int32Array.from({ length: N }, (_, i) => i % 11),
      },
    },
    events: {
      length: events,
      columns: {
        time: Array.from({ length: events }, (_, i) => 1_700_000_000_000 + i * 1000),
        path: Array.from({ length: events }, (_, i) => Math.floor(i / 3)),
        type: Array.from({ length: events }, (_, i) => (i % 3 === 0 ? "trade" : "settlement")),
        venue: Array.from({ length: events }, (_, i) => (i % 5 === 0 ? null : "perp")),
        size: Array.from({ length: events }, (_, i) => i / 9),
      },
    },
  };
}

/** Rows [a, b) of a table. */
function rows(t: ColumnTable, a: number, b: number): ColumnTable {
  const columns = Object.fromEntries(Object.entries(t.columns).map(([k, v]) => [k, v.slice(a, b)]));
  return { columns, length: b - a } as ColumnTable;
}

/** The tables of `r` cut at the path boundaries `cuts` (events follow their paths). */
function piecesOf(r: RunResults, cuts: readonly number[]): RunSource {
  const bounds = [0, ...cuts, N];
  return {
    rows: N,
    async *pieces() {
      for (let i = 0; i + 1 < bounds.length; i++) {
        const [a, b] = [bounds[i] as number, bounds[i + 1] as number];
        yield { paths: rows(r.paths, a, b), events: rows(r.events as ColumnTable, 3 * a, 3 * b) };
      }
    },
    manifest: () => r.manifest,
  };
}

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

describe("writeRunFolderFrom", () => {
  test("any split of the rows gives the bytes of the whole tables", async () => {
    const r = whole();
    const one = files(await writeRunFolder(join(root, "one"), "run", r));
    expect([...one.keys()].sort()).toEqual([
      "events.parquet",
      "paths.parquet",
      "report.html",
      "report.md",
      "summary.json",
    ]);
    const splits = [[1, 2047, 2048, 2049, 15_000], Array.from({ length: 10 }, (_, i) => (i + 1) * 1999)];
    for (const [k, cuts] of splits.entries()) {
      const dir = await writeRunFolderFrom(join(root, `split-${k}`), "run", piecesOf(r, cuts));
      const got = files(dir);
      expect([...got.keys()].sort()).toEqual([...one.keys()].sort());
      for (const [name, bytes] of one)
        expect((got.get(name) as Buffer).equals(bytes), `${name} split ${k}`).toBe(true);
    }
  });
});
