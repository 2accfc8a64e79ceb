/** Every book option needs a vol to be marked at: its own `iv`, or its asset's implied-vol model. */
import type { Issue } from "../../engine/errors.js";
import type { BookEntry, MarketSpec } from "./types.js";

export function checkOptionVols(
  book: readonly BookEntry[],
  market: MarketSpec | undefined,
  issues: Issue[],
): void {
  book.forEach((b, i) => {
    if (b.kind !== "option" || b.iv !== undefined || !market) return;
    if (market.assets[b.underlying]?.iv) return;
    issues.push({
      code: "missing",
      path: `book[${i}].iv`,
      message: `missing: ${b.underlying} has no implied-vol model; allowed: iv (e.g. 0.8), or market.assets.${b.underlying}.iv: { kind: constant | column | stochastic | heston, … }`,
    });
  });
}
