/** The `book` section: the positions at the start. */
import type { Issue } from "../../engine/errors.js";
import { describeValue } from "../../engine/errors.js";
import { didYouMean, isRecord, join, readParams } from "../../engine/params.js";
import { OPTION_SPECS, PERP_ENTRY_SPECS } from "./sections.js";
import type { BookEntry } from "./types.js";

const ENTRY_KINDS = ["option", "perp"];
/** Collateral keys accepted as the quote currency in a perp margin account (stablecoins at par). */
const QUOTE_ALIASES = ["USD", "USDC", "USDT", "DAI"];

export function readBook(raw: unknown, assets: readonly string[], issues: Issue[]): BookEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({
      code: "wrong_type",
      path: "book",
      message: `found ${describeValue(raw)}; allowed: a list of positions`,
    });
    return [];
  }
  const out: BookEntry[] = [];
  raw.forEach((item, i) => {
    const path = join("book", i);
    const kind = isRecord(item) ? item["kind"] : undefined;
    if (!isRecord(item) || typeof kind !== "string" || !ENTRY_KINDS.includes(kind)) {
      const hint = typeof kind === "string" ? didYouMean(kind, ENTRY_KINDS) : "";
      issues.push({
        code: "unknown_kind",
        path: join(path, "kind"),
        message: `found ${describeValue(kind)}${hint}; allowed: ${ENTRY_KINDS.join(", ")}`,
      });
      return;
    }
    const entry = kind === "option" ? readOption(item, path, issues) : readPerp(item, path, issues);
    if (!entry) return;
    if (!assets.includes(entry.underlying)) {
      issues.push({
        code: "unknown_asset",
        path: join(path, "underlying"),
        message: `unknown asset "${entry.underlying}"${didYouMean(entry.underlying, assets)}; allowed: ${assets.join(", ")} (market.assets)`,
      });
    }
    out.push(entry);
  });
  return out;
}

function readOption(item: Record<string, unknown>, path: string, issues: Issue[]): BookEntry | undefined {
  const before = issues.length;
  const p = readParams(item, OPTION_SPECS, path, issues);
  const strike = p["strike"];
  if (strike !== undefined && strike !== "atm" && !(typeof strike === "number" && strike > 0)) {
    issues.push({
      code: "wrong_type",
      path: join(path, "strike"),
      message: `found ${describeValue(strike)}; allowed: a price > 0 or "atm"`,
    });
  }
  if (p["qty"] === 0)
    issues.push({
      code: "out_of_range",
      path: join(path, "qty"),
      message: "found 0; allowed: a non-zero number of contracts",
    });
  if (issues.length > before) return undefined;
  return {
    kind: "option",
    underlying: p["underlying"] as string,
    right: p["right"] as "call" | "put",
    strike: strike as number | "atm",
    expiryMs: p["expiry"] as number,
    qty: p["qty"] as number,
    iv: p["iv"] as number,
  };
}

function readPerp(item: Record<string, unknown>, path: string, issues: Issue[]): BookEntry | undefined {
  const before = issues.length;
  const p = readParams(item, PERP_ENTRY_SPECS, path, issues);
  const collateral = readCollateral(p["collateral"], join(path, "collateral"), issues);
  if (issues.length > before) return undefined;
  return { kind: "perp", underlying: p["underlying"] as string, qty: p["qty"] as number, collateral };
}

function readCollateral(v: unknown, path: string, issues: Issue[]): number {
  const bad = () => {
    issues.push({
      code: "wrong_type",
      path,
      message: `found ${describeValue(v)}; allowed: an amount ≥ 0 or a mapping { ${QUOTE_ALIASES.join("|")}: amount ≥ 0 }`,
    });
    return 0;
  };
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : bad();
  if (!isRecord(v)) return bad();
  let total = 0;
  for (const [k, amt] of Object.entries(v)) {
    if (!QUOTE_ALIASES.includes(k)) {
      issues.push({
        code: "unknown_key",
        path: join(path, k),
        message: `unknown collateral "${k}"${didYouMean(k, QUOTE_ALIASES)}; allowed: ${QUOTE_ALIASES.join(", ")}`,
      });
    } else if (typeof amt !== "number" || !Number.isFinite(amt) || amt < 0) {
      issues.push({
        code: "out_of_range",
        path: join(path, k),
        message: `found ${describeValue(amt)}; allowed: an amount ≥ 0`,
      });
    } else total += amt;
  }
  return total;
}
