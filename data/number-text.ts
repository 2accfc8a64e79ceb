/**
 * Decimal numbers straight from bytes, without building a string per cell. The fast path reads at most
 * 15 significant digits into an exact integer and divides once by an exact power of ten (≤ 10²²), so
 * the result is the correctly rounded double — identical to `Number(text)` (Clinger's fast path).
 * Longer numbers and exponents take the slow path through `Number`.
 */

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const STRICT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const decoder = new TextDecoder();

/** Text of bytes [start, end) (UTF-8). */
export function textOf(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * Parses a plain decimal number (`-12.5`, `3`, `.5`, `1e-3`) from bytes [start, end).
 * @returns the number, or NaN when the text is empty or not a finite decimal number
 *   (`NaN`, `Infinity`, `0x10`, `1,5`, surrounding spaces are all refused).
 * @example parseNumberBytes(new TextEncoder().encode("4340.763672"), 0, 11) === 4340.763672
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = bytes[i] as number;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (dot) fraction++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (i < end || digits === 0 || digits > 15) return slowNumber(bytes, start, end);
  const v = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
  return negative ? -v : v;
}

function slowNumber(bytes: Uint8Array, start: number, end: number): number {
  const text = textOf(bytes, start, end);
  if (!STRICT_NUMBER.test(text)) return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}

/** Parses a number from a string with the same rules as `parseNumberBytes`. */
export function parseNumberText(text: string): number {
  if (!STRICT_NUMBER.test(text)) return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}

/** Spellings of "no value" that vendors ship; such a cell is reported as missing, not as text. */
const MISSING_WORDS = new Set(["", "null", "nan", "na", "n/a", "none", "nil", "-", "#n/a"]);

export function isMissingWord(text: string): boolean {
  return MISSING_WORDS.has(text.trim().toLowerCase());
}
