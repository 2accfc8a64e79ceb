/**
 * The fast path of the CSV reader: unquoted fields, scanned and parsed as numbers in the same pass
 * over the bytes. A field that does not fit the fast path (more than 15 digits, an exponent, stray
 * text) is re-read by `parseNumberBytes`; a quoted field makes the caller fall back to `CsvScanner`.
 */
import { parseNumberBytes } from "./number-text.js";

const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);
const LF = 10;
const CR = 13;

/** Where the last field ended: `end` is its terminator (delimiter, LF, or the file length); `contentEnd` excludes a CR. */
export class FieldCursor {
  end = 0;
  contentEnd = 0;
}

/** Index of the terminator of the field starting at `p` (delimiter, LF or `n`); sets `cur`. */
export function skipField(b: Uint8Array, p: number, n: number, delim: number, cur: FieldCursor): void {
  while (p < n) {
    const c = b[p];
    if (c === delim || c === LF) break;
    p++;
  }
  cur.end = p;
  cur.contentEnd = p > 0 && b[p - 1] === CR && (p === n || b[p] === LF) ? p - 1 : p;
}

/**
 * Parses the unquoted field at `p` as a decimal number while finding its end (set in `cur`).
 * @returns the number, or NaN when the field is empty or not a number (see `parseNumberBytes`).
 */
export function readNumberField(
  b: Uint8Array,
  p: number,
  n: number,
  delim: number,
  cur: FieldCursor,
): number {
  const start = p;
  let negative = false;
  let c = b[p] as number;
  if (c === 45 || c === 43) {
    negative = c === 45;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let dotAt = -1;
  for (; p < n; p++) {
    c = b[p] as number;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dotAt < 0) dotAt = p;
    else break;
  }
  if (p < n && c !== delim && c !== LF && !(c === CR && (p + 1 === n || b[p + 1] === LF))) {
    skipField(b, p, n, delim, cur);
    return parseNumberBytes(b, start, cur.contentEnd);
  }
  cur.contentEnd = p;
  cur.end = p < n && c === CR ? p + 1 : p;
  if (digits === 0 || digits > 15) return parseNumberBytes(b, start, p);
  const fraction = dotAt < 0 ? 0 : p - dotAt - 1;
  const v = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
  return negative ? -v : v;
}
