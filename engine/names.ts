/**
 * A scenario's `name` names its run folder: the rule both scenario validation and the run-folder
 * writer apply, so a name `validate` accepts is one `run` can write.
 */

/** Longest name in characters: the folder also carries a `-N` suffix and, while written, a temporary prefix. */
export const MAX_RUN_NAME = 100;
/**
 * Longest name in UTF-8 bytes. File systems cap a file name at 255 bytes (ext4, APFS, NTFS in
 * UTF-16 units); the temporary folder `.<name>.tmp-<pid>-<n>` adds up to 32 bytes and a `-N`
 * suffix a few more, so 200 bytes always fit.
 */
export const MAX_RUN_NAME_BYTES = 200;

const encoder = new TextEncoder();

/**
 * Control and format characters (C0, DEL, C1, bidirectional overrides, zero-width marks): a name
 * is printed to the terminal and written into file names, where they would hide or rewrite text.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** `text` with every control or format character written as `\u{…}`, safe to print to a terminal. */
export function escapeInvisible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) =>
    c === "\n" ? c : `\\u{${(c.codePointAt(0) as number).toString(16)}}`,
  );
}

/** Why `name` cannot name a run folder, or undefined when it can. */
export function runNameProblem(name: string): string | undefined {
  const allowed = `allowed: a non-empty folder name of at most ${MAX_RUN_NAME} characters and ${MAX_RUN_NAME_BYTES} UTF-8 bytes, without "/", "\\\\", control characters or a leading "."`;
  if (INVISIBLE.test(name))
    return `found a name with control or format characters (${escapeInvisible(JSON.stringify(name))}); ${allowed}`;
  if (name === "" || name.startsWith(".") || /[/\\]/.test(name) || [".", ".."].includes(name.trim()))
    return `found ${JSON.stringify(name)}; ${allowed}`;
  const bytes = encoder.encode(name).length;
  if (name.length > MAX_RUN_NAME || bytes > MAX_RUN_NAME_BYTES)
    return `found a name of ${name.length} characters and ${bytes} bytes; ${allowed}`;
  return undefined;
}
