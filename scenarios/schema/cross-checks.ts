/**
 * Checks across sections that no single section can make: what the strategy names exists and can
 * trade, and what is scheduled happens inside the horizon. Each is an Issue (exit code 2): a run
 * that cannot mean what the file says is refused before it starts, never finished with exit 0.
 */
import type { Issue } from "../../engine/errors.js";
import { didYouMean, join } from "../../engine/params.js";
import { formatDuration } from "../../engine/units.js";
import type { BookEntry, ClockSpec, KindConfig } from "./types.js";

/** `strategy.asset` names a market asset (not the quote, which has no price path to hedge). */
export function checkStrategyAsset(strategy: KindConfig, assets: readonly string[], issues: Issue[]): void {
  const asset = strategy.params["asset"];
  if (typeof asset !== "string" || assets.includes(asset)) return;
  issues.push({
    code: "unknown_asset",
    path: "strategy.asset",
    message: `"${asset}" is not a market asset${didYouMean(asset, assets)}; allowed: ${assets.join(", ")} (market.assets; the quote currency has no price to trade)`,
  });
}

/**
 * A strategy that trades the perp (`with: perp`) needs a perp margin account in the book: without
 * one every order it sends is rejected and the run would report an unhedged book as a hedged one.
 */
export function checkStrategyAccount(
  strategy: KindConfig,
  bookHasPerp: boolean,
  assets: readonly string[],
  issues: Issue[],
): void {
  if (strategy.params["with"] !== "perp" || bookHasPerp) return;
  const asset = (strategy.params["asset"] as string | undefined) ?? assets[0] ?? "ETH";
  issues.push({
    code: "no_account",
    path: "strategy.with",
    message: `the strategy trades the perp but the book holds no perp account to margin its orders (each would be rejected); allowed: add { kind: perp, underlying: ${asset}, qty: 0, collateral: <amount> } to book, or hedge with: spot`,
  });
}

/** When a shock or oracle fault begins, as an offset from the start: its `at` or `from`. */
function startOf(c: KindConfig): number | undefined {
  const t = c.params["at"] ?? c.params["from"];
  return typeof t === "number" ? t : undefined;
}

/**
 * A shock or an oracle fault that begins at or after the horizon would never act: refused, naming
 * the horizon. One that begins inside and runs past it is cut at the horizon (it still acts).
 */
export function checkInsideHorizon(
  list: readonly KindConfig[],
  path: string,
  clock: ClockSpec | undefined,
  issues: Issue[],
): void {
  if (clock === undefined) return;
  list.forEach((c, i) => {
    const start = startOf(c);
    if (start === undefined || start < clock.horizonMs) return;
    issues.push({
      code: "after_horizon",
      path: join(join(path, i), c.params["at"] !== undefined ? "at" : "from"),
      message: `the ${c.kind} begins at ${formatDuration(start)}, at or after the horizon (${formatDuration(clock.horizonMs)}), so it would never act; allowed: a start before the horizon`,
    });
  });
}

/**
 * Largest quote value one book entry (or the whole book) may hold at the start: 1e11 (100 bn).
 * A double resolves 1.5e-5 at 1e11, so a PnL summed over thousands of postings still keeps its
 * cents; at 1e16 the resolution is 2 and at 1e308 a PnL collapses to exactly 0. No single account
 * on any venue comes near 1e11 (the largest perp market's whole open interest is ~1e10 USD).
 */
export const MAX_BOOK_VALUE = 1e11;

/** The quote value of one entry at start prices (undefined for an asset whose price is unknown). */
function entryValue(b: BookEntry, priceOf: (asset: string) => number | undefined): number {
  const px = (asset: string) => priceOf(asset) ?? 0;
  if (b.kind === "option")
    return (
      Math.abs(b.qty) *
        (typeof b.strike === "number" ? Math.max(b.strike, px(b.underlying)) : px(b.underlying)) +
      b.collateral
    );
  if (b.kind === "perp") return Math.abs(b.qty) * px(b.underlying) + b.collateral;
  const amounts =
    b.kind === "cash"
      ? Object.entries(b.amount)
      : [...Object.entries(b.collateral), ...Object.entries(b.debt)];
  let v = 0;
  for (const [a, amt] of amounts) v += amt * px(a);
  return v;
}

/**
 * Refuses a book worth more than MAX_BOOK_VALUE at the start prices `priceOf` gives (the quote at
 * 1; an asset without a known price counts 0, so a replay is checked again once its data are read).
 */
export function checkBookValue(
  book: readonly BookEntry[],
  priceOf: (asset: string) => number | undefined,
  issues: Issue[],
): void {
  let total = 0;
  book.forEach((b, i) => {
    const v = entryValue(b, priceOf);
    total += v;
    if (v > MAX_BOOK_VALUE)
      issues.push({
        code: "out_of_range",
        path: join("book", i),
        message: `worth ${v.toExponential(3)} in the quote at the start; allowed: at most ${MAX_BOOK_VALUE.toExponential()} per entry and for the book (beyond it a PnL loses its cents to rounding)`,
      });
  });
  if (total > MAX_BOOK_VALUE && !issues.some((x) => x.path.startsWith("book[")))
    issues.push({
      code: "out_of_range",
      path: "book",
      message: `the book is worth ${total.toExponential(3)} in the quote at the start; allowed: at most ${MAX_BOOK_VALUE.toExponential()} (beyond it a PnL loses its cents to rounding)`,
    });
}
