/**
 * Warnings of one command: what Ballast did on the user's behalf where a run still means something
 * (a preset's legs past the horizon left out, …). Each is printed to stderr as it happens and the
 * run records the list in its manifest (`warnings`), so a result never hides what was changed.
 */
const current: string[] = [];

/** Starts a new list (one per command run in-process). */
export function resetWarnings(): void {
  current.length = 0;
}

export function warn(text: string): void {
  current.push(text);
  process.stderr.write(`ballast: warning: ${text}\n`);
}

/** The warnings since the last reset, in the order they were given. */
export function warnings(): readonly string[] {
  return [...current];
}
