/**
 * `loadMarketData`: the historical-replay source of the scenario's `market.assets.<name>.data`.
 * Each asset's file is loaded and validated (`loadSeries`), sliced and resampled as asked, then all
 * assets are put on one grid (`alignSeries`: join and gap policy) and handed over as a `PathMarket`.
 * Problems of every asset are collected and thrown together.
 */
import { isAbsolute, resolve } from "node:path";
import { InputError } from "../engine/errors.js";
import { gridEndMs, type PathMarket } from "../engine/market.js";
import { type Aligned, alignSeries, type JoinMode, toPathMarket } from "./align.js";
import { columnKey } from "./columns.js";
import { type FundingFileSpec, isFundingFile, withFundingFiles } from "./funding.js";
import { cellIssue, IssueList } from "./issues.js";
import { loadSeries } from "./load.js";
import type { DataFormat, Gap, LoadedSeries, LoadReport } from "./types.js";

/** One asset's data section (scenario: `market.assets.<name>.data`). */
export interface AssetDataSpec {
  /** CSV, Parquet or Arrow file; a relative path is resolved against `MarketDataOptions.baseDir`. */
  readonly file: string;
  /** Column used as the price; default `close`. */
  readonly column?: string;
  /** First and last timestamp kept (inclusive): ISO date/time or epoch ms. */
  readonly from?: string | number;
  readonly to?: string | number;
  /** Resample to this step (`"1h"` or ms). */
  readonly resample?: string | number;
  /** Longest time between two real bars that is forward-filled; default 3 steps. */
  readonly maxGap?: string | number;
  /** Default: by extension. */
  readonly format?: DataFormat;
  /** All-null rows: `"error"` (default) or `"gap"` (dropped, then subject to `maxGap`). */
  readonly nullRows?: "error" | "gap";
  /** Optional column replayed into `PathMarket.vol`. */
  readonly vol?: string;
  /** Funding rates into `PathMarket.funding`: a column of this file, or a separate file (./funding.ts). */
  readonly funding?: string | FundingFileSpec;
}

export interface MarketDataOptions {
  /** Folder that relative `file`s are resolved against (the scenario file's folder). */
  readonly baseDir: string;
  readonly join?: JoinMode;
  /** Gap limit for assets that give none; default 3 steps. */
  readonly maxGap?: string | number;
}

/** What happened to one asset: its file's load report plus the gaps filled on the common grid. */
export interface AssetDataReport {
  readonly name: string;
  readonly load: LoadReport;
  readonly gaps: readonly Gap[];
  readonly filled: number;
}

export interface MarketDataReport {
  /** Data rows read over all files. */
  readonly rows: number;
  /** Bars created by forward-fill over all assets. */
  readonly filled: number;
  readonly join: JoinMode;
  readonly stepMs: number;
  readonly assets: readonly AssetDataReport[];
}

export interface MarketData {
  readonly market: PathMarket;
  /** First and last grid time (inclusive). */
  readonly range: { readonly fromMs: number; readonly toMs: number };
  readonly report: MarketDataReport;
}

const SPEC_KEYS = [
  "file",
  "column",
  "from",
  "to",
  "resample",
  "maxGap",
  "format",
  "nullRows",
  "vol",
  "funding",
];

function checkSpec(name: string, spec: AssetDataSpec, issues: IssueList): boolean {
  const path = `${name}.data`;
  if (typeof spec?.file !== "string" || spec.file === "") {
    issues.add({
      code: "missing",
      path: `${path}.file`,
      message: `${name}: no data file given; allowed: a path to a CSV, Parquet or Arrow file`,
    });
    return false;
  }
  const f = spec.funding;
  if (f !== undefined && typeof f !== "string" && !isFundingFile(f)) {
    issues.add({
      code: "wrong_type",
      path: `${path}.funding`,
      message: `${name}: funding must be a column name or { file, column, every }`,
    });
  }
  for (const key of Object.keys(spec)) {
    if (SPEC_KEYS.includes(key)) continue;
    const near = SPEC_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
    const hint = near === undefined ? `allowed: ${SPEC_KEYS.join(", ")}` : `did you mean ${near}?`;
    issues.add({ code: "unknown_key", path: `${path}.${key}`, message: `unknown key "${key}"; ${hint}` });
  }
  return true;
}

