/**
 * Timestamps from text. Accepted: `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]` with an optional
 * `Z`, `±HH:MM` or `±HHMM` offset (none means UTC), and epoch numbers in s, ms, µs or ns. Fractions
 * below a millisecond are truncated. Pure arithmetic (no `Date` parsing) so a million rows stay cheap.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from "../engine/units.js";
import { parseNumberBytes } from "./number-text.js";

export type EpochUnit = "s" | "ms" | "us" | "ns";

/** Epoch ms of an epoch number in `unit`, floored; divides (never multiplies by 1e-3) to stay exact. */
export function epochToMs(v: number, unit: EpochUnit): number {
  if (unit === "s") return Math.floor(v * 1000);
  if (unit === "ms") return Math.floor(v);
  return Math.floor(unit === "us" ? v / 1e3 : v / 1e6);
}
const encoder = new TextEncoder();

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil"). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Integer of `count` ASCII digits at `at`, or -1 when any byte is not a digit. */
function digitsAt(b: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Milliseconds of `HH:MM[:SS[.f]]` plus zone at `at` … `end`; NaN when malformed. */
function parseClock(b: Uint8Array, at: number, end: number): number {
  const hh = digitsAt(b, at, 2);
  const mm = b[at + 2] === 58 ? digitsAt(b, at + 3, 2) : -1;
  if (end < at + 5 || hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  let ms = hh * MS_PER_HOUR + mm * MS_PER_MINUTE;
  let i = at + 5;
  if (b[i] === 58) {
    const ss = end >= i + 3 ? digitsAt(b, i + 1, 2) : -1;
    if (ss < 0 || ss > 59) return NaN;
    ms += ss * MS_PER_SECOND;
    i += 3;
    if (b[i] === 46) {
      let scale = 100;
      let n = 0;
      for (i++; i < end && (b[i] as number) >= 48 && (b[i] as number) <= 57; i++, n++) {
        ms += ((b[i] as number) - 48) * scale;
        scale /= 10;
      }
      if (n === 0) return NaN;
      ms = Math.floor(ms);
    }
  }
  return ms - zoneOffsetMs(b, i, end);
}

/** Offset of `Z`, `±HH:MM`, `±HHMM` or nothing at `at` … `end`; NaN when malformed. */
function zoneOffsetMs(b: Uint8Array, at: number, end: number): number {
  if (at === end) return 0;
  const c = b[at];
  if (c === 90 || c === 122) return at + 1 === end ? 0 : NaN;
  if (c !== 43 && c !== 45) return NaN;
  const hh = digitsAt(b, at + 1, 2);
  const colon = b[at + 3] === 58 ? 1 : 0;
  const mm = digitsAt(b, at + 3 + colon, 2);
  if (at + 5 + colon !== end || hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  return (c === 45 ? -1 : 1) * (hh * MS_PER_HOUR + mm * MS_PER_MINUTE);
}

/** Epoch ms of the `YYYY-MM-DD` at `start`; NaN when malformed. */
function parseDayBytes(b: Uint8Array, start: number): number {
  if (b[start + 4] !== 45 || b[start + 7] !== 45) return Number.NaN;
  const year = digitsAt(b, start, 4);
  const month = digitsAt(b, start + 5, 2);
  const day = digitsAt(b, start + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** Adds the optional `[T| ]HH:MM…` part after a date at `start` to `dayMs`; NaN when malformed. */
function withClock(b: Uint8Array, start: number, end: number, dayMs: number): number {
  if (end - start === 10) return dayMs;
  const sep = b[start + 10];
  if (sep !== 84 && sep !== 32 && sep !== 116) return Number.NaN;
  return dayMs + parseClock(b, start + 11, end);
}

/** Parses an ISO-like date or date-time in bytes [start, end) to epoch ms; NaN when malformed. */
export function parseDateBytes(b: Uint8Array, start: number, end: number): number {
  if (end - start < 10) return Number.NaN;
  return withClock(b, start, end, parseDayBytes(b, start));
}

/** True when the bytes look like a date (`YYYY-…`) rather than an epoch number. */
export function looksLikeDate(b: Uint8Array, start: number, end: number): boolean {
  return end - start >= 10 && b[start + 4] === 45;
}

/**
 * Reads timestamps of one column. Epoch numbers take the column's unit: `unit` when given, else the
 * unit implied by the magnitude of the first number seen (then kept for the whole column).
 */
export class TimeReader {
  private unit: EpochUnit | undefined;
  private readonly lastDay = new Uint8Array(10);
  private lastDayMs = Number.NaN;

  constructor(unit?: EpochUnit) {
    this.unit = unit;
  }

  /** Epoch ms of bytes [start, end), or NaN when they are neither a date nor a number. */
  readBytes(b: Uint8Array, start: number, end: number): number {
    if (!looksLikeDate(b, start, end)) return this.fromNumber(parseNumberBytes(b, start, end));
    return withClock(b, start, end, this.dayMs(b, start));
  }

  /** The date part, remembered: consecutive rows mostly share their day. */
  private dayMs(b: Uint8Array, start: number): number {
    const last = this.lastDay;
    let same = true;
    for (let i = 0; i < 10 && same; i++) same = b[start + i] === last[i];
    if (same) return this.lastDayMs;
    last.set(b.subarray(start, start + 10));
    this.lastDayMs = parseDayBytes(b, start);
    return this.lastDayMs;
  }

  readText(text: string): number {
    const b = encoder.encode(text);
    return this.readBytes(b, 0, b.length);
  }

  /** Epoch ms of a numeric timestamp in the column's unit (NaN stays NaN). */
  fromNumber(v: number): number {
    if (Number.isNaN(v)) return v;
    this.unit ??= unitOfMagnitude(v);
    return epochToMs(v, this.unit);
  }
}

function unitOfMagnitude(v: number): EpochUnit {
  const a = Math.abs(v);
  return a < 1e11 ? "s" : a < 1e14 ? "ms" : a < 1e17 ? "us" : "ns";
}

/** Parses a range bound or other option: an ISO date/time text or epoch milliseconds. */
export function parseTimeOption(value: string | number): number {
  if (typeof value === "number") return Number.isFinite(value) ? Math.floor(value) : Number.NaN;
  const b = encoder.encode(value.trim());
  return looksLikeDate(b, 0, b.length) ? parseDateBytes(b, 0, b.length) : Number.NaN;
}

/** Short UTC text of a time: `2020-04-17` at midnight, else `2020-02-19T11:00Z` (seconds if any). */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  if (ms % MS_PER_DAY === 0) return iso.slice(0, 10);
  if (ms % MS_PER_MINUTE === 0) return `${iso.slice(0, 16)}Z`;
  if (ms % MS_PER_SECOND === 0) return `${iso.slice(0, 19)}Z`;
  return iso;
}
