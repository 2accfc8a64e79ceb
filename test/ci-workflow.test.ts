/**
 * The README's GitHub Actions workflow, run here on a fixture: its `run:` steps that use ballast
 * or shell only (not `gh`, not actions) are executed in order, in a folder holding the scenarios,
 * a committed baseline and the README's gate.yaml, with `npx ballast` standing for the built CLI.
 * An unchanged rerun must pass the gate (exit 0) and leave a comment with the report.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const work = mkdtempSync(join(tmpdir(), "ballast-ci-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function block(begin: string, end: string, fence: string): string {
  const part = readme.slice(readme.indexOf(begin), readme.indexOf(end));
  const m = part.match(new RegExp(`\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``));
  if (m === null) throw new Error(`no ${fence} block between ${begin} and ${end}`);
  return m[1] as string;
}

function sh(script: string, env: Record<string, string>) {
  const r = spawnSync("bash", ["-eo", "pipefail", "-c", script], {
    cwd: work,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the README's CI workflow", () => {
  test("passes an unchanged rerun against the committed baseline and writes the PR comment", () => {
    const wf = parse(block("<!-- ci-workflow:begin -->", "<!-- ci-workflow:end -->", "yml")) as {
      jobs: { gate: { steps: { run?: string; uses?: string }[]; env: Record<string, string> } };
    };
    const gate = readme.match(/```yml\n(# gate\.yaml[\s\S]*?)```/)?.[1] as string;
    writeFileSync(join(work, "gate.yaml"), gate);
    symlinkSync(join(ROOT, "scenarios"), join(work, "scenarios"));
    const env = { PATHS: "60" };
    const ballast = (cmd: string) => cmd.replaceAll("npx ballast", `node ${BIN}`);
    // The committed baseline: the same scenario, run before the change.
    expect(
      sh(ballast(`npx ballast run scenarios/examples/demo.yaml --paths 60 --out baselines --quiet`), env)
        .code,
    ).toBe(0);
    const steps = wf.jobs.gate.steps.filter(
      (s) => s.run !== undefined && s.run !== "npm ci" && !s.run.includes("gh "),
    );
    expect(steps.length).toBe(3);
    for (const s of steps) {
      const r = sh(ballast(s.run as string), env);
      expect(r.code, `${s.run}\n${r.err}`).toBe(0);
    }
    const comment = readFileSync(join(work, "comment.md"), "utf8");
    expect(comment).toContain("no regression beyond tolerance");
    expect(comment).toContain("# Ballast run: eth-short-call-hedged");
    expect(readFileSync(join(work, "ci-run/eth-short-call-hedged/report.html"), "utf8")).toContain("<svg");
  }, 180_000);
});
