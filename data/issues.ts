/**
 * Collects every problem found in a data file before failing (DESIGN: "parsing collects all issues
 * before failing"). The list keeps the first `limit` issues and counts the rest, which are summarised
 * as one final `more_issues` entry ("and N more").
 */
import { InputError } from "../engine/errors.js";
import type { DataIssue } from "./types.js";

export const DEFAULT_ISSUE_LIMIT = 50;

export class IssueList {
  private readonly items: DataIssue[] = [];
  private dropped = 0;

  constructor(readonly limit = DEFAULT_ISSUE_LIMIT) {}

  add(issue: DataIssue): void {
    // Another list's summary entry ("and N more"): count what it stands for, never list it.
    if (issue.omitted !== undefined) this.dropped += issue.omitted;
    else if (this.items.length < this.limit) this.items.push(issue);
    else this.dropped++;
  }

  addAll(issues: readonly DataIssue[]): void {
    for (const i of issues) this.add(i);
  }

  /** Number of problems found, listed or not. */
  get count(): number {
    return this.items.length + this.dropped;
  }

  /** The listed issues, plus an "and N more" entry when some were left off. */
  list(): DataIssue[] {
    if (this.dropped === 0) return [...this.items];
    const more = `and ${this.dropped} more problem${this.dropped === 1 ? "" : "s"} not listed`;
    return [...this.items, { code: "more_issues", path: "", message: more, omitted: this.dropped }];
  }

  /** @throws InputError (exit code 2) carrying every listed issue, when any was found. */
  throwIfAny(source: string): void {
    if (this.count > 0) throw new InputError(this.list(), source);
  }
}

/**
 * An issue located at a file ("" for none), row and column; `path` repeats the column so
 * `formatIssues` shows it.
 */
export function cellIssue(
  code: string,
  file: string,
  row: number | undefined,
  column: string | undefined,
  message: string,
): DataIssue {
  return {
    code,
    path: column ?? "",
    message,
    ...(file !== "" ? { file } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/** Throws one InputError for a single file-level problem. */
export function fail(code: string, file: string, message: string, column?: string): never {
  throw new InputError([cellIssue(code, file, undefined, column, message)], file);
}
