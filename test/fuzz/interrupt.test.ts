/**
 * Signals and kills while a run folder is written, with real `ballast` processes: SIGINT and
 * SIGTERM remove the temporary folder and exit 130 / 143 saying so and how to resume; SIGKILL
 * cannot be caught, and the temporary folder it leaves is swept by the next write to the same
 * root. In every case no folder that looks complete is left, the finished paths stay in the
 * run's block store (`.<name>.run-partial`), and `--resume` writes a complete folder from them. Also the hang
 * cases through a real process: a FIFO as scenario or data file answers at once.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { visibleEntries, workDir, writeCase } from "./harness.js";

const BIN = resolve(import.meta.dirname, "../../dist/cli/bin.js");
const dir = workDir();

/** Two months of minutes on one kept path: the run folder takes a moment to write. */
const SLOW_WRITE = `
name: slow
seed: 1
paths: 1
clock: { start: 2024-01-01T00:00:00Z, horizon: 60d, step: 1m }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
report: { sampleSeries: 1, eventPaths: 1 }
`;
const scenario = writeCase(dir, "slow.yaml", SLOW_WRITE);

function start(out: string): { child: ChildProcess; done: Promise<{ code: number | null; err: string }> } {
  const child = spawn(process.execPath, [BIN, "run", scenario, "--quiet", "--out", out], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  const done = new Promise<{ code: number | null; err: string }>((ok) =>
    child.on("exit", (code) => ok({ code, err })),
  );
  return { child, done };
}

/**
 * Resolves once the path has finished (its block is in the block store) and the run folder's
 * temporary folder exists: the folder is being written. (The write begins with the run and
 * streams each block as it lands, so the folder alone would not say the path is done.)
 */
async function writing(out: string): Promise<string> {
  const partial = join(out, ".slow.run-partial");
  for (let i = 0; i < 1200; i++) {
    const tmp = existsSync(out) ? readdirSync(out).find((n) => n.includes(".tmp-")) : undefined;
    const block = existsSync(partial) && readdirSync(partial).some((n) => n.endsWith(".v8"));
    if (tmp && block) return tmp;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the write never began");
}

describe("interrupted while writing", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s: the temporary folder is removed, exit %i, and it says what happened",
    async (signal, code) => {
      const out = join(dir, `out-${signal}`);
      const { child, done } = start(out);
      await writing(out);
      child.kill(signal);
      const r = await done;
      expect(r.code).toBe(code);
      expect(r.err).toMatch(
        new RegExp(`interrupted by ${signal} while writing .*slow; nothing was published`),
      );
      expect(r.err).toMatch(
        /finished blocks are in .*\.slow\.run-partial; what finished is kept\. Resume with:\n\s+ballast run .* --resume/,
      );
      expect(readdirSync(out)).toEqual([".slow.run-partial"]);
      const again = spawnSync(process.execPath, [BIN, "run", scenario, "--quiet", "--out", out, "--resume"], {
        encoding: "utf8",
      });
      expect(again.status, again.stderr).toBe(0);
      expect(readdirSync(out)).toEqual(["slow"]);
    },
  );

  it("SIGINT while the paths still run: the folder begun with them is removed, exit 130", async () => {
    const out = join(dir, "out-early");
    const child = spawn(
      process.execPath,
      [
        BIN,
        "run",
        "scenarios/examples/demo.yaml",
        "--paths",
        "4000",
        "--workers",
        "1",
        "--quiet",
        "--out",
        out,
      ],
      { cwd: resolve(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "pipe"] },
    );
    let err = "";
    child.stderr?.on("data", (d) => {
      err += String(d);
    });
    const code = new Promise<number | null>((ok) => child.on("exit", ok));
    for (let i = 0; i < 1200 && !(existsSync(out) && readdirSync(out).some((n) => n.includes(".tmp-"))); i++)
      await new Promise((r) => setTimeout(r, 25));
    const partial = join(out, ".eth-short-call-hedged.run-partial");
    expect(existsSync(partial) && readdirSync(partial).length === 8 + 1).toBe(false); // not all 8 blocks (+ plan)
    child.kill("SIGINT");
    expect(await code).toBe(130);
    expect(err).toMatch(/interrupted by SIGINT while writing .*eth-short-call-hedged; nothing was published/);
    expect(err).toMatch(/Resume with:\n\s+ballast run .* --resume/);
    expect(visibleEntries(out)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("SIGKILL: the temporary folder left behind is swept by the next run, which completes", async () => {
    const out = join(dir, "out-KILL");
    const { child, done } = start(out);
    const tmp = await writing(out);
    child.kill("SIGKILL");
    await done;
    expect(readdirSync(out).sort()).toEqual([tmp, ".slow.run-partial"].sort());
    expect(visibleEntries(out)).toEqual([]);
    const again = spawnSync(process.execPath, [BIN, "run", scenario, "--quiet", "--out", out, "--resume"], {
      encoding: "utf8",
    });
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["slow"]);
    expect(readdirSync(join(out, "slow")).sort()).toEqual([
      "accounts.parquet",
      "events.parquet",
      "paths.parquet",
      "report.html",
      "report.md",
      "series.parquet",
      "summary.json",
    ]);
  });
});

describe("inputs that would block, through a real process", () => {
  it("a FIFO as the scenario and as a data file: exit 2 at once", () => {
    const fifo = join(dir, "scenario.fifo");
    execFileSync("mkfifo", [fifo]);
    const r = spawnSync(process.execPath, [BIN, "validate", fifo], { encoding: "utf8", timeout: 15_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/scenario\.fifo: it is a FIFO/);
    const data = join(dir, "data.fifo");
    execFileSync("mkfifo", [data]);
    const replay = writeCase(
      dir,
      "fifo-replay.yaml",
      `name: f\nmarket: { assets: { ETH: { data: { file: ${data}, format: csv } } } }\n`,
    );
    const r2 = spawnSync(process.execPath, [BIN, "run", replay, "--quiet", "--out", join(dir, "fifo-out")], {
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(r2.status, r2.stderr).toBe(2);
    expect(r2.stderr).toMatch(/data\.fifo: it is a FIFO/);
  });
});
