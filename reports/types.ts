/**
 * Input types of the results store and the run-folder writer. The recorder (engine/record) hands
 * its columnar buffers over in these shapes; nothing here depends on DuckDB.
 */

/** SQL type a column is stored as. */
export type ColumnType = "DOUBLE" | "INTEGER" | "VARCHAR" | "TIMESTAMP";

/**
 * One column: `Float64Array`/`number[]` → DOUBLE (NaN stored as NULL), `Int32Array` → INTEGER,
 * `string[]` → VARCHAR (null stored as NULL); a TIMESTAMP column holds milliseconds since the epoch.
 */
export type Column = Float64Array | Int32Array | (string | null)[] | number[];

/**
 * A table held as columns of equal length; column order is the key order of `columns`.
 * `types` pins the SQL type of a column where the values cannot tell it (an empty plain array
 * would otherwise be stored as DOUBLE); a pinned type must agree with the values given.
 */
export interface ColumnTable {
  readonly columns: Readonly<Record<string, Column>>;
  readonly length: number;
  readonly types?: Readonly<Record<string, ColumnType>>;
}

/** The first and last time covered by a historical replay, ISO-8601 UTC. */
export interface DataRange {
  readonly from: string;
  readonly to: string;
}

/**
 * Everything needed to reproduce a run (STYLE 14). Extra keys are free-form (e.g. `scenarioFile`,
 * `shard`, `workers`) and are written to `summary.json` in sorted order after the fixed keys.
 */
export interface Manifest {
  readonly version: string;
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly paths: number;
  readonly dataRange?: DataRange;
  readonly [extra: string]: unknown;
}

/** What one run produced, as handed to `writeRunFolder`. */
export interface RunResults {
  readonly manifest: Manifest;
  /** One row per path; must have a numeric `pnl` column. Other numeric columns are totalled. */
  readonly paths: ColumnTable;
  /** Event log (reports/schema-events.ts). */
  readonly events?: ColumnTable;
  /** Sampled series: path, timeMs and any numeric columns. */
  readonly series?: ColumnTable;
  /** Sampled venue accounts, one row per (path, time, account): reports/schema-accounts.ts. */
  readonly accounts?: ColumnTable;
  /** Extra metric blocks computed by the caller (e.g. `liquidations`, `costs`). */
  readonly metrics?: Readonly<Record<string, unknown>>;
}

/** Default quantiles of the PnL summary, matching the scenario's `report.quantiles` default. */
export const DEFAULT_QUANTILES: readonly number[] = Object.freeze([0.01, 0.05, 0.5, 0.95, 0.99]);
