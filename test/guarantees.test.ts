/**
 * The README's "Guarantees" table cannot rot: every row names a test file that exists and a test
 * title that file holds, as a quoted string (the title of an `it`, `test` or `it.each`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli-harness.js";

/** Rows of the table under `## Guarantees`: [guarantee, file, test title]. */
function guaranteeRows(markdown: string): [string, string, string][] {
  const section = /^## Guarantees\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1] ?? "";
  return section
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*(Guarantee|---)/.test(l))
    .map((l) => {
      const cells = l
        .slice(1, l.trimEnd().endsWith("|") ? l.trimEnd().length - 1 : undefined)
        .split(" | ")
        .map((c) => c.trim());
      return [cells[0] ?? "", (cells[1] ?? "").replace(/^`|`$/g, ""), cells[2] ?? ""];
    });
}

const ROWS = guaranteeRows(readFileSync(join(ROOT, "README.md"), "utf8"));

describe("the README's guarantees table", () => {
  it("has rows for determinism, conservation, atomic outputs, input validation and protocol rules", () => {
    const text = ROWS.map(([g]) => g).join("\n");
    for (const topic of ["Determinism", "Conservation", "Atomic outputs", "Input validation", "Aave v3.3"])
      expect(text).toContain(topic);
  });

  it.each(ROWS)("%s: %s holds the test", (_, file, title) => {
    expect(existsSync(join(ROOT, file)), `${file} exists`).toBe(true);
    const source = readFileSync(join(ROOT, file), "utf8");
    const quoted = ['"', "'", "`"].some((q) => source.includes(`${q}${title}${q}`));
    expect(quoted, `${file} has a test titled ${JSON.stringify(title)}`).toBe(true);
  });
});
