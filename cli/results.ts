/**
 * Turns the engine's run output into the results store's tables (reports/types.ts) and the
 * manifest every run folder carries (STYLE 14: every result says how to reproduce it).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVENT_TYPE_NAMES } from "../engine/events.js";
import type { RunOutput } from "../engine/sim/run.js";
import { SERIES_COLUMNS } from "../engine/sim/series.js";
import type { ColumnTable, DataRange, RunResults } from "../reports/types.js";
import type { Scenario } from "../scenarios/schema/types.js";
import { PACKAGE_ROOT } from "./paths.js";

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version;

/** SHA-256 of the normalised scenario (defaults filled, stable key order), hex. */
export function scenarioHash(s: Scenario): string {
  return createHash("sha256").update(JSON.stringify(s.normalised)).digest("hex");
}

export interface ManifestExtras {
  readonly seed: number;
  readonly paths: number;
  readonly scenarioFile: string;
  readonly dataRange?: DataRange;
}

export function toResults(s: Scenario, out: RunOutput, extras: ManifestExtras): RunResults {
  const n = out.to - out.from;
  const pathIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) pathIndex[i] = out.from + i;
  const paths: ColumnTable = { columns: { path: pathIndex, ...out.metrics.columns }, length: n };
  const ev = out.events;
  const events: ColumnTable = {
    columns: {
      timeMs: ev.timeMs,
      path: Int32Array.from(ev.path),
      type: ev.type.map((t) => EVENT_TYPE_NAMES[t] as string),
      account: ev.account,
      asset: ev.asset,
      size: ev.size,
      price: ev.price,
      bonus: ev.bonus,
      shortfall: ev.shortfall,
      detail: ev.detail,
    },
    length: ev.length,
  };
  const se = out.series;
  const seriesCols: Record<string, number[] | Int32Array> = {
    path: Int32Array.from(se.path),
    timeMs: se.timeMs,
  };
  for (const c of SERIES_COLUMNS) seriesCols[c] = se.values[c];
  const counts: Record<string, number> = {};
  EVENT_TYPE_NAMES.forEach((name, i) => {
    counts[name] = ev.counts[i] as number;
  });
  return {
    manifest: {
      version: VERSION,
      scenarioName: s.name,
      scenarioHash: scenarioHash(s),
      seed: extras.seed,
      paths: extras.paths,
      ...(extras.dataRange ? { dataRange: extras.dataRange } : {}),
      scenarioFile: extras.scenarioFile,
      assets: s.market.assetNames,
      steps: out.steps,
    },
    paths,
    events,
    series: { columns: seriesCols, length: se.length },
    metrics: { eventCounts: counts, ledgerPostings: out.postings },
  };
}
