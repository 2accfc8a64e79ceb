/**
 * Runs the `ballast` command line in-process through `main()` (no process start per case), with
 * stdout and stderr captured and a per-case time limit, and checks what a bad input must never
 * produce: a stack trace, an internal error, NaN in an output, or a folder that looks complete.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { main } from "../../cli/main.js";

export interface CaseResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export const workDir = (): string => mkdtempSync(join(tmpdir(), "ballast-fuzz-"));

/** A scenario small enough to run in a blink: 2 days of hours, a few paths, a hedged put. */
export const BASE = `
name: fuzz
seed: 3
paths: 3
clock: { start: 2024-01-01T00:00:00Z, horizon: 2d, step: 1h }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
book:
  - { kind: option, underlying: ETH, right: put, strike: 1900, expiry: 2d, qty: -2, iv: 0.6 }
  - { kind: perp, underlying: ETH, collateral: 5000 }
strategy: { kind: delta-hedge, every: 4h }
report: { sampleSeries: 1, eventPaths: 1 }
`;

/** Runs `ballast …args` in-process; rejects when it takes longer than `limitMs` (a hang). */
export async function ballast(args: readonly string[], limitMs = 20_000): Promise<CaseResult> {
  let out = "";
  let err = "";
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  let timer: NodeJS.Timeout | undefined;
  try {
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms: a hang`)), limitMs);
    });
    const code = await Promise.race([main(args), limit]);
    return { code, out, err };
  } finally {
    clearTimeout(timer);
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

export function writeCase(dir: string, name: string, text: string | Uint8Array): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** Exit 2, the place named, no stack trace or internal error, and no run folder under `out`. */
export function expectRefused(r: CaseResult, place: RegExp, out?: string): void {
  expect(r.err, r.err).toMatch(place);
  expect(r.code, r.err).toBe(2);
  expect(r.err).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
  expect(r.err.includes(String.fromCharCode(27))).toBe(false);
  if (out !== undefined) expect(visibleEntries(out)).toEqual([]);
}

/** Entries of a folder that do not start with "." (a run folder that looks complete); [] when absent. */
export function visibleEntries(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith("."));
  } catch {
    return [];
  }
}
