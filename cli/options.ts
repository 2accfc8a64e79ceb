/** Parsers for command-line values; a bad value is a usage error (exit 2) naming the flag. */
import { InvalidArgumentError } from "commander";

export function parseIntOption(flag: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
    }
    return n;
  };
}
