/**
 * A sweep stopped between creating a point's block store and writing its plan.json (the first
 * thing the store writes) leaves a block store with nothing finished in it: `--resume` drops it
 * and ends byte-identical to an uninterrupted sweep.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-sweep-orphan-"));

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

const SCENARIO = join(tmp, "hold.yaml");
writeFileSync(
  SCENARIO,
  `name: orphan-sweep
seed: 3
paths: 20
clock: { start: 2024-01-01T00:00:00Z, horizon: 2d, step: 1h }
market: { assets: { ETH: { model: { kind: gbm, spot: 3000, vol: 0.8 } } } }
venues: { perp: { kind: perp-linear } }
book: [{ venue: perp, kind: perp, underlying: ETH, qty: 1, collateral: { USDC: 2000 } }]
strategy: { kind: hold }
`,
);

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length))
    .sort();

describe("ballast sweep --resume after a stop inside a point's block store set-up", {
  timeout: 120_000,
}, () => {
  it("drops the block store that has no plan and finishes byte-identical", async () => {
    const grid = ["--grid", "book[0].qty=1,2", "--workers", "1", "--quiet"];
    const whole = ballast("sweep", SCENARIO, ...grid, "--out", join(tmp, "whole"));
    expect(whole.code, whole.err).toBe(0);
    const out = join(tmp, "stopped");
    const child = spawn(process.execPath, [BIN, "sweep", SCENARIO, ...grid, "--out", out], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const partial = join(out, ".orphan-sweep.sweep-partial");
    while (!existsSync(join(partial, "plan.json"))) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The state of a stop right after the point's block store folder was made.
    for (const name of readdirSync(partial))
      if (name !== "plan.json") rmSync(join(partial, name), { recursive: true, force: true });
    mkdirSync(join(partial, ".point-001.blocks"));
    const resumed = ballast("sweep", SCENARIO, ...grid, "--out", out, "--resume");
    expect(resumed.code, resumed.err).toBe(0);
    const a = whole.out.split("\n")[0] as string;
    const b = resumed.out.split("\n")[0] as string;
    expect(files(b)).toEqual(files(a));
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});
