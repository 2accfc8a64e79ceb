/**
 * `accounts.parquet`: one row per sampled path, grid point and venue account, on a scenario with
 * a loan and a perp (scenarios/examples/loan-perp-hedge.yaml). Each row is recomputed from the
 * scenario's figures and the market price — 10 ETH of collateral at LT 0.825 and LTV 0.8 against
 * 0.6 × 30 000 of debt (both accruing interest); a short of 5 ETH from 3 000 on 6 000 of margin, mmf 0.03, imf 0.05, less
 * the funding logged in events.parquet before the grid point — until the account's first liquidation; and the book-level
 * columns of series.parquet are checked to be the least / greatest / sum over the account rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScenario } from "../cli/run-command.js";
import { queryRun } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "ballast-accounts-"));
let run = "";

beforeAll(async () => {
  const file = join(ROOT, "scenarios/examples/loan-perp-hedge.yaml");
  run = await runScenario(file, { out, quiet: true, paths: 6 });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const one = async (sql: string) => (await queryRun(run, sql))[0] as Record<string, unknown>;

/** Rows before the account's first liquidation (the whole path when it has none). */
const BEFORE_LIQUIDATION = `
  a.time < coalesce((SELECT min(e.time) FROM events e WHERE e.type = 'liquidation' AND e.account = 'trader'
                     AND e.venue = a.venue AND e.path = a.path), TIMESTAMP '9999-01-01')`;

describe("accounts.parquet", () => {
  test("one row per sampled (path, time) and venue account, typed as documented", async () => {
    const n = await one(`SELECT (SELECT count(*) FROM series) AS s, (SELECT count(*) FROM accounts) AS a,
      (SELECT count(DISTINCT path) FROM accounts) AS paths,
      (SELECT string_agg(DISTINCT venue || '/' || account, ',' ORDER BY venue || '/' || account) FROM accounts) AS names`);
    expect(n["paths"]).toBe(4);
    expect(n["a"]).toBe(2 * (n["s"] as number));
    expect(n["names"]).toBe("lend/trader,perp/trader");
    const types = Object.fromEntries(
      (await queryRun(run, "SELECT column_name AS c, column_type AS t FROM (DESCRIBE accounts)")).map((r) => [
        r["c"],
        r["t"],
      ]),
    );
    expect(types).toMatchObject({ path: "INTEGER", time: "TIMESTAMP", venue: "VARCHAR", debt: "DOUBLE" });
    const nulls = await one(`SELECT
      count(*) FILTER (WHERE venue = 'perp' AND (healthFactor IS NOT NULL OR debt IS NOT NULL)) AS perp,
      count(*) FILTER (WHERE venue = 'lend' AND marginRatio IS NOT NULL) AS lend FROM accounts`);
    expect(nulls).toEqual({ perp: 0, lend: 0 });
  });

  test("the loan's rows follow from its collateral and debt, until it is liquidated", async () => {
    const r = await one(`SELECT count(*) AS n,
        max(abs(a.collateralValue - 10 * s.price) / (10 * s.price)) FILTER (WHERE a.time = TIMESTAMP '2024-01-01') AS coll0,
        max(a.collateralValue / s.price - 10) / 10 AS supplied, min(a.collateralValue / s.price - 10) AS lost,
        max(abs(a.healthFactor - a.collateralValue * 0.825 / a.debt) / a.healthFactor) AS hf,
        max(abs(a.marginUtilisation - a.debt / (a.collateralValue * 0.8)) / a.marginUtilisation) AS util,
        max(abs(a.debt - 18000) / 18000) FILTER (WHERE a.time = TIMESTAMP '2024-01-01') AS debt0,
        min(a.debt - 18000) AS accrued
      FROM accounts a JOIN series s USING (path, time) WHERE a.venue = 'lend' AND ${BEFORE_LIQUIDATION}`);
    expect(r["n"] as number).toBeGreaterThan(100);
    for (const k of ["coll0", "hf", "util", "debt0"]) expect(r[k] as number).toBeLessThan(1e-12);
    // Collateral is 10 ETH at the market price, plus the supply interest earned over ≤ 30 days.
    expect(r["lost"] as number).toBeGreaterThan(-1e-9);
    expect(r["supplied"] as number).toBeLessThan(0.01);
    expect(r["accrued"] as number).toBeGreaterThanOrEqual(0);
  });

  test("the perp's rows follow from its position, the price and the funding paid, until it is liquidated", async () => {
    const r = await one(`WITH f AS (
        SELECT a.path, a.time, a.collateralValue, a.marginRatio, a.marginUtilisation, s.price,
          6000 - 5 * (s.price - 3000) - coalesce((SELECT sum(e.funding) FROM events e WHERE e.type = 'funding'
            AND e.account = 'trader' AND e.venue = 'perp' AND e.path = a.path AND e.time < a.time), 0) AS balance
        FROM accounts a JOIN series s USING (path, time) WHERE a.venue = 'perp' AND ${BEFORE_LIQUIDATION})
      SELECT count(*) AS n, max(abs(collateralValue - balance) / balance) AS balance,
        max(abs(marginRatio - 0.03 * 5 * price / balance) / marginRatio) AS ratio,
        max(abs(marginUtilisation - 0.05 * 5 * price / balance) / marginUtilisation) AS util FROM f`);
    expect(r["n"] as number).toBeGreaterThan(100);
    for (const k of ["balance", "ratio", "util"]) expect(r[k] as number).toBeLessThan(1e-9);
  });

  test("series' book-level columns are the worst and the sums over the account rows", async () => {
    const r = await one(`WITH g AS (
        SELECT path, time, min(healthFactor) AS hf, max(marginRatio) AS ratio,
          sum(collateralValue) AS coll, coalesce(sum(debt), 0) AS debt FROM accounts GROUP BY path, time)
      SELECT count(*) AS n,
        count(*) FILTER (WHERE s.healthFactor IS DISTINCT FROM g.hf AND abs(s.healthFactor - g.hf) > 1e-9 * abs(g.hf)) AS hf,
        count(*) FILTER (WHERE s.marginRatio IS DISTINCT FROM g.ratio AND abs(s.marginRatio - g.ratio) > 1e-9 * abs(g.ratio)) AS ratio,
        max(abs(s.collateralValue - g.coll)) AS coll, max(abs(s.debt - g.debt)) AS debt
      FROM series s JOIN g USING (path, time)`);
    const s = await one("SELECT count(*) AS n FROM series");
    expect(r["n"]).toBe(s["n"]);
    expect({ hf: r["hf"], ratio: r["ratio"] }).toEqual({ hf: 0, ratio: 0 });
    expect(r["coll"] as number).toBeLessThan(1e-6);
    expect(r["debt"] as number).toBeLessThan(1e-6);
  });
});
