/**
 * The temporary side of an atomic run-folder write: the hidden `.<name>.tmp-<pid>-<n>` folder a
 * run is written into, `.<name>.old-<pid>-<n>` for a folder set aside by `--overwrite`, the sweep
 * that removes what dead writers left behind, and the signal guard of a write in progress.
 */
import { renameSync, rmSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../engine/errors.js";

const TEMP = /^\.(.+)\.(tmp|old)-(\d+)-(\d+)$/;
/** Temporary folders this process has made and not yet published or removed. */
const ours = new Set<string>();
let counter = 0;

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
}

/** Whether a process of this id runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/** A temporary or set-aside name under `outRoot` for `runName`, unique in this process. */
export function sideName(outRoot: string, runName: string, what: "tmp" | "old"): string {
  const path = join(outRoot, `.${runName}.${what}-${process.pid}-${++counter}`);
  ours.add(path);
  return path;
}

/** Forgets a side folder once it has been renamed or removed. */
export function released(path: string): void {
  ours.delete(path);
}

export async function makeTempDir(outRoot: string, runName: string): Promise<string> {
  for (;;) {
    const dir = sideName(outRoot, runName, "tmp");
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      released(dir);
      if (errorCode(error) !== "EEXIST") throw error;
    }
  }
}

/**
 * Removes the temporary folders of writers that no longer run (killed with SIGKILL, or the machine
 * went down), and puts back a folder an interrupted `--overwrite` had set aside when its name is
 * free. A folder whose writer's process is alive is never touched; one named with this process's
 * own id but not made by it is a dead namesake's (process ids are reused, e.g. in containers).
 */
export async function sweepStale(outRoot: string): Promise<void> {
  const names = await readdir(outRoot).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(outRoot, name);
    const pid = Number(m[3]);
    if (pid === process.pid ? ours.has(path) : alive(pid)) continue;
    const original = join(outRoot, m[1] as string);
    if (m[2] === "old" && !(await exists(original))) await rename(path, original).catch(() => undefined);
    else await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** What an interrupted write must undo: the temporary folder, and a folder set aside to restore. */
export interface WriteState {
  temp: string;
  final: string;
  old?: string;
  published: boolean;
}

/**
 * Runs `fn` with SIGINT and SIGTERM handled: on a signal the temporary folder is removed, a folder
 * set aside by `--overwrite` is put back, what happened is printed, and the process exits with
 * 128 + the signal number (130, 143), so no half-written folder survives and none looks complete.
 * `note`, when given, is printed after that message.
 */
export async function withSignalGuard<T>(
  state: WriteState,
  note: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    if (!state.published) rmSync(state.temp, { recursive: true, force: true });
    if (state.old !== undefined && !state.published) {
      try {
        renameSync(state.old, state.final);
      } catch {
        // The final name was never freed, or is taken again: the set-aside folder stays for the next sweep.
      }
    }
    process.stderr.write(
      `ballast: interrupted by ${signal} while writing ${state.final}; ${state.published ? "the folder was complete and stays" : "nothing was published and earlier run folders are untouched"}\n${note === undefined ? "" : `${note}\n`}`,
    );
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await fn();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

const IO_CODES = [
  "EEXIST",
  "EACCES",
  "EPERM",
  "ENOENT",
  "ENOSPC",
  "EDQUOT",
  "EROFS",
  "ENOTDIR",
  "EIO",
  "EMFILE",
  "EFBIG",
];

/**
 * A failure to write (a folder made unwritable or removed while the run was written, a full disk)
 * as bad output naming `--out`; anything else is returned unchanged.
 */
export function writeFailure(error: unknown, outRoot: string, runName: string): unknown {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (!IO_CODES.includes(code ?? "") && !/IO Error|Permission denied|No such file|No space/i.test(text))
    return error;
  return new InputError([
    {
      code: "write_failed",
      path: "--out",
      message: `could not write run folder "${runName}" under ${JSON.stringify(outRoot)}: ${text.split("\n")[0]}; nothing was published (the partial folder was removed); allowed: a folder that stays writable while the run is written`,
    },
  ]);
}
