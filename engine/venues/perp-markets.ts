/**
 * Margin rates of a perp venue per market. Binance USDⓈ-M publishes one notional-tier table per
 * symbol (its "Leverage and Margin" page; BTCUSDT and ETHUSDT differ), dYdX v4 one IMF/MMF pair per
 * liquidity tier a market belongs to (x/perpetuals; REFERENCE "Perpetual futures"). A venue's
 * `imf`/`mmf` or `tierFloors`/`tierMmr`/`tierImf` are the default of every market; `markets`, keyed
 * by the underlying's asset name, overrides them per market:
 *
 *     venues: { perp: { kind: perp-linear, markets: { ETH: { imf: 0.1, mmf: 0.05 } } } }
 *
 * A market entry with tiers uses them; one with only `imf`/`mmf` is flat at those rates (a key it
 * leaves out takes the venue-wide flat value); one with neither takes the venue's tiers.
 */
import type { Issue } from "../errors.js";
import { isRecord, join, type ParamSpecs, type Params, readParams } from "../params.js";
import { flatTiers, type MarginTiers, makeTiers } from "./perp-rules.js";

const rate = (description: string) => ({
  type: "number" as const,
  description,
  min: 0,
  max: 1,
  exclusiveMin: true,
  optional: true,
});
const rates = (description: string, min = 0) => ({
  type: "numbers" as const,
  description,
  min,
  max: 1,
  optional: true,
});

/** The keys of one `markets` entry (all optional: absent ⇒ the venue-wide value). */
export const MARKET_SPECS: ParamSpecs = {
  imf: rate("initial margin fraction of this market"),
  mmf: rate("maintenance margin fraction of this market"),
  tierFloors: {
    type: "numbers",
    description: "notional tier floors of this market (quote), first 0",
    min: 0,
    optional: true,
  },
  tierMmr: rates("maintenance margin rate per tier of this market"),
  tierImf: rates("initial margin fraction per tier of this market"),
};

const nums = (v: unknown): number[] | undefined => (Array.isArray(v) ? (v as number[]) : undefined);
const TIER_KEYS = ["tierFloors", "tierMmr", "tierImf"] as const;
const hasTiers = (p: Params) => TIER_KEYS.some((k) => p[k] !== undefined);

/**
 * Invariants of one margin table `p` (the venue's, or a market's over the venue's defaults): MMF < IMF;
 * tiers given together with one length, floors from 0 increasing, rates non-decreasing, MMR < IMF.
 */
export function checkMargin(p: Params, venue: Params, path: string, issues: Issue[]): void {
  const bad = (message: string) => issues.push({ code: "invariant", path, message });
  if (!hasTiers(p) || p === venue) {
    const imf = (p["imf"] ?? venue["imf"]) as number;
    const mmf = (p["mmf"] ?? venue["mmf"]) as number;
    if (mmf >= imf) bad(`found mmf ${mmf} ≥ imf ${imf}; allowed: mmf < imf`);
  }
  if (!hasTiers(p)) return;
  const f = nums(p["tierFloors"]);
  const m = nums(p["tierMmr"]);
  const i = nums(p["tierImf"]);
  if (!f || !m || !i || f.length !== m.length || f.length !== i.length || f.length === 0) {
    bad("tierFloors, tierMmr and tierImf must be given together, with the same non-zero length");
    return;
  }
  if (f[0] !== 0) bad("found tierFloors[0] ≠ 0; allowed: the first floor is 0");
  for (let k = 0; k < f.length; k++) {
    if (k > 0 && !((f[k] as number) > (f[k - 1] as number))) bad(`found tierFloors not increasing at ${k}`);
    if (k > 0 && ((m[k] as number) < (m[k - 1] as number) || (i[k] as number) < (i[k - 1] as number)))
      bad(`found a tier rate decreasing at ${k}; allowed: non-decreasing`);
    if ((m[k] as number) >= (i[k] as number)) bad(`found tierMmr[${k}] ≥ tierImf[${k}]; allowed: MMR < IMF`);
  }
}

/** The tiers of table `p`, missing keys taken from the venue (see the file comment). */
export function marginTiers(p: Params, venue: Params): MarginTiers {
  const f = nums(p["tierFloors"]);
  const m = nums(p["tierMmr"]);
  const i = nums(p["tierImf"]);
  if (f && m && i) return makeTiers(f, m, i);
  if (p !== venue && p["imf"] === undefined && p["mmf"] === undefined) return marginTiers(venue, venue);
  return flatTiers((p["imf"] ?? venue["imf"]) as number, (p["mmf"] ?? venue["mmf"]) as number);
}

function readMarkets(params: Params, path: string, issues: Issue[]): Record<string, Params> {
  const raw = params["markets"];
  const out: Record<string, Params> = {};
  if (!isRecord(raw)) return out;
  for (const [name, entry] of Object.entries(raw)) {
    const at = join(join(path, "markets"), name);
    if (!isRecord(entry)) {
      issues.push({
        code: "wrong_type",
        path: at,
        message: "found a non-mapping; allowed: a mapping of margin keys",
      });
      continue;
    }
    out[name] = readParams(entry, MARKET_SPECS, at, issues, false);
  }
  return out;
}

/** Checks every `markets` entry (keys are checked against the ledger when the venue is built). */
export function checkMarkets(params: Params, path: string, issues: Issue[]): void {
  for (const [name, p] of Object.entries(readMarkets(params, path, issues)))
    checkMargin(p, params, join(join(path, "markets"), name), issues);
}

/** Resolved per-market tiers keyed by asset name (call after `checkMarkets`). */
export function marketTiers(params: Params): Record<string, MarginTiers> {
  const out: Record<string, MarginTiers> = {};
  for (const [name, p] of Object.entries(readMarkets(params, "", []))) out[name] = marginTiers(p, params);
  return out;
}
