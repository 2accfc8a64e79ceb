/**
 * Whether a folder can hold run folders, decided before any work is done and without ever calling
 * Node's recursive `mkdir`, which loops forever under `/proc` (it keeps retrying the parent when
 * the kernel answers ENOENT there). The path is walked up to its nearest existing ancestor with
 * `lstat`; that ancestor must be a directory on a disk file system (not procfs, sysfs, …) that this
 * process may write; the missing parts are then created one at a time.
 */
import { constants } from "node:fs";
import { access, lstat, mkdir, realpath, stat, statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../engine/errors.js";

/**
 * Magic numbers of kernel file systems that look like folders but cannot hold files
 * (statfs(2), linux/magic.h).
 */
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, "procfs"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x1cd1, "devpts"],
  [0xcafe4a11, "bpf"],
  [0x6165676c, "pstore"],
  [0xde5e81e4, "efivarfs"],
]);

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  EEXIST: "it is a file",
  ENOTDIR: "a part of it is a file",
  ENOENT: "a part of it vanished or is a symbolic link to nothing",
  EACCES: "it cannot be written",
  EPERM: "it cannot be written",
  EROFS: "it is on a read-only file system",
  ENAMETOOLONG: "its name is too long",
  ELOOP: "it goes through a loop of symbolic links",
};

/**
 * Makes `outRoot` exist as a writable folder; returns why it cannot be one (a phrase), or
 * undefined once it is ready. Errors this function does not know are rethrown.
 */
export async function makeOutRoot(outRoot: string): Promise<string | undefined> {
  if (outRoot.trim() === "") return "it is empty";
  const target = resolve(outRoot);
  try {
    const missing: string[] = [];
    let base = target;
    for (let info = await orNull(lstat(base)); info === null; info = await orNull(lstat(base))) {
      missing.unshift(base);
      base = dirname(base);
    }
    const problem = await baseProblem(base, base === target);
    if (problem !== undefined) return problem;
    for (const dir of missing) await mkdir(dir);
    await access(target, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    const why = WRITE_ERRORS[errorCode(error) ?? ""];
    if (why === undefined) throw error;
    return why;
  }
}

/** Why the nearest existing ancestor `base` cannot hold the rest of the path, if it cannot. */
async function baseProblem(base: string, isTarget: boolean): Promise<string | undefined> {
  const link = await lstat(base);
  if (link.isSymbolicLink() && (await orNull(stat(base))) === null)
    return `${isTarget ? "it" : `a part of it (${base})`} is a symbolic link to nothing`;
  const info = await stat(base);
  if (!info.isDirectory()) return isTarget ? "it is a file" : `a part of it (${base}) is a file`;
  const fs = VIRTUAL_FILE_SYSTEMS.get(Number((await statfs(await realpath(base))).type));
  if (fs !== undefined) return `it lies on ${fs}, a kernel file system that holds no files`;
  await access(base, constants.W_OK | constants.X_OK);
  return undefined;
}

/** The promise's value, or null when it fails with ENOENT. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/**
 * Makes sure run folders can be written under `outRoot` (created if missing) before any work is
 * done: an empty path, a file or a path under one, a dangling symbolic link, a kernel file system
 * (/proc, /sys) or a folder that cannot be written is bad input naming `--out`, reported at once.
 */
export async function prepareOutRoot(outRoot: string): Promise<void> {
  const why = await makeOutRoot(outRoot);
  if (why === undefined) return;
  throw new InputError([
    {
      code: "bad_output",
      path: "--out",
      message: `${JSON.stringify(outRoot)} cannot hold run folders: ${why}; allowed: a folder that exists or can be created, writable, on a disk file system`,
    },
  ]);
}
