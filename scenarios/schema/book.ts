/** The `book` section: the positions at the start. */
import type { Issue } from "../../engine/errors.js";
import { describeValue } from "../../engine/errors.js";
import {
  boundText,
  didYouMean,
  isRecord,
  join,
  MAX_MAGNITUDE,
  MIN_MAGNITUDE,
  readParams,
} from "../../engine/params.js";
import { CASH_SPECS, LOAN_SPECS, OPTION_SPECS, PERP_ENTRY_SPECS } from "./sections.js";
import type { BookEntry, DebtTarget, KindConfig, OptionEntry, PerpEntry } from "./types.js";

const ENTRY_KINDS = ["option", "perp", "loan", "cash"];
const LENDING_KINDS = ["aave-v3", "compound-v3"];
/** Collateral keys accepted as the quote currency in a perp margin account (stablecoins at par). */
const QUOTE_ALIASES = ["USD", "USDC", "USDT", "DAI"];
/** An amount of an asset: finite, ≥ 0 and within the bound every parameter obeys (engine/params). */
const isAmount = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= MAX_MAGNITUDE;
const AMOUNT_TEXT = `an amount ≥ 0 and ≤ ${boundText(MAX_MAGNITUDE)}`;

/** Whether the raw book holds a perp entry (so a default perp venue is needed). */
export function bookHasPerp(raw: unknown): boolean {
  return Array.isArray(raw) && raw.some((e) => isRecord(e) && e["kind"] === "perp");
}

