/**
 * Units and conversions, in one place (STYLE 9). Simulated time is integer milliseconds since the
 * Unix epoch, UTC; durations are milliseconds. A year is 365 days (Aave v3 `SECONDS_PER_YEAR`,
 * and the ACT/365 convention used for option time to expiry).
 */
export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
export const MS_PER_WEEK = 7 * MS_PER_DAY;
export const MS_PER_YEAR = 365 * MS_PER_DAY;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: MS_PER_SECOND,
  m: MS_PER_MINUTE,
  min: MS_PER_MINUTE,
  h: MS_PER_HOUR,
  d: MS_PER_DAY,
  w: MS_PER_WEEK,
  y: MS_PER_YEAR,
};

/** Units a duration string may use, for error messages. */
export const DURATION_UNITS = Object.keys(UNIT_MS);

/**
 * Parses `30s`, `1h`, `1.5d`, `20w`, `1y` or a number of milliseconds.
 * @returns milliseconds (rounded to an integer), or `undefined` when the input is not a duration.
 * @example parseDuration("1h") === 3_600_000
 */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? Math.round(input) : undefined;
  if (typeof input !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/.exec(input);
  if (!m) return undefined;
  const unit = UNIT_MS[m[2] as string];
  if (unit === undefined) return undefined;
  return Math.round(Number(m[1]) * unit);
}

/** Formats milliseconds as the largest whole unit, e.g. 3 600 000 → "1h". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ["y", MS_PER_YEAR],
    ["w", MS_PER_WEEK],
    ["d", MS_PER_DAY],
    ["h", MS_PER_HOUR],
    ["m", MS_PER_MINUTE],
    ["s", MS_PER_SECOND],
  ] as const) {
    if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Year fraction of a duration, ACT/365. */
export function yearFraction(ms: number): number {
  return ms / MS_PER_YEAR;
}

/** Basis points to a fraction: 1 bp = 1/10 000. */
export function bpsToFraction(bps: number): number {
  return bps / 10_000;
}

/** ISO-8601 UTC text of an epoch-milliseconds time (pure: no ambient clock involved). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
