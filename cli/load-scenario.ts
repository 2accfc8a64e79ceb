/**
 * Reads a scenario file (YAML or JSON) into plain data. Syntax errors become an InputError naming
 * the file, line and column; nothing here throws a raw parser exception.
 */
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { InputError } from "../engine/errors.js";

export async function readScenarioFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot be read (${code})`;
    throw new InputError([
      {
        code: "file",
        path: file,
        message: `${what}; allowed: a readable .yaml, .yml or .json scenario file`,
      },
    ]);
  }
  return parseScenarioText(text, file);
}

/** Parses YAML (a superset of JSON); duplicate keys and syntax errors are reported with their line. */
export function parseScenarioText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        return {
          code: "syntax",
          path: pos ? `line ${pos.line}, column ${pos.col}` : "(file)",
          message: (err.message.split("\n")[0] ?? err.code).replace(/ at line \d+, column \d+:?$/, ""),
        };
      }),
      file,
    );
  }
  return doc.toJS();
}