export function readBook(
  raw: unknown,
  assets: readonly string[],
  venues: Readonly<Record<string, KindConfig>>,
  quote: string,
  issues: Issue[],
): BookEntry[] {
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
    if (kind === "loan") {
      const loan = readLoan(item, path, venues, [quote, ...assets], issues);
      if (loan) out.push(loan);
      return;
    }
    if (kind === "cash") {
      const before = issues.length;
      const p = readParams(item, CASH_SPECS, path, issues);
      const amount = readAmounts(p["amount"], join(path, "amount"), [quote, ...assets], issues);
      if (issues.length === before) out.push({ kind: "cash", amount });
      return;
    }
    const entry =
      kind === "option" ? readOption(item, path, venues, issues) : readPerp(item, path, venues, issues);
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

function readOption(
  item: Record<string, unknown>,
  path: string,
  venues: Readonly<Record<string, KindConfig>>,
  issues: Issue[],
): OptionEntry | undefined {
  const before = issues.length;
  const p = readParams(item, OPTION_SPECS, path, issues);
  const venue =
    p["venue"] === undefined
      ? null
      : (venueOf(p["venue"], ["options-standard"], venues, path, issues) ?? null);
  const collateral = readCollateral(p["collateral"], join(path, "collateral"), issues);
  if (venue !== null && venues[venue]?.params["style"] === "inverse") {
    issues.push({
      code: "unsupported",
      path: join(path, "venue"),
      message: `venue "${venue}" is inverse (coin-margined); book options run on linear options venues only (style: linear)`,
    });
  }
  const strike = p["strike"];
  const strikeOk = typeof strike === "number" && strike >= MIN_MAGNITUDE && strike <= MAX_MAGNITUDE;
  if (strike !== undefined && strike !== "atm" && !strikeOk) {
    issues.push({
      code: "wrong_type",
      path: join(path, "strike"),
      message: `found ${describeValue(strike)}; allowed: a price in [${MIN_MAGNITUDE}, ${boundText(MAX_MAGNITUDE)}] or "atm"`,
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
    iv: p["iv"] as number | undefined,
    venue,
    collateral,
  };
}

/** A venue of one of `kinds`: the named one (checked), or the first such venue. */
function venueOf(
  given: unknown,
  kinds: readonly string[],
  venues: Readonly<Record<string, KindConfig>>,
  path: string,
  issues: Issue[],
): string | undefined {
  const names = Object.keys(venues).filter((n) => kinds.includes(venues[n]?.kind ?? ""));
  const name = typeof given === "string" ? given : names[0];
  if (name === undefined || !names.includes(name)) {
    const hint = typeof given === "string" ? didYouMean(given, names) : "";
    issues.push({
      code: "unknown_venue",
      path: join(path, "venue"),
      message: `${given === undefined ? "no venue" : `"${String(given)}" is not a venue`} of kind ${kinds.join(" or ")}${hint}; allowed: ${names.length > 0 ? names.join(", ") : `declare one under venues, e.g. venues: { ${kinds[0]?.split("-")[0]}: { kind: ${kinds[0]} } }`}`,
    });
    return undefined;
  }
  return name;
}

function readPerp(
  item: Record<string, unknown>,
  path: string,
  venues: Readonly<Record<string, KindConfig>>,
  issues: Issue[],
): PerpEntry | undefined {
  const before = issues.length;
  const p = readParams(item, PERP_ENTRY_SPECS, path, issues);
  const collateral = readCollateral(p["collateral"], join(path, "collateral"), issues);
  const venue = venueOf(p["venue"], ["perp-linear"], venues, path, issues);
  if (issues.length > before || venue === undefined) return undefined;
  return { kind: "perp", venue, underlying: p["underlying"] as string, qty: p["qty"] as number, collateral };
}

function readLoan(
  item: Record<string, unknown>,
  path: string,
  venues: Readonly<Record<string, KindConfig>>,
  assets: readonly string[],
  issues: Issue[],
): BookEntry | undefined {
  const before = issues.length;
  const p = readParams(item, LOAN_SPECS, path, issues);
  const venue = venueOf(p["venue"], LENDING_KINDS, venues, path, issues);
  const collateral = readAmounts(p["collateral"], join(path, "collateral"), assets, issues);
  const debt = isTargetRaw(p["debt"])
    ? readDebtTarget(p["debt"], join(path, "debt"), assets, issues)
    : readAmounts(p["debt"], join(path, "debt"), assets, issues);
  if (issues.length > before || venue === undefined) return undefined;
  return { kind: "loan", venue, collateral, debt };
}

const TARGET_KEYS = ["ltv", "healthFactor"];

function isTargetRaw(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && TARGET_KEYS.some((k) => k in v);
}

/** `{ ltv: 0 < x < 1 }` or `{ healthFactor: x > 0 }`, with an optional `asset` (default: the quote). */
function readDebtTarget(
  v: Record<string, unknown>,
  path: string,
  assets: readonly string[],
  issues: Issue[],
): DebtTarget {
  const allowed = ["ltv", "healthFactor", "asset"];
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      issues.push({
        code: "unknown_key",
        path: join(path, k),
        message: `unknown key "${k}"${didYouMean(k, allowed)}; allowed: ltv or healthFactor, and asset`,
      });
  }
  if ("ltv" in v && "healthFactor" in v)
    issues.push({ code: "conflict", path, message: "both ltv and healthFactor given; allowed: one of them" });
  const asset = v["asset"] ?? assets[0];
  if (typeof asset !== "string" || !assets.includes(asset))
    issues.push({
      code: "unknown_asset",
      path: join(path, "asset"),
      message: `found ${describeValue(asset)}${typeof asset === "string" ? didYouMean(asset, assets) : ""}; allowed: ${assets.join(", ")}`,
    });
  const key = "ltv" in v ? "ltv" : "healthFactor";
  const x = v[key];
  const ok = typeof x === "number" && Number.isFinite(x) && x > 0 && (key === "healthFactor" || x < 1);
  if (!ok)
    issues.push({
      code: "out_of_range",
      path: join(path, key),
      message: `found ${describeValue(x)}; allowed: ${key === "ltv" ? "a loan-to-value between 0 and 1 (exclusive)" : "a health factor > 0"}`,
    });
  return { asset: asset as string, [key]: x as number };
}

/** `{ ASSET: amount ≥ 0 }` over known ledger assets (the quote and the market's assets). */
function readAmounts(
  v: unknown,
  path: string,
  assets: readonly string[],
  issues: Issue[],
): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(v)) return out;
  for (const [k, amt] of Object.entries(v)) {
    if (!assets.includes(k)) {
      issues.push({
        code: "unknown_asset",
        path: join(path, k),
        message: `unknown asset "${k}"${didYouMean(k, assets)}; allowed: ${assets.join(", ")}`,
      });
    } else if (!isAmount(amt)) {
      issues.push({
        code: "out_of_range",
        path: join(path, k),
        message: `found ${describeValue(amt)}; allowed: ${AMOUNT_TEXT}`,
      });
    } else out[k] = amt;
  }
  return out;
}

function readCollateral(v: unknown, path: string, issues: Issue[]): number {
  const bad = () => {
    issues.push({
      code: "wrong_type",
      path,
      message: `found ${describeValue(v)}; allowed: ${AMOUNT_TEXT} or a mapping { ${QUOTE_ALIASES.join("|")}: amount }`,
    });
    return 0;
  };
  if (typeof v === "number") return isAmount(v) ? v : bad();
  if (!isRecord(v)) return bad();
  let total = 0;
  for (const [k, amt] of Object.entries(v)) {
    if (!QUOTE_ALIASES.includes(k)) {
      issues.push({
        code: "unknown_key",
        path: join(path, k),
        message: `unknown collateral "${k}"${didYouMean(k, QUOTE_ALIASES)}; allowed: ${QUOTE_ALIASES.join(", ")}`,
      });
    } else if (!isAmount(amt)) {
      issues.push({
        code: "out_of_range",
        path: join(path, k),
        message: `found ${describeValue(amt)}; allowed: ${AMOUNT_TEXT}`,
      });
    } else total += amt;
  }
  return total;
}
