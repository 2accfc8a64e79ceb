/**
 * `ballast run` comparing unified and siloed margin (scenarios/examples/eth-unified-margin.yaml,
 * cut to 300 accounts and 2 paths): margin.parquet's rows and types, the summary's differences
 * recomputed from the table, the siloed rows agreeing with paths.parquet, the same bytes on a
 * rerun, the rule switched by `--set`, and bad margin set-ups as exit 2.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { queryRun } from "../reports/store.js";
import { ballast, scratch } from "./cli-harness.js";

const EXAMPLE = "scenarios/examples/eth-unified-margin.yaml";
const SMALL = ["--set", "population.generate.accounts=300", "--paths", "2", "--quiet"];
const tmp = scratch("ballast-margin-");

describe("unified versus siloed margin in one run", () => {
  it("writes margin.parquet and a summary whose differences the table reproduces", async () => {
    const a = await ballast("run", EXAMPLE, "--out", join(tmp.dir, "a"), ...SMALL);
    expect(a.code).toBe(0);
    const dir = a.out.trim();
    const rows = await queryRun(
      dir,
      `SELECT path, margin, typeof(liquidations) AS t, liquidation_volume_usd AS v, bad_debt_usd AS b
       FROM read_parquet('${join(dir, "margin.parquet")}') ORDER BY path, margin`,
    );
    expect(rows.map((r) => [r["path"], r["margin"], r["t"]])).toEqual([
      [0, "siloed", "INTEGER"],
      [0, "unified", "INTEGER"],
      [1, "siloed", "INTEGER"],
      [1, "unified", "INTEGER"],
    ]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const diff = (key: "v" | "b") =>
      (rows.filter((r) => r["margin"] === "unified").reduce((s, r) => s + (r[key] as number), 0) -
        rows.filter((r) => r["margin"] === "siloed").reduce((s, r) => s + (r[key] as number), 0)) /
      2;
    expect(summary.margin.difference.liquidation_volume_usd.mean).toBeCloseTo(diff("v"), -1);
    expect(summary.margin.difference.bad_debt_usd.mean).toBeCloseTo(diff("b"), -1);
    expect(summary.margin.grid).toBe("span");
    expect(summary.margin.scenarios).toBe(16);
    // The run's own rule is siloed: its rows are paths.parquet's.
    const agree = await queryRun(
      dir,
      `SELECT count(*) AS n FROM paths p JOIN read_parquet('${join(dir, "margin.parquet")}') m
       ON m.path = p.path AND m.margin = 'siloed' AND m.collateral_seized_usd = p.collateral_seized_usd`,
    );
    expect(Number(agree[0]?.["n"])).toBe(2);
    const report = readFileSync(join(dir, "report.md"), "utf8");
    expect(report).toContain("## Unified versus siloed margin");
    const b = await ballast("run", EXAMPLE, "--out", join(tmp.dir, "b"), ...SMALL);
    for (const f of ["summary.json", "report.md"])
      expect(readFileSync(join(b.out.trim(), f), "utf8")).toBe(readFileSync(join(dir, f), "utf8"));
  });

  it("switches the run's rule with --set cascade.margin=unified", async () => {
    const r = await ballast(
      "run",
      EXAMPLE,
      "--out",
      join(tmp.dir, "u"),
      ...SMALL,
      "--set",
      "cascade.margin=unified",
      "--set",
      "cascade.compareMargin=false",
    );
    expect(r.code).toBe(0);
    const dir = r.out.trim();
    expect(readFileSync(join(dir, "report.md"), "utf8")).not.toContain("Unified versus siloed");
    const seized = await queryRun(dir, "SELECT collateral_seized_usd AS c FROM paths ORDER BY path");
    const siloed = await queryRun(
      join(tmp.dir, "a", "eth-unified-margin"),
      "SELECT collateral_seized_usd AS c FROM paths ORDER BY path",
    );
    expect(seized.map((x) => x["c"])).not.toEqual(siloed.map((x) => x["c"]));
  });

  it("refuses the unified rule with an auction, and hedges without a perp venue, with exit 2", async () => {
    const auction = await ballast(
      "run",
      EXAMPLE,
      "--out",
      join(tmp.dir, "x"),
      ...SMALL,
      "--set",
      "cascade.rule=clipper",
    );
    expect(auction.code).toBe(2);
    expect(auction.err).toContain("cascade.margin");
    expect(auction.err).toContain("allowed: rule fixed-bonus");
    const usdt = await ballast(
      "run",
      EXAMPLE,
      "--out",
      join(tmp.dir, "q"),
      ...SMALL,
      "--set",
      "venues.perp.quote=USDT",
    );
    expect(usdt.code).toBe(2);
    expect(usdt.err).toContain("venues.perp.quote");
    expect(usdt.err).toContain("allowed: USDC");
    const text = readFileSync(EXAMPLE, "utf8")
      .replace(/^ {2}perp: .*$/m, "")
      .replace(/^ {2}compareMargin: true$/m, "");
    const noPerp = await ballast("run", tmp.file("noperp.yaml", text), "--out", join(tmp.dir, "y"), ...SMALL);
    expect(noPerp.code).toBe(2);
    expect(noPerp.err).toContain("population.generate.hedge.share");
    expect(noPerp.err).not.toContain("    at ");
  });
});
