/**
 * Shapes of the historical market-data layer. Everything is columnar: one `Float64Array` per column,
 * times in integer milliseconds since the Unix epoch (UTC) stored in a `Float64Array`.
 *
 * Row numbers (`Issue.row`, `sourceRows`, `Gap.row`) are **file lines** for CSV (the header is
 * line 1, the first data row line 2 — what an editor shows) and **1-based record numbers** for
 * Parquet and Arrow files (the first record is row 1).
 */
import type { Issue } from "../engine/errors.js";

export type DataFormat = "csv" | "parquet" | "arrow";

/** Column roles recognised by name (case-insensitive, punctuation ignored). */
export const VALUE_ROLES = [
  "open",
  "high",
  "low",
  "close",
  "volume",
  "funding",
  "iv",
  "index",
  "mark",
] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];

/** Key of the timestamp column in a mapping. */
export const TIME_KEY = "time";

/** An `Issue` about a data file; `column` names the file's column when one is at fault. */
export interface DataIssue extends Issue {
  readonly column?: string;
}

/**
 * A validated price series. `columns` is keyed by role (`close`, `volume`, …) or by an extra column's
 * requested name; every array has `timesMs.length` entries, strictly increasing times.
 */
export interface Series {
  /** The file the series came from, as given to the loader. */
  readonly file: string;
  readonly timesMs: Float64Array;
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** The most frequent difference between consecutive times (the smallest one on a tie). */
  readonly stepMs: number;
  /** Source row of each entry (see the file header for numbering); 0 for a filled or resampled bar. */
  readonly sourceRows?: Int32Array;
}

/** A hole in a series: `missingBars` bars between the real bars at `fromMs` and `toMs`. */
export interface Gap {
  readonly fromMs: number;
  readonly toMs: number;
  readonly missingBars: number;
  /** Source row of the bar at `toMs`, when known. */
  readonly row?: number;
}

/** What loading one file found and did — nothing is changed without being counted here. */
export interface LoadReport {
  readonly file: string;
  readonly format: DataFormat;
  /** Data rows (records) read from the file. */
  readonly rows: number;
  /** Every column name in the file, in file order. */
  readonly fileColumns: readonly string[];
  /** Key (`time`, `close`, …) → the file's column it was read from. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Rows whose every value was null/empty, dropped under `nullRows: "gap"` (else they are errors). */
  readonly droppedNullRows: readonly { readonly row: number; readonly timeMs: number }[];
  /** Entries kept after the `from`/`to` slice. */
  readonly rowsInRange: number;
  /** Source step when the series was resampled, else undefined. */
  readonly resampledFromMs?: number;
  /** Resampled buckets holding fewer source bars than the ratio of steps. */
  readonly partialBuckets: number;
  readonly stepMs: number;
  /** True when every time difference (in range) is exactly `stepMs`. */
  readonly regular: boolean;
  /** Holes found in range (filled when a gap policy was applied). */
  readonly gaps: readonly Gap[];
  /** Bars created by forward-fill (0 when no gap policy was applied). */
  readonly filled: number;
}

/** Options of `loadSeries`. */
export interface LoadOptions {
  /** Default: by file extension (`.csv .tsv .txt`, `.parquet .pq`, `.arrow .feather .ipc .arrows`). */
  readonly format?: DataFormat;
  /** Explicit mapping key → file column name, e.g. `{ close: "price", time: "ts" }`; overrides names. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Keys that must be present (besides `time`). Default `["close"]`. */
  readonly require?: readonly string[];
  /**
   * `"all"` (default): read and validate every recognised column. `"required"`: only the time, the
   * required keys and explicitly mapped columns (what `loadMarketData` uses: less to parse).
   */
  readonly read?: "all" | "required";
  /** Inclusive start of the range kept: an ISO date/time (UTC unless it has an offset) or epoch ms. */
  readonly from?: string | number;
  /** Inclusive end of the range kept (the last timestamp kept), same forms as `from`. */
  readonly to?: string | number;
  /** Resample to this step (`"1h"`, ms) — a whole multiple of the file's step. */
  readonly resample?: string | number;
  /** Apply the gap policy: forward-fill holes whose real bars are at most this far apart. */
  readonly maxGap?: string | number;
  /** `"error"` (default): an all-null row is an error. `"gap"`: drop it and treat it as a missing bar. */
  readonly nullRows?: "error" | "gap";
  /** Unit of numeric timestamps; default by magnitude of the first one (s < 1e11 ≤ ms < 1e14 ≤ µs < 1e17 ≤ ns). */
  readonly epochUnit?: "s" | "ms" | "us" | "ns";
  /** CSV field delimiter; default `,` (or tab/`;` when the header has no comma but has those). */
  readonly delimiter?: string;
}

export interface LoadedSeries {
  readonly series: Series;
  readonly report: LoadReport;
}
