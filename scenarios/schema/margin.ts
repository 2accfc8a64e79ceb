/**
 * Reads the margin keys of a systemic scenario (margin-specs.ts): `cascade.portfolio` and
 * `population.generate.hedge`, with the cross-checks — the unified rule (or a comparison with it)
 * liquidates through the fixed bonus, and perp legs need a `perp-linear` venue, whose rule the
 * siloed perp leg follows and whose quote is the market's (perp cash is counted in it).
 */
import type { Issue } from "../../engine/errors.js";
import { isRecord, readParams } from "../../engine/params.js";
import { HEDGE_SPECS, PORTFOLIO_SPECS } from "./margin-specs.js";
import type { KindConfig } from "./types.js";

type Data = Readonly<Record<string, unknown>>;

export interface MarginSection {
  readonly portfolio: Data;
  /** The generator's hedge section, read (absent without a generator). */
  readonly hedge?: Data;
  /** The scenario's first perp-linear venue: the perp legs' venue. */
  readonly perpVenue?: string;
}

export function readMargin(
  cascade: Data,
  generate: Data | undefined,
  venues: Readonly<Record<string, KindConfig>>,
  quote: string,
  issues: Issue[],
): MarginSection {
  const raw = cascade["portfolio"];
  const portfolio = isRecord(raw) ? readParams(raw, PORTFOLIO_SPECS, "cascade.portfolio", issues, false) : {};
  const perpVenue = Object.keys(venues).find((v) => venues[v]?.kind === "perp-linear");
  const perpQuote = perpVenue === undefined ? quote : (venues[perpVenue]?.params["quote"] ?? "USDC");
  if (perpQuote !== quote) {
    issues.push({
      code: "invariant",
      path: `venues.${String(perpVenue)}.quote`,
      message: `found ${String(perpQuote)}; a population's perp legs settle in the market's quote; allowed: ${quote}`,
    });
  }
  const usesUnified = cascade["margin"] === "unified" || cascade["compareMargin"] === true;
  if (usesUnified && cascade["rule"] !== "fixed-bonus") {
    issues.push({
      code: "invariant",
      path: "cascade.margin",
      message: `the unified rule (margin: unified or compareMargin: true) liquidates with the venue's fixed bonus; found rule ${String(cascade["rule"])}; allowed: rule fixed-bonus`,
    });
  }
  const hedge =
    generate && isRecord(generate["hedge"]) ? readHedge(generate["hedge"], perpVenue, issues) : undefined;
  return { portfolio, ...(hedge ? { hedge } : {}), ...(perpVenue ? { perpVenue } : {}) };
}

function readHedge(raw: Record<string, unknown>, perpVenue: string | undefined, issues: Issue[]): Data {
  const path = "population.generate.hedge";
  const h = readParams(raw, HEDGE_SPECS, path, issues, false);
  if ((h["ratioMin"] as number) > (h["ratioMax"] as number)) {
    issues.push({
      code: "invariant",
      path: `${path}.ratioMin`,
      message: `found ${String(h["ratioMin"])} > ratioMax ${String(h["ratioMax"])}; allowed: ratioMin ≤ ratioMax`,
    });
  }
  if ((h["share"] as number) > 0 && perpVenue === undefined) {
    issues.push({
      code: "missing",
      path: `${path}.share`,
      message:
        "hedging accounts hold a perp short: the scenario needs a perp-linear venue (its margin rule and fee)",
    });
  }
  return h;
}
