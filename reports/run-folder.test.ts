import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { InputError } from "../engine/errors.js";
import { writeRunFolder } from "./run-folder.js";
import { ACCOUNT_COLUMN_DOCS } from "./schema-accounts.js";
import { queryRun } from "./store.js";
import type { RunResults } from "./types.js";

const root = mkdtempSync(join(tmpdir(), "ballast-run-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh, empty output root per test. */
function outRoot(): string {
  return join(root, `out-${++n}`);
}

function results(withSeries = true): RunResults {
  const paths = 50;
  return {
    manifest: { version: "0.1.0", scenarioName: "demo", scenarioHash: "sha256:1", seed: 7, paths },
    paths: {
      length: paths,
      columns: {
        path: Int32Array.from({ length: paths }, (_, i) => i),
        pnl: Float64Array.from({ length: paths }, (_, i) => Math.sin(i) * 1000),
        fees: Float64Array.from({ length: paths }, (_, i) => 1 + i / 7),
      },
    },
    events: {
      length: 2,
      columns: { timeMs: [1000, 2000], path: [3, 4], type: ["liquidation", "trade"], size: [1.5, -2] },
    },
    ...(withSeries
      ? { series: { length: 3, columns: { path: [0, 0, 1], timeMs: [0, 1, 0], price: [1, 2, 3] } } }
      : {}),
  };
}

describe("writeRunFolder", () => {
  test("writes summary.json, report.md and the parquet files into <outRoot>/<name>", async () => {
    const out = outRoot();
    const dir = await writeRunFolder(out, "demo", results());
    expect(dir).toBe(join(out, "demo"));
    expect(readdirSync(dir).sort()).toEqual([
      "accounts.parquet",
      "events.parquet",
      "paths.parquet",
      "report.html",
      "report.md",
      "series.parquet",
      "summary.json",
    ]);
    expect(readdirSync(out)).toEqual(["demo"]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.manifest.seed).toBe(7);
    expect(summary.metrics.pnl.n).toBe(50);
    const rows = await queryRun(
      dir,
      "SELECT (SELECT count(*) FROM paths) AS p, (SELECT count(*) FROM events) AS e",
    );
    expect(rows).toEqual([{ p: 50, e: 2 }]);
    // No account rows given: an empty accounts table with the documented schema, next to series.
    const accounts = await queryRun(dir, "SELECT column_name AS c FROM (DESCRIBE accounts)");
    expect(accounts.map((r) => r["c"])).toEqual(ACCOUNT_COLUMN_DOCS.map((c) => c.name));
    expect(await queryRun(dir, "SELECT count(*) AS n FROM accounts")).toEqual([{ n: 0 }]);
  });

  test("writes an empty events.parquet with the event schema when there are no events, no series file", async () => {
    const { events: _e, series: _s, ...bare } = results(false);
    const dir = await writeRunFolder(outRoot(), "bare", bare);
    expect(existsSync(join(dir, "series.parquet"))).toBe(false);
    const cols = await queryRun(dir, "SELECT column_name AS c, column_type AS t FROM (DESCRIBE events)");
    // The documented schema, written out by hand: a change to it must change this test too.
    expect(cols.map((r) => `${r["c"]}:${r["t"]}`)).toEqual([
      "time:TIMESTAMP",
      "path:INTEGER",
      "type:VARCHAR",
      "venue:VARCHAR",
      "account:VARCHAR",
      "asset:VARCHAR",
      "size:DOUBLE",
      "price:DOUBLE",
      ...["fee", "slippage", "gas", "funding", "cash", "debtRepaid", "collateralSeized", "bonus"].map(
        (c) => `${c}:DOUBLE`,
      ),
      ...[
        "protocolFee",
        "healthFactorBefore",
        "healthFactorAfter",
        "marginRatioBefore",
        "marginRatioAfter",
      ].map((c) => `${c}:DOUBLE`),
      "marginBalanceAfter:DOUBLE",
      "liquidator:VARCHAR",
      "badDebt:DOUBLE",
      "insuranceDraw:DOUBLE",
      "detail:VARCHAR",
    ]);
    expect(await queryRun(dir, "SELECT * FROM events")).toEqual([]);
  });

  test("writing the same results twice gives the next free name and byte-identical files", async () => {
    const out = outRoot();
    const a = await writeRunFolder(out, "same", results());
    const b = await writeRunFolder(out, "same", results());
    const c = await writeRunFolder(out, "same", results());
    expect([b, c]).toEqual([join(out, "same-2"), join(out, "same-3")]);
    for (const f of ["summary.json", "report.md", "paths.parquet", "events.parquet", "series.parquet"]) {
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    }
  });

  test("overwrite replaces an existing folder and leaves no aside copy", async () => {
    const out = outRoot();
    const first = await writeRunFolder(out, "run", results());
    writeFileSync(join(first, "stale.txt"), "old");
    const again = await writeRunFolder(out, "run", results(false), { overwrite: true });
    expect(again).toBe(first);
    expect(readdirSync(out)).toEqual(["run"]);
    expect(existsSync(join(again, "stale.txt"))).toBe(false);
    expect(existsSync(join(again, "series.parquet"))).toBe(false);
  });

  test("an error mid-write leaves neither the final folder nor the temporary one", async () => {
    const out = outRoot();
    const good = results();
    // paths.parquet is written before events fail to check, so the temporary folder is not empty.
    const broken: RunResults = {
      ...good,
      events: { length: 3, columns: { timeMs: [1, 2], type: ["a", "b", "c"] } },
    };
    const error = await writeRunFolder(out, "broken", broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ code: "length_mismatch", path: "events.timeMs" });
    expect(readdirSync(out)).toEqual([]);
  });

  test("rejects a run name that is not a plain folder name", async () => {
    const out = outRoot();
    for (const name of ["", "a/b", ".hidden", "..", "a\\b"]) {
      await expect(writeRunFolder(out, name, results())).rejects.toThrow(
        /name: found .*allowed: a non-empty folder name/,
      );
    }
    expect(existsSync(out)).toBe(false);
  });
});
