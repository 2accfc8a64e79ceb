/**
 * Errors are data with a code and a place (STYLE 7). Input problems are collected as `Issue`s and
 * thrown together in one `InputError` (exit code 2); broken invariants are `InternalError`s (exit 3).
 * Liquidations, rejected intents and insolvency are events, never exceptions.
 */
import { escapeInvisible } from "./names.js";

export interface Issue {
  /** Stable machine-readable code, e.g. `unknown_key`, `out_of_range`, `missing`. */
  readonly code: string;
  /** Where: a field path (`oracle.heartbeat`), optionally prefixed by a file, row or column. */
  readonly path: string;
  /** What was wrong and what is allowed, in one sentence. */
  readonly message: string;
  readonly file?: string;
  readonly row?: number;
  /** Set on a summary entry ("and N more") that stands for this many problems not listed. */
  readonly omitted?: number;
}

export class BallastError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: a scenario, data file or flag that cannot be used as given. Exit code 2. */
export class InputError extends BallastError {
  constructor(
    readonly issues: readonly Issue[],
    readonly source?: string,
  ) {
    super(formatIssues(issues, source), 2);
  }
}

/** A broken invariant inside Ballast (e.g. the ledger stopped balancing). Exit code 3. */
export class InternalError extends BallastError {
  constructor(message: string) {
    super(message, 3);
  }
}

/**
 * Renders issues one per line: `file: path: message`. Control and format characters a file put into
 * a key, a name or a value are shown escaped, never sent raw to the terminal.
 */
export function formatIssues(issues: readonly Issue[], source?: string): string {
  const count = issueCount(issues);
  const head = source ? `${source}: ${count} problem${count === 1 ? "" : "s"}` : "";
  const lines = issues.map((i) => {
    const where = [i.file, i.row !== undefined ? `row ${i.row}` : undefined, i.path]
      .filter((s) => s !== undefined && s !== "")
      .join(": ");
    return where === "" ? `  - ${i.message}` : `  - ${where}: ${i.message}`;
  });
  return escapeInvisible([head, ...lines].filter((l) => l !== "").join("\n"));
}

/** Problems found, listed or not: a summary entry counts for the problems it stands for. */
export function issueCount(issues: readonly Issue[]): number {
  let n = 0;
  for (const i of issues) n += i.omitted ?? 1;
  return n;
}

/** Describes a found value briefly for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return "an object";
}

/**
 * A strategy failed at run time (threw, or emitted an invalid intent): names the strategy (its
 * kind or file), the simulated time and, once the runner adds it, the path. Exit code 2: the
 * scenario's strategy cannot run as given.
 */
export class StrategyError extends BallastError {
  path: number | undefined;

  constructor(
    readonly strategy: string,
    readonly timeMs: number,
    readonly reason: string,
  ) {
    super("", 2);
    this.message = this.describe();
  }

  /** Adds the path the failure happened on (the first one to see it wins). */
  onPath(path: number): void {
    if (this.path !== undefined) return;
    this.path = path;
    this.message = this.describe();
  }

  private describe(): string {
    const at = Number.isFinite(this.timeMs) ? new Date(this.timeMs).toISOString() : "start";
    const where = this.path === undefined ? "" : `path ${this.path}, `;
    return `${this.strategy}: ${where}simulated time ${at}: ${this.reason}`;
  }
}
