/**
 * `ballast compare`: loads two run folders, decides whether their paths pair up (same seed, same
 * price model — `manifest.scenario.market` — and the same path count), judges each metric against
 * the gate and renders the result as a table or JSON. Exit code 1 when any metric regressed.
 */
import { join } from "node:path";
import { InputError } from "../engine/errors.js";
import { type Change, change, METRICS, type RunColumns } from "./compare.js";
import { formatNumber } from "./format.js";
import { allowance, defaultGate, type Gate, type Verdict, verdict } from "./gate.js";
import { folderKind, readColumns, readManifest } from "./read-folder.js";
import type { Manifest } from "./types.js";

export interface CompareRow extends Change {
  readonly metric: string;
  readonly label: string;
  readonly worse: string;
  readonly allowed: number | null;
  readonly verdict: Verdict;
}

export interface Comparison {
  readonly paired: boolean;
  /** Why the runs are (not) paired. */
  readonly pairing: string;
  readonly rows: readonly CompareRow[];
  readonly regression: boolean;
}

async function load(dir: string, role: string): Promise<{ manifest: Manifest; columns: RunColumns }> {
  if (folderKind(dir) !== "run") {
    throw new InputError([
      { code: "not_a_run", path: dir, message: `the ${role} is a sweep folder; allowed: a run folder` },
    ]);
  }
  const manifest = readManifest(dir);
  const t = await readColumns(join(dir, "paths.parquet"));
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(t.columns)) {
    if (v instanceof Float64Array) columns[k] = v;
    else if (v instanceof Int32Array) columns[k] = Float64Array.from(v);
  }
  if (columns["pnl"] === undefined || t.length === 0) {
    throw new InputError([
      {
        code: "no_paths",
        path: join(dir, "paths.parquet"),
        message: "no pnl column or no rows; allowed: a run's paths table",
      },
    ]);
  }
  return { manifest, columns };
}

/** Why two runs do or do not share their price paths. */
export function pairing(a: Manifest, b: Manifest, na: number, nb: number): [boolean, string] {
  if (a.seed !== b.seed) return [false, `seeds differ (${a.seed} vs ${b.seed}): independent runs, Welch`];
  if (na !== nb) return [false, `path counts differ (${na} vs ${nb}): independent runs, Welch`];
  const ma = JSON.stringify((a["scenario"] as { market?: unknown } | undefined)?.market ?? null);
  const mb = JSON.stringify((b["scenario"] as { market?: unknown } | undefined)?.market ?? null);
  if (ma === "null" || ma !== mb)
    return [false, "price models differ (scenario market sections): independent runs, Welch"];
  return [
    true,
    `same seed ${a.seed}, price model and ${na} paths: paired per-path differences (common random numbers)`,
  ];
}

export async function compareRuns(
  baseDir: string,
  candDir: string,
  gate: Gate | undefined,
): Promise<Comparison> {
  const base = await load(baseDir, "baseline");
  const cand = await load(candDir, "candidate");
  const na = (base.columns["pnl"] as Float64Array).length;
  const nb = (cand.columns["pnl"] as Float64Array).length;
  const [paired, why] = pairing(base.manifest, cand.manifest, na, nb);
  const g = gate ?? defaultGate();
  const rows: CompareRow[] = [];
  for (const m of METRICS) {
    const c = change(m, base.columns, cand.columns, paired, base.manifest.seed);
    if (c === null) continue;
    const t = g[m.name];
    rows.push({
      metric: m.name,
      label: m.label,
      worse: t?.worse ?? m.worse,
      ...c,
      allowed: t ? allowance(t, c) : null,
      verdict: verdict(t, c),
    });
  }
  return { paired, pairing: why, rows, regression: rows.some((r) => r.verdict === "regression") };
}

/** metric / baseline / candidate / change / ± / verdict, aligned. */
export function formatComparison(c: Comparison): string {
  const head = ["metric", "baseline", "candidate", "change", "±", "verdict"];
  const body = c.rows.map((r) => [
    r.metric,
    formatNumber(r.baseline, 4),
    formatNumber(r.candidate, 4),
    formatNumber(r.change, 4),
    formatNumber(r.se, 4),
    r.verdict === "regression" ? "REGRESSION" : r.verdict,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (row: string[]) =>
    row
      .map((x, i) => (i === 0 || i === 5 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  const status = c.regression ? "regression beyond tolerance" : "no regression beyond tolerance";
  return `${c.pairing}\n\n${[line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n")}\n\n${status}\n`;
}
