/**
 * Strict ISO-8601 times for scenario files. Accepted: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]`
 * (a space may replace the `T`) with an optional `Z`, `±HH:MM` or `±HHMM` offset; no offset means
 * UTC. Anything else (`2024/03/05`, `Mar 5, 2024`) is refused rather than read in the machine's time
 * zone, and a date that is not on the calendar (`2023-02-30`) is refused rather than rolled over.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Epoch milliseconds of `text`, or NaN when it is not a valid ISO-8601 date or date-time. */
export function parseIsoTime(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return Number.NaN;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m
    .slice(1, 7)
    .map((x) => (x === undefined ? undefined : Number(x)));
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const t = Date.UTC(y as number, (mo as number) - 1, d as number, h, mi, s, ms);
  const back = new Date(t);
  const onCalendar =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === (mo as number) - 1 &&
    back.getUTCDate() === d &&
    (h as number) < 24 &&
    (mi as number) < 60 &&
    (s as number) < 60;
  if (!onCalendar) return Number.NaN;
  return t - offsetMs(m[8]);
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hh = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  if (hh > 23 || mm > 59) return Number.NaN;
  return (zone.startsWith("-") ? -1 : 1) * (hh * 60 + mm) * 60_000;
}
