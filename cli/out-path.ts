/**
 * Checks on the `--out` location that come before `prepareOutRoot` creates it, and the scenario
 * path as the manifest records it.
 */
import { lstat, readlink, stat } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { InputError } from "../engine/errors.js";

function refuse(out: string, why: string): never {
  throw new InputError([
    {
      code: "bad_output",
      path: "--out",
      message: `${JSON.stringify(out)} cannot hold run folders: ${why}; allowed: a folder that exists or can be created, writable`,
    },
  ]);
}

/**
 * `--out` holds no NUL (the file system calls would throw rather than answer) and is not a
 * symbolic link to nothing; checked before the scenario is even read. `prepareOutRoot` makes
 * the remaining checks (empty, a file, /proc, unwritable) when the run is ready.
 * @throws InputError naming `--out`.
 */
export async function checkOutPath(out: string): Promise<void> {
  if (out.includes("\0")) refuse(out, "it holds a NUL character");
  const link = await lstat(out).catch(() => undefined);
  if (link?.isSymbolicLink() && (await stat(out).catch(() => undefined)) === undefined)
    refuse(out, `it is a symbolic link to ${JSON.stringify(await readlink(out))}, which does not exist`);
}

/**
 * The scenario file as the manifest records it: relative to the working folder, normalised, with
 * `/` separators, so `demo.yaml`, `./demo.yaml` and its absolute path give the same bytes.
 */
export function manifestPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return (rel === "" ? "." : rel).split(sep).join("/");
}
