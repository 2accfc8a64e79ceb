/**
 * Reads a Parquet file's mapped columns through DuckDB (`read_parquet`): one materialised query whose
 * chunks are copied synchronously into `Float64Array`s, in file order (DuckDB preserves insertion
 * order for a plain scan). Row numbers are
 * 1-based record numbers. Column types: numbers (any integer, float or decimal) for values; for the
 * time, TIMESTAMP/DATE (any precision, with or without time zone), epoch numbers, or text in the
 * formats of `time-text.ts`. Any other type is a `wrong_type` issue.
 */
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  DuckDBTypeId,
  type DuckDBVector,
} from "@duckdb/node-api";
import { resolveColumns } from "./columns.js";
import { cellIssue, fail, type IssueList } from "./issues.js";
import { type CellProblem, mappingNames, type RawTable, recordNumbers } from "./raw.js";
import { TimeReader } from "./time-text.js";
import { type LoadOptions, TIME_KEY } from "./types.js";

const T = DuckDBTypeId;
const NUMBER_TYPES = new Set<number>([
  T.TINYINT,
  T.SMALLINT,
  T.INTEGER,
  T.BIGINT,
  T.UTINYINT,
  T.USMALLINT,
  T.UINTEGER,
  T.UBIGINT,
  T.HUGEINT,
  T.UHUGEINT,
  T.FLOAT,
  T.DOUBLE,
  T.DECIMAL,
]);
const TIMESTAMP_TYPES = new Set<number>([
  T.TIMESTAMP,
  T.TIMESTAMP_S,
  T.TIMESTAMP_MS,
  T.TIMESTAMP_NS,
  T.TIMESTAMP_TZ,
]);

/** How a column is read: SQL that yields a DOUBLE, or text to parse. */
type ColumnPlan = { readonly sql: string; readonly text: boolean; readonly epoch: boolean };

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The read plan of column `at` for `key`, or undefined (with an issue) when its type cannot be used. */
function planColumn(
  schema: DuckDBResultReader,
  at: number,
  key: string,
  file: string,
  issues: IssueList,
): ColumnPlan | undefined {
  const name = schema.columnName(at);
  const typeId = schema.columnTypeId(at);
  const col = quoteIdent(name);
  if (NUMBER_TYPES.has(typeId))
    return { sql: `CAST(${col} AS DOUBLE)`, text: false, epoch: key === TIME_KEY };
  if (key === TIME_KEY) {
    if (TIMESTAMP_TYPES.has(typeId))
      return { sql: `CAST(epoch_ms(${col}) AS DOUBLE)`, text: false, epoch: false };
    if (typeId === T.DATE)
      return { sql: `CAST(epoch_ms(CAST(${col} AS TIMESTAMP)) AS DOUBLE)`, text: false, epoch: false };
    if (typeId === T.VARCHAR) return { sql: col, text: true, epoch: false };
  }
  const allowed =
    key === TIME_KEY
      ? "TIMESTAMP, DATE, a number (epoch) or text"
      : "a number type (DOUBLE, FLOAT, INTEGER, BIGINT, DECIMAL)";
  const msg = `wrong type: column "${name}" (${key}) is ${schema.columnType(at).toString()}; expected ${allowed}`;
  issues.add(cellIssue("wrong_type", file, undefined, name, msg));
  return undefined;
}

/** Reads the Parquet file at `file`; undefined when the schema alone makes reading pointless. */
export async function readParquet(
  file: string,
  options: LoadOptions,
  issues: IssueList,
): Promise<RawTable | undefined> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    return await readWith(con, file, options, issues);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

async function readWith(
  con: DuckDBConnection,
  file: string,
  options: LoadOptions,
  issues: IssueList,
): Promise<RawTable | undefined> {
  const schema = await con
    .runAndReadAll("SELECT * FROM read_parquet($1) LIMIT 0", [file])
    .catch((e: unknown) =>
      fail("unreadable_file", file, `cannot read as Parquet: ${e instanceof Error ? e.message : String(e)}`),
    );
  const header = schema.columnNames();
  const found = resolveColumns(header, options, file, issues);
  if (issues.count > 0) return undefined;
  const keys = [TIME_KEY, ...[...found.keys()].filter((k) => k !== TIME_KEY)];
  const plans = keys.map((k) => planColumn(schema, found.get(k) as number, k, file, issues));
  if (issues.count > 0) return undefined;
  const select = (plans as ColumnPlan[]).map((p) => p.sql).join(", ");
  const result = await con.run(`SELECT ${select} FROM read_parquet($1)`, [file]);
  const sink = new ColumnSink(
    keys,
    plans as ColumnPlan[],
    result.rowCount,
    new TimeReader(options.epochUnit),
  );
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    for (let c = 0; c < keys.length; c++) sink.take(c, chunk.getColumnVector(c), chunk.rowCount);
    sink.offset += chunk.rowCount;
  }
  return sink.table(file, header, mappingNames(found, header));
}

/** Copies DuckDB vectors into `Float64Array`s, noting nulls, NaNs and unreadable times. */
class ColumnSink {
  readonly cols: Float64Array[];
  readonly problems: CellProblem[] = [];
  offset = 0;

  constructor(
    private readonly keys: readonly string[],
    private readonly plans: readonly ColumnPlan[],
    private readonly n: number,
    private readonly times: TimeReader,
  ) {
    this.cols = keys.map(() => new Float64Array(n));
  }

  take(c: number, vector: DuckDBVector, count: number): void {
    const out = this.cols[c] as Float64Array;
    const plan = this.plans[c] as ColumnPlan;
    const key = this.keys[c] as string;
    for (let i = 0; i < count; i++) {
      const item = vector.getItem(i);
      const index = this.offset + i;
      let v = Number.NaN;
      if (item === null) this.problems.push({ index, key, kind: "missing", text: "null" });
      else if (plan.text) {
        v = this.times.readText(String(item));
        if (Number.isNaN(v)) this.problems.push({ index, key, kind: "bad_timestamp", text: String(item) });
      } else {
        v = item as number;
        if (Number.isNaN(v)) this.problems.push({ index, key, kind: "missing", text: "NaN" });
        else if (plan.epoch) v = this.times.fromNumber(v);
      }
      out[index] = v;
    }
  }

  table(file: string, header: readonly string[], mapping: Record<string, string>): RawTable {
    const columns: Record<string, Float64Array> = {};
    this.keys.forEach((k, c) => {
      if (c > 0) columns[k] = this.cols[c] as Float64Array;
    });
    const timesMs = this.cols[0] as Float64Array;
    const rows = recordNumbers(this.n);
    return {
      file,
      format: "parquet",
      header,
      mapping,
      length: this.n,
      timesMs,
      columns,
      rows,
      problems: this.problems,
    };
  }
}
