/**
 * Reads a CSV file's mapped columns in one pass over its bytes. Only mapped columns are parsed;
 * others are skipped without decoding. Every unreadable cell, ragged row (field count ≠ header's),
 * malformed quote and blank line inside the data is reported with its file line; blank lines at the
 * end of the file are ignored.
 */
import { resolveColumns } from "./columns.js";
import { FieldCursor, readNumberField, skipField } from "./csv-fields.js";
import { CsvScanner, detectDelimiter, FIELD_DELIM } from "./csv-scanner.js";
import { cellIssue, type IssueList } from "./issues.js";
import { isMissingWord, parseNumberText, textOf } from "./number-text.js";
import { type CellProblem, mappingNames, type ProblemKind, type RawTable } from "./raw.js";
import { TimeReader } from "./time-text.js";
import { type LoadOptions, TIME_KEY } from "./types.js";

/** Parses `bytes` (the whole file) as CSV; undefined when the header alone makes reading pointless. */
export function readCsv(
  file: string,
  bytes: Uint8Array,
  options: LoadOptions,
  issues: IssueList,
): RawTable | undefined {
  const scanner = new CsvScanner(bytes, detectDelimiter(bytes, options.delimiter));
  if (scanner.done) {
    issues.add(
      cellIssue("empty_file", file, undefined, undefined, "the file is empty: expected a header and rows"),
    );
    return undefined;
  }
  const header = scanner.record();
  const found = resolveColumns(header, options, file, issues);
  if (issues.count > 0) return undefined;
  const keys = [TIME_KEY, ...[...found.keys()].filter((k) => k !== TIME_KEY)];
  const slots = new Int32Array(header.length).fill(-1);
  keys.forEach((k, slot) => {
    slots[found.get(k) as number] = slot;
  });
  const rows = new CsvRows(file, scanner, slots, keys, estimateRows(bytes, scanner.pos), options, issues);
  const length = rows.readAll();
  const columns: Record<string, Float64Array> = {};
  keys.forEach((k, slot) => {
    if (slot > 0) columns[k] = (rows.cols[slot] as Float64Array).subarray(0, length);
  });
  return {
    file,
    format: "csv",
    header,
    mapping: mappingNames(found, header),
    length,
    timesMs: (rows.cols[0] as Float64Array).subarray(0, length),
    columns,
    rows: rows.rowNumbers.subarray(0, length),
    problems: rows.problems,
  };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Rows to allocate for: the bytes after `from` over the mean line length of the first MiB, plus 5 %.
 * (A byte-by-byte count of the whole file would cost as much as a tenth of the parse.)
 */
function estimateRows(bytes: Uint8Array, from: number): number {
  const sampleEnd = Math.min(bytes.length, from + (1 << 20));
  let lines = 1;
  for (let p = from; p < sampleEnd; p++) if (bytes[p] === LF) lines++;
  const meanLength = (sampleEnd - from) / lines;
  return Math.ceil(((bytes.length - from) / Math.max(meanLength, 1)) * 1.05) + 16;
}

/** The row loop, with its state in fields so the per-cell code allocates nothing. */
class CsvRows {
  cols: Float64Array[];
  rowNumbers: Int32Array;
  readonly problems: CellProblem[] = [];
  private readonly times: TimeReader;
  private readonly width: number;
  private malformed = "";
  private readonly cursor = new FieldCursor();

  constructor(
    private readonly file: string,
    private readonly sc: CsvScanner,
    private readonly slots: Int32Array,
    private readonly keys: readonly string[],
    capacity: number,
    options: LoadOptions,
    private readonly issues: IssueList,
  ) {
    this.cols = keys.map(() => new Float64Array(capacity));
    this.rowNumbers = new Int32Array(capacity);
    this.times = new TimeReader(options.epochUnit);
    this.width = slots.length;
  }

  /** Reads every record; returns the number of entries kept. */
  readAll(): number {
    const sc = this.sc;
    const blankLines: number[] = [];
    let r = 0;
    while (!sc.done) {
      const line = sc.line;
      if (this.atBlankLine()) {
        blankLines.push(line);
        continue;
      }
      if (blankLines.length > 0) {
        for (const blank of blankLines) this.rowIssue("blank_line", blank, "blank line inside the data");
        blankLines.length = 0;
      }
      if (r === this.rowNumbers.length) this.grow();
      const mark = this.problems.length;
      const fields = this.readRecord(r);
      if (fields !== this.width || this.malformed !== "") {
        this.problems.length = mark;
        const why = this.malformed !== "" ? this.malformed : `${fields} fields, the header has ${this.width}`;
        this.rowIssue(
          this.malformed !== "" ? "malformed_row" : "ragged_row",
          line,
          `${why}; the row was not read`,
        );
        continue;
      }
      this.rowNumbers[r] = line;
      r++;
    }
    return r;
  }

  /** Makes room for more rows than estimated (copies the columns into 1.5× larger arrays). */
  private grow(): void {
    const capacity = Math.ceil(this.rowNumbers.length * 1.5) + 1024;
    this.cols = this.cols.map((c) => {
      const bigger = new Float64Array(capacity);
      bigger.set(c);
      return bigger;
    });
    const rows = new Int32Array(capacity);
    rows.set(this.rowNumbers);
    this.rowNumbers = rows;
  }

  /** Skips an empty line (LF or CRLF) at the current position; true when there was one. */
  private atBlankLine(): boolean {
    const sc = this.sc;
    const b = sc.bytes;
    const p = sc.pos;
    const len = b[p] === LF ? 1 : b[p] === CR && b[p + 1] === LF ? 2 : 0;
    if (len === 0 || this.width <= 1) return false;
    sc.pos += len;
    sc.line++;
    return true;
  }

  /**
   * Reads one record into entry `r` by the fast path (unquoted fields parsed while scanned);
   * a record with a quote is re-read by `readQuotedRecord`. Returns the record's field count.
   */
  private readRecord(r: number): number {
    const sc = this.sc;
    const b = sc.bytes;
    const n = b.length;
    const delim = sc.delimiter;
    const cur = this.cursor;
    const { width, slots, cols } = this;
    const mark = this.problems.length;
    let p = sc.pos;
    this.malformed = "";
    for (let fields = 1; ; fields++) {
      if (b[p] === QUOTE) {
        this.problems.length = mark;
        return this.readQuotedRecord(r);
      }
      const slot = fields <= width ? (slots[fields - 1] as number) : -1;
      if (slot > 0) {
        const v = readNumberField(b, p, n, delim, cur);
        (cols[slot] as Float64Array)[r] = v;
        if (Number.isNaN(v)) this.problem(slot, r, textOf(b, p, cur.contentEnd));
      } else {
        skipField(b, p, n, delim, cur);
        if (slot === 0) this.readTime(r, p, cur.contentEnd);
      }
      if (cur.end < n && b[cur.end] === delim) {
        p = cur.end + 1;
        continue;
      }
      sc.pos = cur.end + 1;
      if (cur.end < n) sc.line++;
      return fields;
    }
  }

  private readTime(r: number, start: number, end: number): void {
    const v = this.times.readBytes(this.sc.bytes, start, end);
    (this.cols[0] as Float64Array)[r] = v;
    if (Number.isNaN(v)) this.problem(0, r, textOf(this.sc.bytes, start, end));
  }

  /** Reads one record with quoted fields through the RFC 4180 scanner. */
  private readQuotedRecord(r: number): number {
    const sc = this.sc;
    let fields = 0;
    let term = FIELD_DELIM;
    while (term === FIELD_DELIM) {
      term = sc.next();
      if (sc.malformed !== "") this.malformed = sc.malformed;
      const slot = fields < this.width ? (this.slots[fields] as number) : -1;
      if (slot >= 0) {
        const text = sc.text();
        const v = slot === 0 ? this.times.readText(text) : parseNumberText(text);
        (this.cols[slot] as Float64Array)[r] = v;
        if (Number.isNaN(v)) this.problem(slot, r, text);
      }
      fields++;
    }
    return fields;
  }

  private problem(slot: number, r: number, text: string): void {
    const kind: ProblemKind = isMissingWord(text) ? "missing" : slot === 0 ? "bad_timestamp" : "not_a_number";
    this.problems.push({ index: r, key: this.keys[slot] as string, kind, text });
  }

  private rowIssue(code: string, line: number, message: string): void {
    this.issues.add(cellIssue(code, this.file, line, undefined, message));
  }
}
