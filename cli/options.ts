/** Parsers for command-line values; a bad value is a usage error (exit 2) naming the flag. */
import { InvalidArgumentError } from "commander";

export function parseIntOption(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`${flag} must be an integer ${range}, got "${value}"`);
    }
    return n;
  };
}
