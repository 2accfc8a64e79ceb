/**
 * Reports of a sweep folder (DESIGN: one run folder per point, `points.parquet` with one row per
 * point, `summary.json` listing the points). In `points.parquet`, a grid parameter is a numeric
 * column named by its scenario path (it contains a dot, e.g. `debt.ltv`) that takes ≥ 2 values;
 * every other numeric column is a metric, with its 95 % interval in `<metric>Lower` /
 * `<metric>Upper` or its standard error in `<metric>Se` when present. report.md lists the points;
 * report.html draws each metric against each parameter (a line with its interval band).
 */
import { join } from "node:path";
import { gridLineChart } from "./charts.js";
import { formatNumber } from "./format.js";
import { esc } from "./html.js";
import { readColumns } from "./read-folder.js";
import { writeAtomic } from "./rebuild.js";
import { renderSvg } from "./render-svg.js";
import type { Column } from "./types.js";

const SUFFIXES = ["Lower", "Upper", "Se"];

function numeric(c: Column): c is Float64Array | Int32Array {
  return c instanceof Float64Array || c instanceof Int32Array;
}

/** Writes the sweep's report.md and report.html; returns their paths. */
export async function renderSweepReports(dir: string): Promise<string[]> {
  const t = await readColumns(join(dir, "points.parquet"));
  const names = Object.keys(t.columns);
  const nums = names.filter((n) => numeric(t.columns[n] as Column));
  const params = nums.filter((n) => n.includes(".") && new Set(t.columns[n] as Float64Array).size >= 2);
  const metrics = nums.filter(
    (n) =>
      !params.includes(n) && !SUFFIXES.some((s) => n.endsWith(s) && nums.includes(n.slice(0, -s.length))),
  );
  const cell = (n: string, i: number) => {
    const v = (t.columns[n] as Column)[i];
    return typeof v === "number" ? formatNumber(v, 4) : String(v ?? "NULL");
  };
  const header = `| ${names.join(" | ")} |\n|${names.map(() => "---").join("|")}|`;
  const body = Array.from({ length: t.length }, (_, i) => `| ${names.map((n) => cell(n, i)).join(" | ")} |`);
  const md = `# Ballast sweep\n\n${t.length} points; parameters: ${params.join(", ") || "none"}.\n\n${header}\n${body.join("\n")}\n`;
  const figures: string[] = [];
  for (const p of params) {
    for (const m of metrics) {
      const col = (k: string) => t.columns[k] as Float64Array | undefined;
      const se = col(`${m}Se`);
      const rows = Array.from({ length: t.length }, (_, i) => {
        const v = (col(m) as Float64Array)[i] as number;
        const lo = col(`${m}Lower`)?.[i] ?? (se ? v - 1.96 * (se[i] as number) : v);
        const hi = col(`${m}Upper`)?.[i] ?? (se ? v + 1.96 * (se[i] as number) : v);
        return { [p]: (col(p) as Float64Array)[i], value: v, lower: lo, upper: hi };
      }).filter((r) => Number.isFinite(r.value));
      if (rows.length < 2) continue;
      const svg = await renderSvg(gridLineChart(`${m} against ${p} (95 % interval)`, rows, p, m));
      figures.push(`<figure class="chart" id="${esc(`${m}-${p}`)}">${svg}</figure>`);
    }
  }
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Ballast sweep</title></head>\n<body>\n<h1>Ballast sweep</h1>\n<p>${t.length} points.</p>\n${figures.join("\n")}\n</body></html>\n`;
  await writeAtomic(join(dir, "report.md"), md);
  await writeAtomic(join(dir, "report.html"), html);
  return [join(dir, "report.md"), join(dir, "report.html")];
}
