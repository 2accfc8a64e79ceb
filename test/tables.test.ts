/**
 * The run folder's tables as a DuckDB user sees them: documented types (TIMESTAMP, INTEGER), NULL
 * for what does not apply, and a liquidation row that carries its figures as columns. Expected
 * figures of the Black Thursday loan are worked by hand in test/bad-debt.test.ts: the keeper lands
 * at 13 Mar 00:00 with the oracle at 107.82 and seizes all 10 ETH.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScenario } from "../cli/run-command.js";
import { queryRun } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "ballast-tables-"));
let loan = "";
let demo = "";

beforeAll(async () => {
  loan = await runScenario(join(ROOT, "scenarios/examples/black-thursday-loan.yaml"), { out, quiet: true });
  demo = await runScenario(undefined, { out, quiet: true, paths: 12 });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const one = async (dir: string, sql: string) => (await queryRun(dir, sql))[0] as Record<string, unknown>;

describe("typed tables", () => {
  test("times are TIMESTAMP (UTC), counts INTEGER", async () => {
    const types = async (table: string) =>
      Object.fromEntries(
        (await queryRun(demo, `SELECT column_name AS c, column_type AS t FROM (DESCRIBE ${table})`)).map(
          (r) => [r["c"], r["t"]],
        ),
      );
    expect((await types("events"))["time"]).toBe("TIMESTAMP");
    expect((await types("series"))["time"]).toBe("TIMESTAMP");
    const paths = await types("paths");
    for (const c of ["path", "trades", "rejected", "liquidations"]) expect(paths[c]).toBe("INTEGER");
    const first = await one(demo, "SELECT CAST(min(time) AS VARCHAR) AS t FROM series");
    expect(first["t"]).toBe("2024-01-01 00:00:00");
  });

  test("no NaN anywhere; what does not apply is NULL", async () => {
    const nan = await one(
      demo,
      `SELECT count(*) FILTER (WHERE isnan(pnl) OR isnan(firstLiquidationHours) OR isnan(peakMarginUtilisation)) AS p,
              (SELECT count(*) FILTER (WHERE isnan(healthFactor) OR isnan(oracle)) FROM series) AS s
       FROM paths`,
    );
    expect(nan).toEqual({ p: 0, s: 0 });
    const perp = await one(
      demo,
      `SELECT count(*) FILTER (WHERE liquidations = 0 AND firstLiquidationHours IS NULL) AS unliquidated,
              count(*) FILTER (WHERE liquidations = 0) AS n FROM paths`,
    );
    expect(perp["unliquidated"]).toBe(perp["n"]);
    // The demo has a perp and no loan: margin ratio known, health factor NULL.
    const s = await one(
      demo,
      "SELECT count(healthFactor) AS hf, count(marginRatio) AS mr, count(*) AS n FROM series",
    );
    expect(s["hf"]).toBe(0);
    expect(s["mr"]).toBe(s["n"]);
    // The loan's oracle is an hour late: no oracle price at the start nor at the 01:00 tick (the
    // column holds the reading landed before that instant's publication).
    const o = await one(loan, "SELECT count(*) FILTER (WHERE oracle IS NULL) AS missing FROM series");
    expect(o["missing"]).toBe(2);
  });

  test("trades carry fee, slippage and gas as their own columns, and no liquidation figures", async () => {
    const t = await one(
      demo,
      `SELECT count(*) AS n, count(fee) AS fee, count(slippage) AS slip, count(gas) AS gas, count(debtRepaid) AS debt
       FROM events WHERE type = 'trade'`,
    );
    expect(t["n"]).toBeGreaterThan(0);
    expect(t).toEqual({ n: t["n"], fee: t["n"], slip: t["n"], gas: t["n"], debt: 0 });
    // fee = 5 bp taker on the notional (demo: taker 0.0005)
    const f = await one(
      demo,
      "SELECT max(abs(fee - 0.0005 * abs(size) * price)) AS err FROM events WHERE type = 'trade'",
    );
    expect(f["err"] as number).toBeLessThan(1e-9);
  });

  test("a loan's liquidation row names venue and liquidator and carries its figures", async () => {
    const r = await one(
      loan,
      `SELECT CAST(time AS VARCHAR) AS t, venue, liquidator, price, debtRepaid, collateralSeized, bonus,
              protocolFee, healthFactorBefore, healthFactorAfter, badDebt, marginRatioBefore
       FROM events WHERE type = 'liquidation' AND account = 'trader'`,
    );
    expect(r["t"]).toBe("2020-03-13 00:00:00");
    expect(r["venue"]).toBe("lend");
    expect(String(r["liquidator"])).toContain("keeper");
    expect(r["price"]).toBeCloseTo(107.82, 9);
    // All 10 ETH (plus a few days' supply interest) at 107.82; they repay collateral / 1.05.
    expect(r["collateralSeized"] as number).toBeGreaterThanOrEqual(1078.2);
    expect(r["collateralSeized"] as number).toBeLessThan(1078.2 * 1.001);
    expect(r["debtRepaid"] as number).toBeCloseTo((r["collateralSeized"] as number) / 1.05, 6);
    expect(r["bonus"] as number).toBeCloseTo(
      (r["collateralSeized"] as number) - (r["debtRepaid"] as number),
      9,
    );
    expect(r["healthFactorBefore"] as number).toBeLessThan(1);
    expect(r["badDebt"] as number).toBeGreaterThan(1080 - 1078.2 / 1.05 - 1e-6);
    expect(r["marginRatioBefore"]).toBeNull();
    const p = await one(
      loan,
      "SELECT collateralSeized, liquidationBonus, perpMarginLost, firstLiquidationHours FROM paths",
    );
    expect(p["collateralSeized"]).toBeCloseTo(r["collateralSeized"] as number, 9);
    expect(p["liquidationBonus"]).toBeCloseTo(r["bonus"] as number, 9);
    expect(p["perpMarginLost"]).toBe(0);
    expect(p["firstLiquidationHours"]).toBe(48);
  });
});
