/**
 * Sweeps: grid parsing (ranges, lists, errors), the sweep folder (one run folder per point equal
 * to a `run --set` of that point, points.parquet with parameters, metrics and standard errors,
 * summary.json), common random numbers across points, and a sweep killed mid-way then resumed
 * ending byte-identical to an uninterrupted one.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGridArg, parseRange, planPoints } from "../cli/sweep-plan.js";
import { readParquet } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-sweep-"));

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

const LOAN = join(tmp, "loan.yaml");
writeFileSync(
  LOAN,
  `name: loan-sweep
seed: 11
paths: 40
clock: { start: 2024-01-01T00:00:00Z, horizon: 10d, step: 1h }
market: { quote: USDC, assets: { ETH: { model: { kind: gbm, spot: 3000, vol: 1.0 } } } }
oracle: { kind: ideal }
venues: { lend: { kind: aave-v3, assets: { ETH: {}, USDC: {} } } }
liquidators: [{ name: keeper, latency: 12s, capital: 1000000, gas: 5, minProfit: 0 }]
book: [{ kind: loan, collateral: { ETH: 10 }, debt: { ltv: 0.5 } }]
strategy: { kind: hold }
report: { sampleSeries: 1, eventPaths: 1 }
sweep:
  grid:
    book[0].debt.ltv: 0.6:0.7:0.05
`,
);

describe("grid parsing", { timeout: 240_000 }, () => {
  it("expands ranges on a clean decimal grid, end included", () => {
    expect(parseRange("0.5:0.9:0.05")).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]);
    expect(parseRange("1:2:0.3")).toEqual([1, 1.3, 1.6, 1.9]);
    expect(parseGridArg("strategy.kind=hold,delta-hedge").values).toEqual(["hold", "delta-hedge"]);
  });
  it("orders points with the last axis fastest, explicit points outermost", () => {
    const pts = planPoints([], [parseGridArg("a=1,2"), parseGridArg("b=x,y")], [{ c: 1 }, { c: 2 }]);
    expect(pts.map((p) => p.params)).toEqual([
      { c: 1, a: 1, b: "x" },
      { c: 1, a: 1, b: "y" },
      { c: 1, a: 2, b: "x" },
      { c: 1, a: 2, b: "y" },
      { c: 2, a: 1, b: "x" },
      { c: 2, a: 1, b: "y" },
      { c: 2, a: 2, b: "x" },
      { c: 2, a: 2, b: "y" },
    ]);
  });
  it("refuses empty grids, malformed ranges and bad paths, exit 2 naming the argument", () => {
    const cases: [string[], RegExp][] = [
      [["--grid", "book[0].debt.ltv="], /--grid book\[0\]\.debt\.ltv=: no values/],
      [
        ["--grid", "book[0].debt.ltv=0.9:0.5:0.1"],
        /malformed range "0\.9:0\.5:0\.1": end 0\.9 is below start|end 0\.5 is below start 0\.9/,
      ],
      [["--grid", "book[0].debt.ltv=0.5:0.9:0"], /step 0 is not > 0/],
      [
        ["--grid", "venues.lend.assets.ETH.ltt=0.7,0.8"],
        /unknown key "ltt".*set by --grid venues\.lend\.assets\.ETH\.ltt=0\.7/,
      ],
      [["--grid", "book[0].debt.ltv=high"], /book\[0\]\.debt\.ltv: found "high".*set by --grid/],
    ];
    for (const [args, msg] of cases) {
      const r = ballast("sweep", LOAN, ...args, "--out", join(tmp, "never"), "--quiet");
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(msg);
    }
    const none = ballast("sweep", "scenarios/examples/demo.yaml", "--out", join(tmp, "never"));
    expect(none.code).toBe(2);
    expect(none.err).toContain("no grid and no sweep section");
    expect(existsSync(join(tmp, "never"))).toBe(false);
  });
});

describe("ballast sweep", { timeout: 240_000 }, () => {
  it("writes one run folder per point, equal to a run with --set, on common random numbers", async () => {
    const r = ballast("sweep", LOAN, "--out", join(tmp, "s"), "--quiet", "--workers", "2");
    expect(r.code, r.err).toBe(0);
    const dir = r.out.split("\n")[0] as string;
    expect(r.out).toMatch(
      /point\s+book\[0\]\.debt\.ltv\s+P\(liquidation\) \[95 %\]\s+mean PnL\n\s+0\s+0\.6\s+\d\.\d{4} \[\d\.\d{4}, \d\.\d{4}\]\s+-?[\d.]+ ± [\d.]+\n/,
    );
    expect(readdirSync(dir).sort()).toEqual([
      "point-000",
      "point-001",
      "point-002",
      "points.parquet",
      "report.html",
      "report.md",
      "summary.json",
    ]);
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(md).toMatch(/^\| point \| book\[0\]\.debt\.ltv \| .*pnl\.mean/m);
    expect(md).toMatch(/^\| 2 \| 0\.7 \| /m);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('id="pnl.mean--book[0].debt.ltv"');
    expect(html).toMatch(/<svg[^>]*>/);
    const single = ballast(
      "run",
      LOAN,
      "--set",
      "book[0].debt.ltv=0.65",
      "--out",
      join(tmp, "one"),
      "--quiet",
    );
    for (const f of ["paths.parquet", "events.parquet", "series.parquet"]) {
      expect(readFileSync(join(dir, "point-001", f)).equals(readFileSync(join(single.out, f))), f).toBe(true);
    }
    const a = await readParquet(join(dir, "point-000", "paths.parquet"));
    const c = await readParquet(join(dir, "point-002", "paths.parquet"));
    expect(a.map((x) => x["finalPrice"])).toEqual(c.map((x) => x["finalPrice"]));
    const points = await readParquet(join(dir, "points.parquet"));
    expect(points.map((p) => p["book[0].debt.ltv"])).toEqual([0.6, 0.65, 0.7]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.points.map((p: { folder: string }) => p.folder)).toEqual([
      "point-000",
      "point-001",
      "point-002",
    ]);
    const z = 1.959963984540054;
    for (const [i, p] of points.entries()) {
      const s = JSON.parse(readFileSync(join(dir, `point-00${i}`, "summary.json"), "utf8"));
      const prob = s.metrics.liquidations.probability.value as number;
      expect(p["liquidations.probability"]).toBe(prob);
      // Wilson score interval (Wilson 1927), recomputed here; its implied SE is the half-width / z.
      const centre = (prob + (z * z) / 80) / (1 + (z * z) / 40);
      const half = (z / (1 + (z * z) / 40)) * Math.sqrt((prob * (1 - prob)) / 40 + (z * z) / (4 * 40 * 40));
      expect(p["liquidations.probability.lower"]).toBeCloseTo(centre - half, 8);
      expect(p["liquidations.probability.upper"]).toBeCloseTo(centre + half, 8);
      expect(p["liquidations.probability.se"]).toBeCloseTo(half / z, 8);
      expect(p["pnl.mean.se"]).toBeCloseTo(s.metrics.pnl.std / Math.sqrt(40), 6);
    }
    // A higher starting LTV is liquidated at least as often on the same paths.
    const liq = points.map((p) => p["liquidations.probability"] as number);
    expect(liq[0]).toBeLessThanOrEqual(liq[1] as number);
    expect(liq[1]).toBeLessThanOrEqual(liq[2] as number);
  });
});

describe("ballast sweep --resume", { timeout: 300_000 }, () => {
  it("after kill -9 mid-way, resumes to the bytes of an uninterrupted sweep", async () => {
    const grid = ["--grid", "book[0].debt.ltv=0.3:0.7:0.1", "--workers", "1", "--quiet"];
    const whole = ballast("sweep", LOAN, ...grid, "--out", join(tmp, "whole"));
    expect(whole.code, whole.err).toBe(0);
    const out = join(tmp, "killed");
    const child = spawn(process.execPath, [BIN, "sweep", LOAN, ...grid, "--out", out], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const partial = join(out, ".loan-sweep.sweep-partial");
    while (!existsSync(join(partial, "point-001"))) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(join(out, "loan-sweep"))).toBe(false);
    const again = ballast("sweep", LOAN, ...grid, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--resume");
    const resumed = ballast("sweep", LOAN, ...grid, "--out", out, "--resume");
    expect(resumed.code, resumed.err).toBe(0);
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(dir.length))
        .sort();
    expect(files(resumed.out.split("\n")[0] as string)).toEqual(files(whole.out.split("\n")[0] as string));
    for (const f of files(whole.out.split("\n")[0] as string)) {
      const a = readFileSync(join(whole.out.split("\n")[0] as string, f));
      const b = readFileSync(join(resumed.out.split("\n")[0] as string, f));
      expect(b.equals(a), f).toBe(true);
    }
  });
});

describe("ballast sweep --shard and merge", { timeout: 300_000 }, () => {
  it("two shards of a sweep merged are the unsharded sweep, byte for byte", () => {
    const grid = ["--grid", "book[0].debt.ltv=0.55,0.7", "--workers", "1", "--quiet"];
    const whole = ballast("sweep", LOAN, ...grid, "--out", join(tmp, "sw-whole"));
    expect(whole.code, whole.err).toBe(0);
    const shards = [0, 1].map((k) =>
      ballast("sweep", LOAN, ...grid, "--shard", `${k}/2`, "--out", join(tmp, "sw-shards")),
    );
    for (const s of shards) expect(s.code, s.err).toBe(0);
    const merged = join(tmp, "sw-merged");
    const dirs = shards.map((s) => s.out.split("\n")[0] as string);
    const m = ballast("merge", dirs[1] as string, dirs[0] as string, "--out", merged);
    expect(m.code, m.err).toBe(0);
    const dir = whole.out.split("\n")[0] as string;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    // The sweep: summary.json, points.parquet, report.md, report.html; each point: a run folder of seven files.
    expect(files.length).toBe(4 + 2 * 7);
    for (const d of files) {
      const rel = join(d.parentPath, d.name).slice(dir.length);
      expect(readFileSync(join(merged, rel)).equals(readFileSync(join(dir, rel))), rel).toBe(true);
    }
  });
});
