/**
 * report, query and compare from the command line (in-process): `report` rebuilds summary.json and
 * report.md byte for byte from the tables; `query` prints tables, JSON and CSV; `compare` flags the
 * demo hedged every 4 h instead of every hour (hedge error up) as a regression (exit 1) and passes
 * an unchanged rerun (exit 0); folders that cannot be compared are bad input (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { main } from "../cli/main.js";

const out = mkdtempSync(join(tmpdir(), "ballast-reports-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let stdout = "";
  let stderr = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, out: stdout, err: stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let hourly = "";
let rerun = "";
let every4h = "";

beforeAll(async () => {
  const run = async (...extra: string[]) =>
    (await cli("run", "--paths", "150", "--out", out, "--quiet", ...extra)).out.trim();
  hourly = await run();
  rerun = await run();
  every4h = await run("--set", "strategy.every=4h");
}, 240_000);

describe("ballast report", () => {
  test("rebuilds summary.json and report.md byte for byte, and report.html, from the folder's tables", async () => {
    const json = readFileSync(join(hourly, "summary.json"), "utf8");
    const md = readFileSync(join(hourly, "report.md"), "utf8");
    unlinkSync(join(hourly, "report.md"));
    unlinkSync(join(hourly, "report.html"));
    writeFileSync(join(hourly, "summary.json"), `{"manifest": ${JSON.stringify(JSON.parse(json).manifest)}}`);
    const r = await cli("report", hourly);
    expect(r.code).toBe(0);
    expect(readFileSync(join(hourly, "summary.json"), "utf8")).toBe(json);
    expect(readFileSync(join(hourly, "report.md"), "utf8")).toBe(md);
    expect(readFileSync(join(hourly, "report.html"), "utf8")).toContain("<svg");
  }, 60_000);

  test("names a folder that is not a run folder (exit 2)", async () => {
    const r = await cli("report", join(out, "nowhere"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("nowhere");
  });
});

describe("ballast query", () => {
  test("prints a table, JSON or CSV", async () => {
    const sql = "SELECT count(*) AS n, count(*) FILTER (WHERE trades > 0) AS traded FROM paths";
    expect((await cli("query", hourly, sql)).out).toBe("  n  traded\n---  ------\n150     150\n");
    expect(JSON.parse((await cli("query", hourly, sql, "--json")).out)).toEqual([{ n: 150, traded: 150 }]);
    expect((await cli("query", hourly, "SELECT 'a,b' AS s, NULL AS x", "--csv")).out).toBe('s,x\n"a,b",\n');
    const t = await cli("query", hourly, "SELECT min(time) AS t FROM series", "--json");
    expect(JSON.parse(t.out)[0].t).toMatch(/^2024-01-01/);
  });

  test("reports bad SQL with DuckDB's message and the views (exit 2)", async () => {
    const r = await cli("query", hourly, "SELECT nope FROM paths");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope/);
    expect(r.err).toMatch(/paths, events, series/);
  });
});

describe("ballast compare", () => {
  test("flags hedging every 4 h instead of 1 h as a regression: hedge error up (exit 1)", async () => {
    const r = await cli("compare", hourly, every4h, "--json");
    expect(r.code).toBe(1);
    const c = JSON.parse(r.out);
    expect(c.paired).toBe(true);
    const row = (m: string) => c.rows.find((x: { metric: string }) => x.metric === m);
    expect(row("hedgeError").verdict).toBe("regression");
    expect(row("hedgeError").change).toBeGreaterThan(0);
    // Fewer trades: fees fall, so the hedge cost is better, not a regression.
    expect(row("meanHedgeCost").verdict).toBe("better");
    const text = await cli("compare", hourly, every4h);
    expect(text.out).toMatch(/^hedgeError\s.*REGRESSION$/m);
    expect(text.out).toContain("metric");
  }, 60_000);

  test("passes an unchanged rerun (exit 0): every change 0", async () => {
    const r = await cli("compare", hourly, rerun, "--json");
    expect(r.code).toBe(0);
    for (const row of JSON.parse(r.out).rows) expect(row.change).toBe(0);
  }, 60_000);

  test("with a gate that tolerates the change, passes (exit 0)", async () => {
    const gate = join(out, "gate.yaml");
    writeFileSync(gate, "metrics:\n  hedgeError: { absolute: 10 }\n");
    expect((await cli("compare", hourly, every4h, "--gate", gate)).code).toBe(0);
  }, 60_000);

  test("says why folders cannot be compared (exit 2)", async () => {
    const r = await cli("compare", hourly, join(out, "missing"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing");
  });
});
