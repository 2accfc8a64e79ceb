/**
 * Ranking hedgers with a sweep over `strategy.kind` (scenarios/examples/hedger-ranking.yaml):
 * - a point that switches kind validates its own strategy block (the base's shared parameters
 *   carry over, another kind's own are left out, the point's own `strategy.<param>` kept);
 * - every hedger runs on the same paths (final price and option payoff equal path by path);
 * - the invariants the ranking rests on: the band checks no more often than the hourly hedge and
 *   trades less on every path; hedging every hour leaves the smallest hedge error.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { strategyBlockSets } from "../../cli/sweep-plan.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/cli/bin.js");
const SCENARIO = join(ROOT, "scenarios/examples/hedger-ranking.yaml");

function ballast(...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`ballast ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

type Row = Record<string, number | string>;
const query = (dir: string, sql: string): Row[] => JSON.parse(ballast("query", dir, sql, "--json"));

describe("strategy blocks of a sweep over strategy.kind", () => {
  const declared = (kind: string) =>
    ({ "delta-hedge": ["every", "with", "minTrade"], "delta-band": ["band", "every", "with"] })[kind];
  const base = { kind: "delta-band", band: 0.05, every: "1h", with: "perp" };

  it("carries the base's shared parameters over and leaves another kind's own out", () => {
    const sets = strategyBlockSets({ index: 0, params: { "strategy.kind": "delta-hedge" } }, base, declared);
    expect(sets).toEqual([`strategy=${JSON.stringify({ kind: "delta-hedge", every: "1h", with: "perp" })}`]);
  });

  it("keeps the point's own strategy parameters and its other assignments", () => {
    const params = { "strategy.kind": "delta-hedge", "strategy.minTrade": 0.1, "book[0].qty": -5 };
    const sets = strategyBlockSets({ index: 1, params }, base, declared);
    expect(JSON.parse((sets[0] as string).slice("strategy=".length))).toEqual({
      kind: "delta-hedge",
      every: "1h",
      with: "perp",
      minTrade: 0.1,
    });
    expect(sets.slice(1)).toEqual(["book[0].qty=-5"]);
  });

  it("leaves a point that keeps the kind (or names an unknown one) as it is", () => {
    const same = { index: 0, params: { "strategy.kind": "delta-band", "strategy.band": 0.1 } };
    expect(strategyBlockSets(same, base, declared)).toEqual([
      'strategy.kind="delta-band"',
      "strategy.band=0.1",
    ]);
    const unknown = { index: 0, params: { "strategy.kind": "nope" } };
    expect(strategyBlockSets(unknown, base, declared)).toEqual(['strategy.kind="nope"']);
  });
});

describe("hedger-ranking.yaml", { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "ballast-ranking-"));
  const dir = join(out, "hedger-ranking");
  let kinds: (number | string | undefined)[] = [];
  let paths: Row[][] = [];
  beforeAll(() => {
    ballast("sweep", SCENARIO, "--paths", "60", "--out", out, "--quiet");
    kinds = query(dir, 'SELECT "strategy.kind" AS k FROM points ORDER BY point').map((r) => r["k"]);
    const sql = "SELECT path, finalPrice, optionPnl, premium, trades FROM paths ORDER BY path";
    paths = kinds.map((_, i) => query(join(dir, `point-00${i}`), sql));
  }, 120_000);
  const byKind = (k: string) => paths[kinds.indexOf(k)] as Row[];

  it("runs the three hedgers, each with its own strategy block", () => {
    expect(kinds).toEqual(["delta-hedge", "delta-band", "ww-band"]);
    const strategy = (i: number) =>
      JSON.parse(readFileSync(join(dir, `point-00${i}`, "summary.json"), "utf8")).manifest.scenario.strategy;
    expect(strategy(0)).not.toHaveProperty("band");
    expect(strategy(1)).toMatchObject({ kind: "delta-band", band: 0.05, unit: "notional" });
    expect(strategy(2)).toMatchObject({ kind: "ww-band", every: 3_600_000, with: "perp" });
  });

  it("ranks them on the same paths", () => {
    const [first, ...rest] = paths;
    for (const other of rest) {
      expect(other.map((r) => r["finalPrice"])).toEqual(first?.map((r) => r["finalPrice"]));
      expect(other.map((r) => r["optionPnl"])).toEqual(first?.map((r) => r["optionPnl"]));
      expect(other.map((r) => r["premium"])).toEqual(first?.map((r) => r["premium"]));
    }
  });

  it("band trades less than the hourly hedge on every path; the hourly hedge has the smallest error", () => {
    const hourly = byKind("delta-hedge");
    const band = byKind("delta-band");
    for (const [i, r] of band.entries()) {
      expect(r["trades"] as number).toBeLessThan(hourly[i]?.["trades"] as number);
    }
    const ranking = query(dir, 'SELECT "strategy.kind" AS k FROM points ORDER BY "risk.hedgeError"');
    expect(ranking[0]?.["k"]).toBe("delta-hedge");
    const fees = query(dir, 'SELECT "strategy.kind" AS k FROM points ORDER BY "costs.fees" DESC');
    expect(fees[0]?.["k"]).toBe("delta-hedge");
  });
});
