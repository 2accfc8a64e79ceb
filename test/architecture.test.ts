/**
 * Architecture rules of DESIGN.md ("Layout"), enforced: what each top-level folder may import, and
 * no ambient time or randomness in simulated code (engine/, strategies/, scenarios/).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const FOLDERS = ["engine", "strategies", "scenarios", "data", "reports", "cli", "bench"] as const;

/** Allowed imports per folder: project folders and packages (node:* counts as package "node:"). */
const ALLOWED: Record<(typeof FOLDERS)[number], { folders: string[]; packages: string[] }> = {
  engine: { folders: ["engine"], packages: ["seedrandom"] },
  strategies: { folders: ["engine", "strategies"], packages: ["simple-statistics"] },
  scenarios: { folders: ["engine", "scenarios"], packages: ["simple-statistics"] },
  data: { folders: ["engine", "data"], packages: ["@duckdb/node-api", "apache-arrow", "node:"] },
  reports: {
    folders: ["engine", "reports"],
    // vega + vega-lite render report.html's charts to SVG; yaml prints the scenario in it.
    packages: ["@duckdb/node-api", "apache-arrow", "simple-statistics", "node:", "vega", "vega-lite", "yaml"],
  },
  cli: { folders: [...FOLDERS], packages: ["*"] },
  bench: { folders: [...FOLDERS], packages: ["*"] },
};

/** Package code; user-side examples (scenarios/examples: scenario and strategy files) are not. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (p.endsWith(join("scenarios", "examples"))) return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gms)].map(
    (m) => m[1] as string,
  );
}

describe("architecture", () => {
  for (const folder of FOLDERS) {
    it(`${folder}/ imports only what DESIGN.md allows`, () => {
      const bad: string[] = [];
      for (const file of sources(join(ROOT, folder))) {
        for (const spec of imports(file)) {
          const rule = ALLOWED[folder];
          if (spec.startsWith(".")) {
            const target = relative(ROOT, resolve(file, "..", spec)).split(sep)[0] as string;
            if (!rule.folders.includes(target)) bad.push(`${relative(ROOT, file)} → ${spec}`);
          } else if (
            !rule.packages.includes("*") &&
            !rule.packages.some(
              (p) => spec === p || (p === "node:" && spec.startsWith("node:")) || spec.startsWith(`${p}/`),
            )
          ) {
            bad.push(`${relative(ROOT, file)} → ${spec}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it("simulated code uses no ambient clock or randomness", () => {
    const bad: string[] = [];
    for (const folder of ["engine", "strategies", "scenarios"]) {
      for (const file of sources(join(ROOT, folder))) {
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (
              /Math\.random|Date\.now\(|new Date\(\)|performance\.now|process\.hrtime/.test(line) &&
              !line.includes("nondeterminism-ok")
            ) {
              bad.push(`${relative(ROOT, file)}:${i + 1}`);
            }
          });
      }
    }
    expect(bad).toEqual([]);
  });

  it("the CLI loads DuckDB, Arrow, Vega and the worker pool only in the commands that use them", () => {
    // Issue 14: `ballast validate` and `ballast list` answer in well under half a second, so the
    // modules every command loads (cli/main.ts and what it imports statically) must not reach the
    // heavy packages; the commands that need them import them inside their action.
    const heavy = [
      "@duckdb/node-api",
      "apache-arrow",
      "vega",
      "vega-lite",
      "tinypool",
      "cli-progress",
      "tsx",
    ];
    const seen = new Map<string, string | undefined>([[join(ROOT, "cli", "main.ts"), undefined]]);
    const queue = [join(ROOT, "cli", "main.ts")];
    const bad: string[] = [];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const text = readFileSync(file, "utf8");
      // Static imports only: `import type` is erased, `await import(...)` is loaded on demand.
      for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms)) {
        const spec = m[2] as string;
        if (spec.startsWith(".")) {
          const target = resolve(file, "..", spec.replace(/\.js$/, ".ts"));
          if (!seen.has(target)) {
            seen.set(target, file);
            queue.push(target);
          }
        } else if (heavy.some((h) => spec === h || spec.startsWith(`${h}/`))) {
          const chain = [spec, relative(ROOT, file)];
          for (let f = seen.get(file); f !== undefined; f = seen.get(f)) chain.push(relative(ROOT, f));
          bad.push(chain.join(" ← "));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
