/**
 * Two ways to call the command line in tests: `ballastProcess` starts the built executable
 * (dist/cli/bin.js) as users and CI scripts do; `ballast` calls `main()` of cli/main.ts in this
 * process, capturing what it writes to stdout and stderr — the same code, without a process start
 * per case. Keep the process form for what only a process shows (the executable, its exit status,
 * its environment); use the in-process form for everything else.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../cli/main.js";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "dist/cli/bin.js");

export interface CliResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export function ballastProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs `main(args)` in this process; stdout and stderr are captured while it runs. */
export async function ballast(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdout, stderr } = process;
  const writeOut = stdout.write;
  const writeErr = stderr.write;
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array) => {
      sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof stdout.write;
  stdout.write = capture(out);
  stderr.write = capture(err);
  try {
    const code = await main(args);
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
}

/** A scratch folder for one test file, and a helper writing scenario files into it. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name: string, text: string): string {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    },
  };
}
