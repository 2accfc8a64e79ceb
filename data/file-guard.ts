/**
 * Every input file is bounded before it is read: it must be a regular file (a FIFO, a character
 * device such as /dev/zero, a socket or a directory would block or never end) no larger than a
 * cap. The file is opened non-blocking first and checked on the open handle, so a FIFO cannot
 * stall the open and a file swapped between check and read is the one checked.
 */
import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { InputError } from "../engine/errors.js";

/** Largest data file (CSV, Parquet, Arrow): 1 GiB, ~30 years of minute bars as CSV. */
export const MAX_DATA_FILE_BYTES = 1024 * 1024 * 1024;

function refuse(file: string, what: string, message: string, code = "bad_file"): never {
  throw new InputError([{ code, path: "", file, message: `${message}; allowed: ${what}` }], file);
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean }): string {
  if (s.isDirectory()) return "a directory";
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isCharacterDevice()) return "a character device";
  return "not a regular file";
}

async function openChecked(file: string, maxBytes: number, what: string): Promise<[FileHandle, number]> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return refuse(file, what, "no such file", "file_not_found");
    const why = code === "EACCES" ? "permission denied" : `cannot be opened (${code})`;
    return refuse(file, what, why, "unreadable_file");
  }
  const s = await handle.stat();
  if (!s.isFile()) {
    await handle.close();
    return refuse(file, what, `it is ${kindOf(s)}`);
  }
  if (s.size > maxBytes) {
    await handle.close();
    return refuse(file, what, `it holds ${s.size} bytes, more than the ${maxBytes} allowed`);
  }
  return [handle, s.size];
}

/**
 * Checks `file` is a regular file of at most `maxBytes` (`what` says what is allowed, for the
 * message) without reading it. Returns its size.
 * @throws InputError (exit code 2) naming the file and what it is.
 */
export async function checkInputFile(file: string, maxBytes: number, what: string): Promise<number> {
  const [handle, size] = await openChecked(file, maxBytes, what);
  await handle.close();
  return size;
}

/** Reads a regular file of at most `maxBytes` whole, after the checks of `checkInputFile`. */
export async function readInputFile(file: string, maxBytes: number, what: string): Promise<Uint8Array> {
  const [handle, size] = await openChecked(file, maxBytes, what);
  try {
    const out = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(out, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? out : out.subarray(0, at);
  } finally {
    await handle.close();
  }
}
