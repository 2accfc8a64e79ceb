import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EVENT_AMOUNTS, EVENT_NAMES } from "../engine/events.js";
import { PATH_COLUMNS } from "../engine/sim/path-metrics.js";
import { SERIES_COLUMNS } from "../engine/sim/series.js";
import { renderSchemaMarkdown, TABLES } from "./schema.js";

const names = (t: string) => (TABLES[t] ?? []).map((c) => c.name);

describe("column definitions", () => {
  test("document every per-path metric the engine fills, in order, and nothing else", () => {
    expect(names("paths")).toEqual(["path", ...PATH_COLUMNS]);
  });

  test("document every series column the engine samples, in order", () => {
    expect(names("series")).toEqual(["path", "time", ...SERIES_COLUMNS]);
  });

  test("document every optional event field, once", () => {
    const ev = names("events");
    for (const k of [...EVENT_AMOUNTS, ...EVENT_NAMES]) expect(ev.filter((n) => n === k)).toEqual([k]);
    expect(new Set(ev).size).toBe(ev.length);
  });

  test("give every column a meaning, and times the TIMESTAMP type", () => {
    for (const cols of Object.values(TABLES)) {
      for (const c of cols) {
        expect(c.doc.length, c.name).toBeGreaterThan(5);
        if (c.name === "time") expect(c.type).toBe("TIMESTAMP");
      }
    }
  });

  test("are the README's columns block, byte for byte (npm run docs:columns)", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    expect(readme).toContain(renderSchemaMarkdown());
  });
});
