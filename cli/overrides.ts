/**
 * `--set <path>=<value>`: changes one field of the scenario file before it is validated, exactly as
 * if the value were written there. `path` uses the field paths of error messages
 * (`venues.lend.assets.ETH.lt`, `book[0].qty`, `strategy.every`); `value` is read as a YAML scalar
 * or flow collection (`0.8` is a number, `4h` a string, `[0.01, 0.99]` a list). Missing mappings
 * on the way are created; a list index must exist. Validation then checks the effective scenario
 * with the file's own rules and messages, and any problem at a path an override set names the
 * `--set` argument too.
 */
import { parse } from "yaml";
import { InputError, type Issue } from "../engine/errors.js";
import { isRecord } from "../engine/params.js";

export interface Override {
  /** The argument as given: `book[0].qty=-5`. */
  readonly text: string;
  /** The field path, normalised: `book[0].qty`. */
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly value: unknown;
  /** The flag it came from (`--set`, `--grid`), for messages. */
  readonly flag: string;
}

const SEGMENT = /^([A-Za-z_$][\w$-]*)((?:\[\d+\])*)$/;

/** Parses one `--set` argument (`flag` names it in errors). @throws InputError when malformed. */
export function parseOverride(text: string, flag = "--set"): Override {
  const eq = text.indexOf("=");
  const bad = (why: string): never => {
    throw new InputError([
      {
        code: "bad_argument",
        path: `${flag} ${text}`,
        message: `${why}; allowed: <path>=<value>, e.g. book[0].qty=-5`,
      },
    ]);
  };
  if (eq <= 0) bad("no field path before '='");
  const segments = parsePath(text.slice(0, eq)) ?? bad(`"${text.slice(0, eq)}" is not a field path`);
  let value: unknown;
  try {
    value = parse(text.slice(eq + 1));
  } catch {
    bad(`"${text.slice(eq + 1)}" is not a YAML value`);
  }
  return { text, path: formatPath(segments), segments, value: value ?? null, flag };
}

/** `a.b[2].c` → ["a", "b", 2, "c"]; undefined when malformed. */
export function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  for (const part of path.trim().split(".")) {
    const m = SEGMENT.exec(part);
    if (!m) return undefined;
    out.push(m[1] as string);
    for (const idx of (m[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function formatPath(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/**
 * A deep copy of `raw` with every override applied in order.
 * @throws InputError naming each `--set` whose path cannot be reached (an index past the end of
 *   a list, a field inside a number or text).
 */
export function applyOverrides(raw: unknown, overrides: readonly Override[]): unknown {
  if (overrides.length === 0) return raw;
  const root = structuredClone(raw ?? {});
  const issues: Issue[] = [];
  for (const o of overrides) {
    const problem = setAt(root, o.segments, o.value);
    if (problem !== undefined)
      issues.push({ code: "bad_path", path: `${o.flag} ${o.text}`, message: problem });
  }
  if (issues.length > 0) throw new InputError(issues);
  return root;
}

function setAt(root: unknown, segments: readonly (string | number)[], value: unknown): string | undefined {
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i] as string | number;
    const last = i === segments.length - 1;
    const here = formatPath(segments.slice(0, i)) || "the scenario";
    if (typeof key === "number") {
      if (!Array.isArray(node)) return `${here} is not a list; allowed: an index only into a list`;
      if (key >= node.length)
        return `${here} has ${node.length} entries; allowed: an index from 0 to ${node.length - 1}`;
      if (last) node[key] = value;
      else node = node[key];
      continue;
    }
    if (!isRecord(node)) return `${here} is not a mapping; allowed: a field only inside a mapping`;
    if (last) node[key] = value;
    else {
      if (node[key] === undefined || node[key] === null)
        node[key] = typeof segments[i + 1] === "number" ? [] : {};
      node = node[key];
    }
  }
  return undefined;
}

/**
 * Adds to each issue at (or under, or above) a path an override set the `--set` argument that set
 * it, so a bad value is traced to the command line and not only to the file.
 */
export function blameOverrides(e: unknown, overrides: readonly Override[]): unknown {
  if (!(e instanceof InputError) || overrides.length === 0) return e;
  const issues = e.issues.map((issue) => {
    const by = overrides.filter((o) => related(issue.path, o.path));
    if (by.length === 0) return issue;
    return {
      ...issue,
      message: `${issue.message} (set by ${by.map((o) => `${o.flag} ${o.text}`).join(", ")})`,
    };
  });
  return new InputError(issues, e.source);
}

function related(a: string, b: string): boolean {
  const under = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return under(a, b) || under(b, a);
}

/** Commander collector for a repeatable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