async function loadOne(spec: AssetDataSpec, baseDir: string): Promise<LoadedSeries> {
  const file = isAbsolute(spec.file) ? spec.file : resolve(baseDir, spec.file);
  const funding = typeof spec.funding === "string" ? spec.funding : undefined;
  const wanted = [spec.column ?? "close", spec.vol, funding].filter((c): c is string => c !== undefined);
  return loadSeries(file, {
    require: wanted.map(columnKey),
    // All columns under the gap policy: a bar is null only if every cell of its row is empty.
    read: spec.nullRows === "gap" ? "all" : "required",
    ...(spec.format !== undefined ? { format: spec.format } : {}),
    ...(spec.from !== undefined ? { from: spec.from } : {}),
    ...(spec.to !== undefined ? { to: spec.to } : {}),
    ...(spec.resample !== undefined ? { resample: spec.resample } : {}),
    ...(spec.nullRows !== undefined ? { nullRows: spec.nullRows } : {}),
  });
}

/** Loads every asset, collecting the problems of all of them before failing. */
async function loadAll(
  entries: [string, AssetDataSpec][],
  baseDir: string,
  issues: IssueList,
): Promise<LoadedSeries[]> {
  const settled = await Promise.allSettled(entries.map(([, spec]) => loadOne(spec, baseDir)));
  const loaded: LoadedSeries[] = [];
  for (const s of settled) {
    if (s.status === "fulfilled") loaded.push(s.value);
    else if (s.reason instanceof InputError) issues.addAll(s.reason.issues);
    else throw s.reason;
  }
  return loaded;
}

/**
 * Loads the historical market of the given assets (in the record's order) onto one grid.
 * @throws InputError (exit code 2) listing every problem of every asset.
 * @example await loadMarketData({ ETH: { file: "eth-1h.csv", maxGap: "6h" } }, { baseDir: "scenarios" })
 */
export async function loadMarketData(
  assets: Readonly<Record<string, AssetDataSpec>>,
  options: MarketDataOptions,
): Promise<MarketData> {
  const issues = new IssueList();
  const entries = Object.entries(assets).filter(([name, spec]) => checkSpec(name, spec, issues));
  if (Object.keys(assets).length === 0)
    issues.add(cellIssue("no_rows", "", undefined, undefined, "no assets to load"));
  issues.throwIfAny("market data");
  const loaded = await loadAll(entries, options.baseDir, issues);
  issues.throwIfAny("market data");
  const inputs = entries.map(([name, spec], i) => ({
    name,
    series: (loaded[i] as LoadedSeries).series,
    ...(spec.maxGap !== undefined ? { maxGap: spec.maxGap } : {}),
  }));
  const aligned = alignSeries(inputs, {
    ...(options.join !== undefined ? { join: options.join } : {}),
    ...(options.maxGap !== undefined ? { maxGap: options.maxGap } : {}),
  });
  const market = toPathMarket(
    aligned,
    entries.map(([name, spec]) => ({ name, column: spec.column ?? "close", ...pickOptional(spec) })),
  );
  const range = { fromMs: aligned.grid.startMs, toMs: gridEndMs(aligned.grid) };
  const withFunding = await withFundingFiles(market, entries, options.baseDir);
  return { market: withFunding, range, report: buildReport(aligned, loaded) };
}

function buildReport(aligned: Aligned, loaded: readonly LoadedSeries[]): MarketDataReport {
  const assets = aligned.assets.map((a, i) => ({
    name: a.name,
    load: (loaded[i] as LoadedSeries).report,
    gaps: a.gaps,
    filled: a.filled,
  }));
  return {
    rows: assets.reduce((n, r) => n + r.load.rows, 0),
    filled: assets.reduce((n, r) => n + r.filled, 0),
    join: aligned.join,
    stepMs: aligned.grid.stepMs,
    assets,
  };
}

function pickOptional(spec: AssetDataSpec): { vol?: string; funding?: string } {
  return {
    ...(spec.vol !== undefined ? { vol: spec.vol } : {}),
    ...(typeof spec.funding === "string" ? { funding: spec.funding } : {}),
  };
}
