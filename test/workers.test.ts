/**
 * Scale without changing a byte: `--workers 2` gives the files of `--workers 1`; three shards
 * merged give the summary, report and Parquet contents of the unsharded run; bad shard
 * arguments and bad shard sets are exit 2 with nothing written; a worker that dies is reported.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readParquet } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-scale-"));
const FILES = [
  "summary.json",
  "report.md",
  "paths.parquet",
  "events.parquet",
  "series.parquet",
  "accounts.parquet",
];

function ballast(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

function demo(out: string, ...more: string[]) {
  return ballast([
    "run",
    "scenarios/examples/demo.yaml",
    "--paths",
    "90",
    "--out",
    join(tmp, out),
    "--quiet",
    ...more,
  ]);
}

const bytes = (dir: string, f: string) => readFileSync(join(dir, f));

describe("--workers", { timeout: 240_000 }, () => {
  it("gives byte-identical files with 1 and 2 workers", () => {
    const one = demo("w1", "--workers", "1");
    const two = demo("w2", "--workers", "2");
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    for (const f of FILES) expect(bytes(two.out, f).equals(bytes(one.out, f)), f).toBe(true);
  });

  it("reports a worker thread that dies, keeps what finished, and --resume completes the run", () => {
    const args = [
      "run",
      "scenarios/examples/demo.yaml",
      "--paths",
      "40",
      "--workers",
      "2",
      "--out",
      join(tmp, "dead"),
      "--quiet",
    ];
    const bad = ballast(args, { BALLAST_FAULT_WORKER: "exit" });
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/paths \d+–\d+ of scenarios\/examples\/demo\.yaml: the worker thread died/);
    expect(bad.err).toContain("--resume");
    const partial = join(tmp, "dead", ".eth-short-call-hedged.run-partial");
    expect(readdirSync(join(tmp, "dead"))).toEqual([".eth-short-call-hedged.run-partial"]);
    expect(readdirSync(partial)).toContain("block-0-5.v8");
    const resumed = ballast([...args, "--resume"]);
    expect(resumed.code, resumed.err).toBe(0);
    const reference = demo("dead-ref", "--paths", "40");
    for (const f of FILES) expect(bytes(resumed.out, f).equals(bytes(reference.out, f)), f).toBe(true);
  });
});

describe("--shard and merge", { timeout: 240_000 }, () => {
  const whole = () => demo("whole");
  it("three shards merged equal the unsharded run", async () => {
    const w = whole();
    const parts = [0, 1, 2].map((k) => demo("shards", "--shard", `${k}/3`, "--workers", "1"));
    for (const p of parts) expect(p.code, p.err).toBe(0);
    const merged = join(tmp, "merged");
    const m = ballast([
      "merge",
      parts[2]?.out as string,
      parts[0]?.out as string,
      parts[1]?.out as string,
      "--out",
      merged,
    ]);
    expect(m.code, m.err).toBe(0);
    for (const f of ["summary.json", "report.md"])
      expect(bytes(merged, f).toString()).toBe(bytes(w.out, f).toString());
    for (const f of ["paths.parquet", "events.parquet", "series.parquet", "accounts.parquet"]) {
      expect(await readParquet(join(merged, f))).toEqual(await readParquet(join(w.out, f)));
    }
  });

  it("refuses a bad --shard and bad shard sets, exit 2, writing nothing", () => {
    expect(demo("x", "--shard", "3/2").err).toContain("--shard must be K/N");
    expect(demo("x", "--shard", "3/2").code).toBe(2);
    const a = demo("sets", "--shard", "0/2", "--paths", "6");
    const b = demo("sets", "--shard", "1/2", "--seed", "9", "--paths", "6");
    const c = demo("sets3", "--shard", "1/3", "--paths", "6");
    const cases: [string[], RegExp][] = [
      [[a.out], /no folder of shard 1 of 2/],
      [[a.out, b.out], /seed 9 differs from 42/],
      [[a.out, c.out], /shard count 3 differs from 2/],
      [[a.out, a.out], /shard 0 is given twice/],
      [[a.out, join(tmp, "nowhere")], /nowhere: no readable summary\.json/],
    ];
    for (const [dirs, msg] of cases) {
      const out = join(tmp, "never");
      const r = ballast(["merge", ...dirs, "--out", out]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(msg);
      expect(existsSync(out)).toBe(false);
    }
  });
});
