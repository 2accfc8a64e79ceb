/**
 * Turns the engine's run output into the results store's tables (reports/types.ts) and the
 * manifest every run folder carries (STYLE 14: every result says how to reproduce it).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVENT_AMOUNTS, EVENT_TYPE_NAMES, type EventLog } from "../engine/events.js";
import type { PathColumn } from "../engine/sim/path-metrics.js";
import type { RunOutput } from "../engine/sim/run.js";
import {
  ACCOUNT_SERIES_COLUMNS,
  type AccountLog,
  SERIES_COLUMNS,
  type SeriesLog,
} from "../engine/sim/series.js";
import { TRADER } from "../engine/sim/venues.js";
import { typesOf } from "../reports/schema.js";
import { ACCOUNT_COLUMN_DOCS } from "../reports/schema-accounts.js";
import { EVENT_COLUMNS } from "../reports/schema-events.js";
import { PATH_COLUMN_DOCS } from "../reports/schema-paths.js";
import type { Column, ColumnTable, DataRange, RunResults } from "../reports/types.js";
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
  return { manifest: manifestOf(s, totalsOf(out), extras), ...tablesOf(out) };
}

/** What a run's manifest counts over all its paths: events per type, ledger postings, steps. */
export interface RunTotals {
  readonly eventCounts: Int32Array;
  readonly postings: number;
  readonly steps: number;
}

export function totalsOf(out: RunOutput): RunTotals {
  return { eventCounts: out.events.counts, postings: out.postings, steps: out.steps };
}

/** The manifest of a run of scenario `s` (STYLE 14: how to reproduce it, what it counted). */
export function manifestOf(s: Scenario, totals: RunTotals, extras: ManifestExtras): RunResults["manifest"] {
  const counts: Record<string, number> = {};
  EVENT_TYPE_NAMES.forEach((name, i) => {
    counts[name] = totals.eventCounts[i] as number;
  });
  return {
    version: VERSION,
    scenarioName: s.name,
    scenarioHash: scenarioHash(s),
    seed: extras.seed,
    paths: extras.paths,
    ...(extras.dataRange ? { dataRange: extras.dataRange } : {}),
    scenarioFile: extras.scenarioFile,
    assets: s.market.assetNames,
    steps: totals.steps,
    quantiles: [...s.report.quantiles],
    scenario: s.normalised,
    eventCounts: counts,
    ledgerPostings: totals.postings,
  };
}

/** The paths, events, series and accounts tables of a run output (one block of paths, or all of them). */
export function tablesOf(out: RunOutput): {
  paths: ColumnTable;
  events: ColumnTable;
  series: ColumnTable;
  accounts: ColumnTable;
} {
  return {
    paths: pathsTable(out),
    events: eventsTable(out.events),
    series: seriesTable(out.series),
    accounts: accountsTable(out.series.accounts),
  };
}

/** Per-path columns with the documented types: counts as INTEGER, the rest DOUBLE (NaN → NULL). */
function pathsTable(out: RunOutput): ColumnTable {
  const n = out.to - out.from;
  const pathIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) pathIndex[i] = out.from + i;
  const types = typesOf(PATH_COLUMN_DOCS);
  const columns: Record<string, Column> = { path: pathIndex };
  for (const doc of PATH_COLUMN_DOCS) {
    const values = out.metrics.columns[doc.name as PathColumn];
    if (values === undefined) continue;
    columns[doc.name] = types[doc.name] === "INTEGER" ? Int32Array.from(values) : values;
  }
  return { columns, length: n };
}

function eventsTable(ev: EventLog): ColumnTable {
  const columns: Record<string, Column> = {
    time: ev.timeMs,
    path: Int32Array.from(ev.path),
    type: ev.type.map((t) => EVENT_TYPE_NAMES[t] as string),
    venue: ev.names.venue.map(orNull),
    account: ev.account,
    asset: ev.asset,
    size: ev.size,
    price: ev.price,
  };
  for (const k of EVENT_AMOUNTS) columns[k] = ev.amounts[k];
  columns["liquidator"] = ev.names.liquidator.map(orNull);
  columns["detail"] = ev.detail;
  const order = EVENT_COLUMNS.map((c) => c.name);
  const ordered = Object.fromEntries(order.map((k) => [k, columns[k] as Column]));
  // `timeMs.length`, not the `length` getter: a block read back from disk is a plain clone.
  return { columns: ordered, length: ev.timeMs.length };
}

function seriesTable(se: SeriesLog): ColumnTable {
  const columns: Record<string, Column> = { path: Int32Array.from(se.path), time: se.timeMs };
  for (const c of SERIES_COLUMNS) columns[c] = se.values[c];
  return { columns, length: se.timeMs.length };
}

/** One row per sampled (path, time, venue account); every account is the trader's. */
function accountsTable(a: AccountLog): ColumnTable {
  const n = a.timeMs.length;
  const columns: Record<string, Column> = {
    path: Int32Array.from(a.path),
    time: a.timeMs,
    venue: a.venue,
    account: new Array<string>(n).fill(TRADER),
  };
  for (const c of ACCOUNT_SERIES_COLUMNS) columns[c] = a.values[c];
  return { columns, length: n, types: typesOf(ACCOUNT_COLUMN_DOCS) };
}

function orNull(name: string): string | null {
  return name === "" ? null : name;
}
