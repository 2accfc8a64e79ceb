/**
 * Reads an Arrow IPC file or stream (Feather v2) with apache-arrow's `tableFromIPC`. Row numbers are
 * 1-based record numbers. Column types: Float/Int for values; for the time, Timestamp (any unit),
 * Date, an epoch number, or Utf8 text. Any other type is a `wrong_type` issue.
 */
import { type Field, type Table, TimeUnit, Type, tableFromIPC, type Vector } from "apache-arrow";
import { resolveColumns } from "./columns.js";
import { cellIssue, fail, type IssueList } from "./issues.js";
import { type CellProblem, mappingNames, type RawTable, recordNumbers } from "./raw.js";
import { type EpochUnit, epochToMs, TimeReader } from "./time-text.js";
import { type LoadOptions, TIME_KEY } from "./types.js";

const EPOCH_UNIT_OF: Readonly<Record<number, EpochUnit>> = {
  [TimeUnit.SECOND]: "s",
  [TimeUnit.MILLISECOND]: "ms",
  [TimeUnit.MICROSECOND]: "us",
  [TimeUnit.NANOSECOND]: "ns",
};

type Kind = "number" | "timestamp" | "date" | "text";

function kindOf(key: string, field: Field, file: string, issues: IssueList): Kind | undefined {
  const id = field.type.typeId;
  if (id === Type.Float || id === Type.Int) return "number";
  if (key === TIME_KEY && id === Type.Timestamp) return "timestamp";
  if (key === TIME_KEY && id === Type.Date) return "date";
  if (key === TIME_KEY && (id === Type.Utf8 || id === Type.LargeUtf8)) return "text";
  const allowed =
    key === TIME_KEY ? "Timestamp, Date, a number (epoch) or Utf8 text" : "a number type (Float, Int)";
  const msg = `wrong type: column "${field.name}" (${key}) is ${String(field.type)}; expected ${allowed}`;
  issues.add(cellIssue("wrong_type", file, undefined, field.name, msg));
  return undefined;
}

function parseIpc(file: string, bytes: Uint8Array): Table {
  try {
    return tableFromIPC(bytes);
  } catch (e) {
    return fail(
      "unreadable_file",
      file,
      `cannot read as Arrow IPC: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Reads the Arrow IPC bytes of `file`; undefined when the schema alone makes reading pointless. */
export function readArrow(
  file: string,
  bytes: Uint8Array,
  options: LoadOptions,
  issues: IssueList,
): RawTable | undefined {
  const table = parseIpc(file, bytes);
  const header = table.schema.fields.map((f) => f.name);
  const found = resolveColumns(header, options, file, issues);
  if (issues.count > 0) return undefined;
  const keys = [TIME_KEY, ...[...found.keys()].filter((k) => k !== TIME_KEY)];
  const kinds = keys.map((k) =>
    kindOf(k, table.schema.fields[found.get(k) as number] as Field, file, issues),
  );
  if (issues.count > 0) return undefined;
  const problems: CellProblem[] = [];
  const times = new TimeReader(options.epochUnit);
  const cols = keys.map((k, c) => {
    const vector = table.getChildAt(found.get(k) as number) as Vector;
    return readColumn(vector, kinds[c] as Kind, k, times, problems);
  });
  const columns: Record<string, Float64Array> = {};
  keys.forEach((k, c) => {
    if (c > 0) columns[k] = cols[c] as Float64Array;
  });
  const n = table.numRows;
  const mapping = mappingNames(found, header);
  return {
    file,
    format: "arrow",
    header,
    mapping,
    length: n,
    timesMs: cols[0] as Float64Array,
    columns,
    rows: recordNumbers(n),
    problems,
  };
}

/** One column as epoch-ms or values; nulls, NaNs and bad time texts become problems (NaN cells). */
function readColumn(
  vector: Vector,
  kind: Kind,
  key: string,
  times: TimeReader,
  problems: CellProblem[],
): Float64Array {
  const out = toFloat64(vector, kind);
  const hasNulls = vector.nullCount > 0;
  const epoch = kind === "number" && key === TIME_KEY;
  for (let i = 0; i < out.length; i++) {
    if (hasNulls && !vector.isValid(i)) {
      out[i] = Number.NaN;
      problems.push({ index: i, key, kind: "missing", text: "null" });
    } else if (kind === "text") {
      const s = String(vector.get(i));
      out[i] = times.readText(s);
      if (Number.isNaN(out[i])) problems.push({ index: i, key, kind: "bad_timestamp", text: s });
    } else if (Number.isNaN(out[i])) problems.push({ index: i, key, kind: "missing", text: "NaN" });
    else if (epoch) out[i] = times.fromNumber(out[i] as number);
  }
  return out;
}

/** Raw numbers of a column (timestamps scaled to ms, dates in ms; text left NaN for the caller). */
function toFloat64(vector: Vector, kind: Kind): Float64Array {
  const n = vector.length;
  if (kind === "date")
    return Float64Array.from({ length: n }, (_, i) => (vector.get(i) as number | null) ?? Number.NaN);
  if (kind === "text") return new Float64Array(n).fill(Number.NaN);
  const raw = vector.toArray() as ArrayLike<number | bigint>;
  const out = new Float64Array(n);
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) int64ToFloat64(raw, out);
  else out.set(raw as ArrayLike<number>);
  if (kind === "timestamp") {
    const unit = EPOCH_UNIT_OF[(vector.type as { unit: number }).unit] ?? "ms";
    for (let i = 0; i < n; i++) out[i] = epochToMs(out[i] as number, unit);
  }
  return out;
}

/**
 * 64-bit integers to doubles without a BigInt per value: hi·2³² + lo from the little-endian 32-bit
 * halves (exact below 2⁵³, as for epoch ms/µs; ns are rounded to ~0.25 µs, below the ms kept).
 */
function int64ToFloat64(raw: BigInt64Array | BigUint64Array, out: Float64Array): void {
  const halves = new Uint32Array(raw.buffer, raw.byteOffset, raw.length * 2);
  const signed = raw instanceof BigInt64Array;
  for (let i = 0; i < raw.length; i++) {
    const lo = halves[2 * i] as number;
    const hi = halves[2 * i + 1] as number;
    out[i] = (signed && hi >= 0x80000000 ? hi - 0x100000000 : hi) * 0x100000000 + lo;
  }
}
