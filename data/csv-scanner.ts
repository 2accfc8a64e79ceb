/**
 * A CSV tokenizer over bytes (RFC 4180: `"` quotes, `""` escapes a quote, quoted fields may hold
 * delimiters and newlines; `\n` or `\r\n` ends a record). It hands out field bounds, never strings,
 * so reading a million rows allocates nothing per cell.
 */
import { textOf } from "./number-text.js";

/** What ended a field. */
export const FIELD_DELIM = 1;
export const FIELD_EOL = 2;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvScanner {
  /** Next byte to read. */
  pos = 0;
  /** 1-based line of `pos` (counts newlines inside quoted fields too). */
  line = 1;
  /** Bounds of the last field's content (inside the quotes when quoted). */
  start = 0;
  end = 0;
  /** The last field held `""` escapes (its text needs unescaping). */
  escaped = false;
  /** Why the last field was malformed (an unterminated quote, text after a closing quote), or "". */
  malformed = "";

  constructor(
    readonly bytes: Uint8Array,
    readonly delimiter: number,
  ) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Reads one field; returns FIELD_DELIM or FIELD_EOL (end of record or of the file). */
  next(): number {
    const b = this.bytes;
    const n = b.length;
    let p = this.pos;
    this.escaped = false;
    this.malformed = "";
    if (p < n && b[p] === QUOTE) return this.quoted();
    const start = p;
    const delim = this.delimiter;
    while (p < n) {
      const c = b[p];
      if (c === delim) {
        this.start = start;
        this.end = p;
        this.pos = p + 1;
        return FIELD_DELIM;
      }
      if (c === LF) break;
      p++;
    }
    this.start = start;
    this.end = p > start && b[p - 1] === CR ? p - 1 : p;
    this.pos = p + 1;
    if (p < n) this.line++;
    return FIELD_EOL;
  }

  private quoted(): number {
    const b = this.bytes;
    const n = b.length;
    let p = this.pos + 1;
    this.start = p;
    for (;;) {
      if (p >= n) {
        this.malformed = "a quoted field is not closed before the end of the file";
        this.end = n;
        this.pos = n;
        return FIELD_EOL;
      }
      const c = b[p];
      if (c === QUOTE) {
        if (b[p + 1] !== QUOTE) break;
        this.escaped = true;
        p += 2;
        continue;
      }
      if (c === LF) this.line++;
      p++;
    }
    this.end = p;
    return this.afterQuote(p + 1);
  }

  /** After a closing quote only a delimiter or the end of the record may follow. */
  private afterQuote(p: number): number {
    const b = this.bytes;
    if (b[p] === CR && b[p + 1] === LF) p++;
    if (p >= b.length) {
      this.pos = p;
      return FIELD_EOL;
    }
    if (b[p] === this.delimiter) {
      this.pos = p + 1;
      return FIELD_DELIM;
    }
    if (b[p] === LF) {
      this.pos = p + 1;
      this.line++;
      return FIELD_EOL;
    }
    this.malformed = "text follows the closing quote of a field";
    while (p < b.length && b[p] !== this.delimiter && b[p] !== LF) p++;
    return this.afterQuote(p);
  }

  /** Text of the last field (unescaped). */
  text(): string {
    const t = textOf(this.bytes, this.start, this.end);
    return this.escaped ? t.replaceAll('""', '"') : t;
  }

  /** Reads the rest of the current record as strings (used for the header). */
  record(): string[] {
    const out: string[] = [];
    let term = FIELD_DELIM;
    while (term === FIELD_DELIM) {
      term = this.next();
      out.push(this.text());
    }
    return out;
  }
}

/** The delimiter to use: the given one, else `,` — or tab/`;` when the first line has no comma. */
export function detectDelimiter(bytes: Uint8Array, given?: string): number {
  if (given !== undefined) return given.charCodeAt(0);
  let lineEnd = bytes.indexOf(LF);
  if (lineEnd < 0) lineEnd = bytes.length;
  const first = bytes.subarray(0, lineEnd);
  if (first.includes(44)) return 44;
  if (first.includes(9)) return 9;
  if (first.includes(59)) return 59;
  return 44;
}
