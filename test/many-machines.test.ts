/**
 * The README's "Many machines" examples (marked illustrative for test/readme.test.ts, which runs
 * README commands in process) are real: the exact command lines of the Kubernetes
 * Indexed Job (one per completion index, then the merge) and of the GitHub Actions matrix (one
 * per matrix entry, then the merge) run here, with `npx ballast` as the built executable and the
 * shared volume as a temporary folder; both merged folders equal the unsharded run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const section = README.slice(README.indexOf("## Many machines"));
const blocks = [...section.matchAll(/```yaml illustrative\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const tmp = mkdtempSync(join(tmpdir(), "ballast-many-"));
/** The matrix expression of the workflow, written so that it is not read as a template. */
const MATRIX_SHARD = `$${"{{ matrix.shard }}"}`;
symlinkSync(join(ROOT, "scenarios"), join(tmp, "scenarios"));

function sh(command: string, env: Record<string, string> = {}) {
  const line = command
    .replaceAll("npx ballast", `${process.execPath} ${BIN}`)
    .replaceAll("/shared", join(tmp, "shared"));
  const r = spawnSync("sh", ["-c", line], { cwd: tmp, encoding: "utf8", env: { ...process.env, ...env } });
  expect(r.status, `${line}\n${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

interface JobDoc {
  spec: { completions?: number; template: { spec: { containers: { args: string[] }[] } } };
}

describe("README: Many machines", { timeout: 300_000 }, () => {
  const whole = () => {
    const dir = sh("npx ballast run scenarios/examples/demo.yaml --paths 600 --out whole --quiet");
    return readFileSync(join(tmp, dir, "summary.json"), "utf8");
  };
  let expected = "";

  it("the Kubernetes Indexed Job's shard and merge commands give the unsharded run", () => {
    const [job, merge] = [blocks[0], blocks[1]].map((b) => parse(b as string) as JobDoc);
    const shardCmd = job?.spec.template.spec.containers[0]?.args[0] as string;
    expect(shardCmd).toContain("$JOB_COMPLETION_INDEX");
    mkdirSync(join(tmp, "shared"));
    for (let k = 0; k < (job?.spec.completions ?? 0); k++) sh(shardCmd, { JOB_COMPLETION_INDEX: String(k) });
    sh(merge?.spec.template.spec.containers[0]?.args[0] as string);
    expected = whole();
    expect(readFileSync(join(tmp, "shared", "demo", "summary.json"), "utf8")).toBe(expected);
  });

  it("the GitHub Actions matrix's shard and merge commands give the unsharded run", () => {
    const wf = parse(blocks[2] as string);
    const runs = (job: { steps: { run?: string }[] }) =>
      job.steps.map((s) => s.run).filter((r): r is string => r?.includes("ballast") === true);
    for (const shard of wf.jobs.shard.strategy.matrix.shard as number[]) {
      for (const r of runs(wf.jobs.shard)) sh(r.replaceAll(MATRIX_SHARD, String(shard)));
    }
    for (const r of runs(wf.jobs.merge)) sh(r);
    expect(readFileSync(join(tmp, "merged", "summary.json"), "utf8")).toBe(expected || whole());
  });
});
