/**
 * Report speed over a run folder of 100 000 paths and 100 sampled series: writing the folder (the
 * Parquet tables, summary.json with its bootstrap intervals, report.md, and report.html with every
 * chart rendered to SVG), then `ballast report` rebuilding the three reports from its tables. The
 * results come from a real 1 000-path demo run with `sampleSeries: 100`, its paths table repeated
 * to 100 000 rows (path indices renumbered): the reports' cost depends on the row counts, not on
 * how the rows were made.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../cli/compile.js";
import { DEMO_SCENARIO } from "../cli/paths.js";
import { toResults } from "../cli/results.js";
import { loadScenario } from "../cli/scenario.js";
import { runPaths } from "../engine/sim/run.js";
import { rebuildReports } from "../reports/rebuild.js";
import { writeRunFolder } from "../reports/run-folder.js";
import type { Column, ColumnTable } from "../reports/types.js";

function tile(t: ColumnTable, rows: number): ColumnTable {
  const columns: Record<string, Column> = {};
  for (const [k, v] of Object.entries(t.columns)) {
    if (k === "path") columns[k] = Int32Array.from({ length: rows }, (_, i) => i);
    else if (v instanceof Int32Array)
      columns[k] = Int32Array.from({ length: rows }, (_, i) => v[i % t.length] as number);
    else
      columns[k] = Float64Array.from({ length: rows }, (_, i) => (v as Float64Array)[i % t.length] as number);
  }
  return { columns, length: rows };
}

export interface ReportsBench {
  readonly paths: number;
  /** Writing the run folder: tables, summary.json, report.md, report.html (s). */
  readonly writeSeconds: number;
  /** `ballast report`: summary.json, report.md, report.html rebuilt from the tables (s). */
  readonly seconds: number;
}

export async function benchReports(paths = 100_000): Promise<ReportsBench> {
  const loaded = await loadScenario(DEMO_SCENARIO);
  const cfg = compile(loaded.scenario, { paths: 1000 });
  const out = runPaths({ ...cfg, record: { ...cfg.record, seriesPaths: 100 } });
  const r = toResults(loaded.scenario, out, { seed: cfg.seed, paths, scenarioFile: "demo.yaml" });
  const root = mkdtempSync(join(tmpdir(), "ballast-bench-reports-"));
  try {
    const results = { ...r, paths: tile(r.paths, paths) };
    const t0 = process.hrtime.bigint();
    const dir = await writeRunFolder(root, "bench", results);
    const t1 = process.hrtime.bigint();
    await rebuildReports(dir);
    const t2 = process.hrtime.bigint();
    return { paths, writeSeconds: Number(t1 - t0) / 1e9, seconds: Number(t2 - t1) / 1e9 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
