/**
 * Reads a scenario file (YAML or JSON) into plain data. Syntax errors become an InputError naming
 * the file, line and column; nothing here throws a raw parser exception.
 *
 * Bounded before and while parsing (a scenario is a page of settings, never data): a regular file
 * of at most 1 MiB, at most 100 000 nodes, 1 000 keys in one mapping, nesting 64 deep and 100
 * alias expansions (an alias bomb is refused, not expanded). Duplicate keys are found with one set
 * per mapping, linear in the number of keys (the parser's own check is quadratic).
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { checkInputFile, readInputFile } from "../data/file-guard.js";
import { InputError, type Issue } from "../engine/errors.js";

export const MAX_SCENARIO_BYTES = 1024 * 1024;
export const MAX_SCENARIO_NODES = 100_000;
export const MAX_MAPPING_KEYS = 1_000;
export const MAX_SCENARIO_DEPTH = 64;
export const MAX_ALIAS_COUNT = 100;

const SCENARIO_FILE = `a regular .yaml, .yml or .json scenario file of at most ${MAX_SCENARIO_BYTES} bytes`;

export async function readScenarioFile(file: string): Promise<unknown> {
  const bytes = await readInputFile(file, MAX_SCENARIO_BYTES, SCENARIO_FILE);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      [{ code: "syntax", path: "(file)", message: "not UTF-8 text; allowed: YAML or JSON" }],
      file,
    );
  }
  return parseScenarioText(text, file);
}

/** Checks a file could be read as a scenario, without reading it. */
export async function checkScenarioFile(file: string): Promise<void> {
  await checkInputFile(file, MAX_SCENARIO_BYTES, SCENARIO_FILE);
}

/** Parses YAML (a superset of JSON); duplicate keys and syntax errors are reported with their line. */
export function parseScenarioText(text: string, file: string): unknown {
  if (text.length > MAX_SCENARIO_BYTES)
    refuse(file, "(file)", `${text.length} characters; allowed: at most ${MAX_SCENARIO_BYTES}`);
  const lines = new LineCounter();
  const doc = guarded(file, () =>
    parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter: lines }),
  );
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        return {
          code: "syntax",
          path: pos ? `line ${pos.line}, column ${pos.col}` : "(file)",
          message: /call stack/i.test(err.message)
            ? `nested too deeply to read; allowed: at most ${MAX_SCENARIO_DEPTH} levels`
            : (err.message.split("\n")[0] ?? err.code).replace(/ at line \d+, column \d+:?$/, ""),
        };
      }),
      file,
    );
  }
  const issues = checkShape(doc, lines);
  if (issues.length > 0) throw new InputError(issues, file);
  return guarded(file, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
}

function refuse(file: string, path: string, message: string): never {
  throw new InputError([{ code: "too_large", path, message }], file);
}

/** Runs a parser step, turning its exceptions (alias bombs, unresolved aliases, recursion) into bad input. */
function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const message =
      e instanceof RangeError
        ? `nested too deeply to read; allowed: at most ${MAX_SCENARIO_DEPTH} levels`
        : /alias count/i.test(String(e))
          ? `aliases expand to too many nodes; allowed: at most ${MAX_ALIAS_COUNT} alias expansions`
          : `${e instanceof Error ? e.message : String(e)}; allowed: YAML 1.2 or JSON (an alias needs its &anchor before it)`;
    throw new InputError([{ code: "syntax", path: "(file)", message }], file);
  }
}

/** Node count, mapping sizes, depth and duplicate keys, in one linear pass. */
function checkShape(doc: Document, lines: LineCounter): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  const at = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return `line ${p.line}, column ${p.col}`;
  };
  visit(doc, {
    Node(_key, node, path) {
      if (++nodes > MAX_SCENARIO_NODES || path.length > 2 * MAX_SCENARIO_DEPTH + 1) {
        issues.push({
          code: "too_large",
          path: at(node.range?.[0]),
          message:
            nodes > MAX_SCENARIO_NODES
              ? `more than ${MAX_SCENARIO_NODES} values; allowed: a scenario of at most ${MAX_SCENARIO_NODES}`
              : `nested more than ${MAX_SCENARIO_DEPTH} levels deep; allowed: at most ${MAX_SCENARIO_DEPTH}`,
        });
        return visit.BREAK;
      }
      if (isMap(node)) checkKeys(node.items, at, issues);
      return undefined;
    },
  });
  return issues;
}

function checkKeys(
  items: readonly { key: unknown }[],
  at: (offset: number | undefined) => string,
  issues: Issue[],
): void {
  const first = items[0]?.key as { range?: [number] } | undefined;
  if (items.length > MAX_MAPPING_KEYS) {
    issues.push({
      code: "too_large",
      path: at(first?.range?.[0]),
      message: `a mapping of ${items.length} keys; allowed: at most ${MAX_MAPPING_KEYS}`,
    });
    return;
  }
  const seen = new Set<unknown>();
  for (const { key } of items) {
    if (!isScalar(key)) continue;
    const k = String(key.value);
    if (seen.has(k)) {
      issues.push({
        code: "syntax",
        path: at(key.range?.[0]),
        message: `duplicate key "${k}"; allowed: each key once in a mapping`,
      });
    }
    seen.add(k);
  }
}
