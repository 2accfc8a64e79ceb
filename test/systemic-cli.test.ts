/**
 * `ballast run` on population scenarios: the run folder's tables and their types, the same bytes on
 * a rerun, the insolvent-at-start warning and count, and bad snapshots as exit 2 naming file, row
 * and column.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { queryRun } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-systemic-"));

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

function put(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

const SNAPSHOT =
  "account,venue,coll_ETH,debt_USDC\nalice,lend,10,1500\nbob,lend,200,30000\ncarol,lend,5,900\ndave,lend,1,250\n";

function scenario(snapshot: string): string {
  return `
name: snap
seed: 5
paths: 3
clock: { start: 2024-03-01T00:00:00Z, horizon: 2h, step: 1m }
market:
  assets:
    ETH: { model: { kind: gbm, spot: 200, drift: 0, vol: 0.8 } }
  shocks: [ { kind: crash, asset: ETH, at: 10m, size: -0.45, over: 30m } ]
oracle: { kind: ideal }
venues:
  lend: { kind: aave-v3, assets: { ETH: { preset: WETH }, USDC: { preset: USDC } } }
population: { snapshot: ${snapshot} }
cascade:
  pools: { ETH: { depth: 200000, fee: 0.003, halfLife: 30m } }
  liquidators: [ { name: k, latency: 0s, capital: 1000000, minProfit: 0 } ]
  chain: { baseGwei: 0 }
  drops: [0.1, 0.3]
`;
}

describe("ballast run with a population", () => {
  const file = put("snap.yaml", scenario("snap.csv"));
  put("snap.csv", SNAPSHOT);

  it("writes typed tables, counts the insolvent account, and reruns to the same bytes", async () => {
    const a = ballast("run", file, "--out", join(tmp, "a"), "--quiet");
    expect(a.code).toBe(0);
    expect(a.err).toContain("1 account(s) already insolvent at the start");
    const b = ballast("run", file, "--out", join(tmp, "b"), "--quiet");
    expect(readFileSync(join(a.out, "summary.json"), "utf8")).toBe(
      readFileSync(join(b.out, "summary.json"), "utf8"),
    );
    const paths = await queryRun(a.out, "SELECT insolvent_at_start, liquidations FROM paths ORDER BY path");
    expect(paths.map((r) => r["insolvent_at_start"])).toEqual([1, 1, 1]);
    expect(paths.every((r) => (r["liquidations"] as number) >= 1)).toBe(true);
    const profile = `read_parquet('${join(a.out, "profile.parquet")}')`;
    const types = await queryRun(
      a.out,
      `SELECT typeof(time) AS t, typeof(liquidations) AS l FROM ${profile} LIMIT 1`,
    );
    expect(types[0]).toEqual({ t: "TIMESTAMP", l: "INTEGER" });
    const lar = await queryRun(
      a.out,
      `SELECT drop FROM read_parquet('${join(a.out, "lar.parquet")}') ORDER BY drop`,
    );
    expect(lar.map((r) => r["drop"])).toEqual([0.1, 0.3]);
  });

  it("refuses bad snapshots with exit 2, naming file, row and column", () => {
    put("neg.csv", "account,venue,coll_ETH,debt_USDC\nalice,lend,10,-1\n");
    put("unknown.csv", "account,venue,coll_ETH,debt_DAI\nalice,lend,10,1\n");
    put("dup.csv", "account,venue,coll_ETH,debt_USDC\nalice,lend,10,1\nalice,lend,1,1\n");
    const cases: [string, string][] = [
      ["neg.csv", "neg.csv: row 2: debt_USDC: found -1"],
      ["unknown.csv", 'unknown.csv: row 1: debt_DAI: unknown asset "DAI"'],
      ["dup.csv", 'dup.csv: row 3: account: account "alice" already appears on row 2'],
    ];
    for (const [snap, message] of cases) {
      const r = ballast("run", put(`bad-${snap}.yaml`, scenario(snap)), "--out", join(tmp, "bad"), "--quiet");
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toContain("    at ");
    }
  });
});
