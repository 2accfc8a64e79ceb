/**
 * Checks `LoadOptions` up front (every bad option is reported, with what is allowed) and converts
 * them to milliseconds. The format defaults to the file extension.
 */
import { extname } from "node:path";
import { DURATION_UNITS, parseDuration } from "../engine/units.js";
import { cellIssue, type IssueList } from "./issues.js";
import { parseTimeOption } from "./time-text.js";
import type { DataFormat, LoadOptions } from "./types.js";

const EXTENSIONS: Readonly<Record<string, DataFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
  ".arrows": "arrow",
};
const FORMATS: readonly DataFormat[] = ["csv", "parquet", "arrow"];

export interface CheckedOptions {
  readonly format: DataFormat;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly resampleMs?: number;
  readonly maxGapMs?: number;
  readonly dropNullRows: boolean;
}

function optionIssue(file: string, key: string, message: string): ReturnType<typeof cellIssue> {
  return { ...cellIssue("bad_option", file, undefined, undefined, message), path: `options.${key}` };
}

/** The format of `file`: the given one, else by extension; undefined (with an issue) when unknown. */
export function formatOf(file: string, given: unknown, issues: IssueList): DataFormat | undefined {
  if (given !== undefined) {
    if (FORMATS.includes(given as DataFormat)) return given as DataFormat;
    issues.add(
      optionIssue(file, "format", `format ${JSON.stringify(given)} is not one of ${FORMATS.join(", ")}`),
    );
    return undefined;
  }
  const byExt = EXTENSIONS[extname(file).toLowerCase()];
  if (byExt === undefined) {
    const known = Object.keys(EXTENSIONS).join(" ");
    issues.add(
      optionIssue(
        file,
        "format",
        `cannot tell the format from the extension of "${file}" (known: ${known}); give format: csv, parquet or arrow`,
      ),
    );
  }
  return byExt;
}

/** A positive duration option in ms, or undefined (with an issue when given but invalid). */
export function durationOption(
  file: string,
  key: string,
  value: unknown,
  issues: IssueList,
): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms !== undefined && ms > 0) return ms;
  issues.add(
    optionIssue(
      file,
      key,
      `${key} ${JSON.stringify(value)} is not a positive duration (a number of ms or e.g. "6h"; units ${DURATION_UNITS.join(", ")})`,
    ),
  );
  return undefined;
}

function timeOption(
  file: string,
  key: string,
  value: string | number | undefined,
  issues: IssueList,
): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseTimeOption(value);
  if (Number.isFinite(ms)) return ms;
  issues.add(
    optionIssue(
      file,
      key,
      `${key} ${JSON.stringify(value)} is not a time: expected an ISO date such as 2020-03-01 or 2020-03-01T12:00Z, or epoch ms`,
    ),
  );
  return undefined;
}

/** Checks every option; problems go to `issues`. */
export function checkOptions(file: string, options: LoadOptions, issues: IssueList): CheckedOptions {
  const format = formatOf(file, options.format, issues) ?? "csv";
  const fromMs = timeOption(file, "from", options.from, issues);
  const toMs = timeOption(file, "to", options.to, issues);
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs)
    issues.add(
      optionIssue(
        file,
        "to",
        `to (${options.to}) is before from (${options.from}); the range kept is from ≤ time ≤ to`,
      ),
    );
  const resampleMs = durationOption(file, "resample", options.resample, issues);
  const maxGapMs = durationOption(file, "maxGap", options.maxGap, issues);
  const nullRows = options.nullRows ?? "error";
  if (nullRows !== "error" && nullRows !== "gap")
    issues.add(
      optionIssue(file, "nullRows", `nullRows ${JSON.stringify(nullRows)} is not one of error, gap`),
    );
  if (options.epochUnit !== undefined && !["s", "ms", "us", "ns"].includes(options.epochUnit))
    issues.add(
      optionIssue(
        file,
        "epochUnit",
        `epochUnit ${JSON.stringify(options.epochUnit)} is not one of s, ms, us, ns`,
      ),
    );
  if (options.delimiter !== undefined && options.delimiter.length !== 1)
    issues.add(
      optionIssue(file, "delimiter", `delimiter ${JSON.stringify(options.delimiter)} must be one character`),
    );
  return {
    format,
    dropNullRows: nullRows === "gap",
    ...(fromMs !== undefined ? { fromMs } : {}),
    ...(toMs !== undefined ? { toMs } : {}),
    ...(resampleMs !== undefined ? { resampleMs } : {}),
    ...(maxGapMs !== undefined ? { maxGapMs } : {}),
  };
}
