/** Helpers shared by the data tests: paths of the real files, tmp fixtures, catching InputErrors. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../engine/errors.js";
import type { DataIssue } from "./types.js";

/** Absolute path of a file in the shared real-data folder (`../shared/data`). */
export function sharedData(name: string): string {
  return fileURLToPath(new URL(`../../shared/data/${name}`, import.meta.url));
}

/** A fresh temporary folder with a `write(name, text)` helper and `cleanup()`. */
export function tmpFolder(): {
  dir: string;
  write(name: string, text: string | Uint8Array): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "ballast-data-"));
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The issues of the InputError `run` throws; fails the test when it throws something else or nothing. */
export async function issuesOf(run: () => Promise<unknown> | unknown): Promise<DataIssue[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e.issues as DataIssue[];
    throw e;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

/** Splits a small CSV text into rows of fields (no quoting) — the tests' independent reader. */
export function splitCsv(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.split(","));
}
