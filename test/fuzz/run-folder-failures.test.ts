/**
 * Failure injection around the run-folder write, in-process: an output folder removed or replaced
 * by a file while the run is written, temporary folders left by killed writers (swept only when
 * their process is dead), a folder set aside by an interrupted --overwrite (put back), and the
 * manifest's scenario path (the same bytes however the path is spelt).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/errors.js";
import { writeRunFolder } from "../../reports/run-folder.js";
import type { RunResults } from "../../reports/types.js";
import { BASE, ballast, workDir, writeCase } from "./harness.js";

const dir = workDir();

/** Whether a write under `out` has begun (its temporary folder exists). */
const midWrite = (out: string) => existsSync(out) && readdirSync(out).some((n) => n.includes(".tmp-"));

/** Results whose paths table runs `sabotage` whenever the writer reads it. */
function results(sabotage: () => void = () => undefined): RunResults {
  const columns = { path: Int32Array.from([0, 1]), pnl: Float64Array.from([1.5, -2]) };
  return {
    manifest: { version: "0.1.0", scenarioName: "r", scenarioHash: "sha256:1", seed: 1, paths: 2 },
    paths: {
      length: 2,
      get columns() {
        sabotage();
        return columns;
      },
    },
  } as RunResults;
}

/** The id of a process that has exited (so certainly not a live writer). */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" })
      .stdout,
  );
}

describe("the output folder fails while the run is written", () => {
  it("removed mid-write: exit 2 naming --out, and nothing half-written remains", async () => {
    const out = join(dir, "vanishing");
    const e = await writeRunFolder(
      out,
      "r",
      results(() => {
        if (midWrite(out)) rmSync(out, { recursive: true, force: true });
      }),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toMatch(
      /--out: could not write run folder "r" under .*vanishing.*nothing was published/,
    );
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("replaced by a file mid-write: exit 2 naming --out, the file untouched", async () => {
    const out = join(dir, "replaced");
    const e = await writeRunFolder(
      out,
      "r",
      results(() => {
        if (!midWrite(out)) return;
        rmSync(out, { recursive: true, force: true });
        writeFileSync(out, "not a folder");
      }),
    ).catch((x: unknown) => x);
    expect((e as InputError).message).toMatch(/--out: could not write run folder "r"/);
    expect(readFileSync(out, "utf8")).toBe("not a folder");
  });
});

describe("temporary folders of killed writers", () => {
  it("a dead writer's temporary folder is swept on the next write; a live writer's is kept", async () => {
    const out = join(dir, "sweep");
    const dead = `.r.tmp-${deadPid()}-1`;
    const live = `.r.tmp-${process.ppid}-1`; // the test runner: alive
    const namesake = `.r.tmp-${process.pid}-999`; // this process's id, but not made by it
    for (const d of [dead, live, namesake]) mkdirSync(join(out, d, "inner"), { recursive: true });
    await writeRunFolder(out, "r", results());
    expect(readdirSync(out).sort()).toEqual([live, "r"].sort());
  });

  it("a folder set aside by an interrupted --overwrite is put back when its name is free", async () => {
    const out = join(dir, "aside");
    const aside = join(out, `.kept.old-${deadPid()}-1`);
    mkdirSync(aside, { recursive: true });
    writeFileSync(join(aside, "summary.json"), "{}");
    await writeRunFolder(out, "r", results());
    expect(readdirSync(out).sort()).toEqual(["kept", "r"]);
    expect(readFileSync(join(out, "kept", "summary.json"), "utf8")).toBe("{}");
  });
});

describe("determinism by spelling", () => {
  it("demo.yaml, ./demo.yaml and its absolute path give byte-identical summary.json", async () => {
    const here = process.cwd();
    const f = writeCase(dir, "spelt.yaml", BASE.replace("name: fuzz", "name: spelt"));
    process.chdir(dir);
    try {
      const bytes: string[] = [];
      for (const [i, spelling] of [
        "spelt.yaml",
        "./spelt.yaml",
        f,
        `../${relative(join(dir, ".."), f)}`,
      ].entries()) {
        const out = join(dir, `spelling-${i}`);
        const r = await ballast(["run", spelling, "--quiet", "--out", out]);
        expect(r.code, r.err).toBe(0);
        bytes.push(readFileSync(join(out, "spelt", "summary.json"), "utf8"));
      }
      expect(JSON.parse(bytes[0] as string).manifest.scenarioFile).toBe("spelt.yaml");
      expect(new Set(bytes).size).toBe(1);
    } finally {
      process.chdir(here);
    }
  });
});
