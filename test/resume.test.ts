/**
 * A run killed mid-way (`kill -9`) keeps its finished blocks of paths; the same command refuses
 * to start over them without `--resume`, and with `--resume` skips them and ends with the bytes
 * of an uninterrupted run. Nothing half-written looks finished: no run folder exists until the
 * whole run is written.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-resume-"));
const ARGS = ["run", "scenarios/examples/demo.yaml", "--paths", "800", "--workers", "1", "--quiet"];

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

describe("ballast run --resume", { timeout: 300_000 }, () => {
  it("after kill -9, keeps finished blocks and resumes to the bytes of an uninterrupted run", async () => {
    const whole = ballast(...ARGS, "--out", join(tmp, "whole"));
    expect(whole.code, whole.err).toBe(0);
    const out = join(tmp, "killed");
    const partial = join(out, ".eth-short-call-hedged.run-partial");
    const child = spawn(process.execPath, [BIN, ...ARGS, "--out", out], { cwd: ROOT, stdio: "ignore" });
    const blocks = () => (existsSync(partial) ? readdirSync(partial).filter((f) => f.endsWith(".v8")) : []);
    while (blocks().length < 2) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(blocks().length).toBeLessThan(8);
    expect(readdirSync(out).filter((f) => !f.startsWith("."))).toEqual([]);
    const again = ballast(...ARGS, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--resume to finish it");
    const resumed = ballast(...ARGS, "--out", out, "--resume");
    expect(resumed.code, resumed.err).toBe(0);
    expect(existsSync(partial)).toBe(false);
    for (const f of ["summary.json", "report.md", "paths.parquet", "events.parquet", "series.parquet"]) {
      expect(readFileSync(join(resumed.out, f)).equals(readFileSync(join(whole.out, f))), f).toBe(true);
    }
  });
});
