/**
 * Parameters of the `perp-linear` venue (a linear, USD-margined perpetual exchange) and their
 * resolution into a PerpConfig. Defaults: dYdX v4 Large-Cap IMF 5 % / MMF 3 % (mainnet genesis),
 * Binance funding (8 h, I = 0.01 %, clamp 0.05 %), funding cap 600 %·(IMF − MMF) (dYdX v4).
 * Optional Binance-style notional tiers replace the flat IMF/MMF; `markets` sets them per market
 * (./perp-markets.ts), as Binance and dYdX do.
 */
import type { Issue } from "../errors.js";
import type { ParamSpecs, Params } from "../params.js";
import { checkMargin, checkMarkets, MARKET_SPECS, marginTiers, marketTiers } from "./perp-markets.js";
import { dydxFundingCap, type MarginTiers } from "./perp-rules.js";

export type FundingSource = "fixed" | "series" | "premium";
export type Bankruptcy = "socialise" | "adl";

export interface PerpConfig {
  readonly quote: string;
  /** Venue-wide tiers: the default of every market. */
  readonly tiers: MarginTiers;
  /** Per-market tiers keyed by the underlying's ledger asset name (`markets: { ETH: … }`). */
  readonly markets: Readonly<Record<string, MarginTiers>>;
  readonly fundingIntervalMs: number;
  readonly fundingSource: FundingSource;
  readonly fundingRate: number;
  readonly interestRate: number;
  readonly fundingClamp: number;
  readonly fundingCap: number;
  readonly liquidationFee: number;
  readonly insuranceFund: number;
  readonly bankruptcy: Bankruptcy;
  readonly partial: boolean;
  readonly margin: "isolated" | "cross";
}

export const PERP_SPECS: ParamSpecs = {
  quote: { type: "string", description: "margin and settlement asset (ledger asset name)", default: "USDC" },
  imf: {
    type: "number",
    description: "initial margin fraction (dYdX Large-Cap 5 %)",
    min: 0,
    max: 1,
    exclusiveMin: true,
    default: 0.05,
  },
  mmf: {
    type: "number",
    description: "maintenance margin fraction (dYdX Large-Cap 3 %)",
    min: 0,
    max: 1,
    exclusiveMin: true,
    default: 0.03,
  },
  tierFloors: {
    type: "numbers",
    description:
      "Binance-style notional tier floors (quote), first 0; with tierMmr and tierImf replaces imf/mmf",
    min: 0,
    optional: true,
  },
  tierMmr: {
    type: "numbers",
    description: "maintenance margin rate per tier (cum is derived: cumₙ = cumₙ₋₁ + floorₙ·ΔMMR)",
    min: 0,
    max: 1,
    optional: true,
  },
  tierImf: {
    type: "numbers",
    description: "initial margin fraction per tier (1 / max leverage)",
    min: 0,
    max: 1,
    optional: true,
  },
  markets: {
    type: "record",
    description: `per-market margin keyed by the underlying asset, e.g. { ETH: { imf: 0.1, mmf: 0.05 } } or { ETH: { tierFloors, tierMmr, tierImf } }; keys ${Object.keys(MARKET_SPECS).join(", ")}: tiers replace the venue's, imf/mmf alone make the market flat (a key left out takes the venue-wide value), an asset without an entry uses the venue-wide tiers`,
    optional: true,
  },
  fundingInterval: {
    type: "duration",
    description: "time between funding payments (Binance 8 h)",
    min: 1,
    default: "8h",
  },
  fundingSource: {
    type: "enum",
    description:
      "rate source: fixed (fundingRate each interval), series (a rate per interval given by the scenario), premium (Binance F = P̄ + clamp(I − P̄, ±clamp) from the average premium given by the scenario; 0 ⇒ F = I)",
    values: ["fixed", "series", "premium"],
    default: "premium",
  },
  fundingRate: {
    type: "number",
    description: "rate per interval when fundingSource = fixed (longs pay when > 0)",
    default: 0.0001,
  },
  interestRate: { type: "number", description: "Binance interest component I per interval", default: 0.0001 },
  fundingClamp: { type: "number", description: "Binance clamp of I − P̄", min: 0, default: 0.0005 },
  fundingCap: {
    type: "number",
    description:
      "cap of |F| per interval (default: dYdX's 600 %·(IMF − MMF) per 8 h, first tier, scaled to the interval)",
    min: 0,
    optional: true,
  },
  liquidationFee: {
    type: "number",
    description:
      "fee on liquidated notional paid to the insurance fund, capped at the equity left (Ballast choice; dYdX caps it at 1.5 %)",
    min: 0,
    max: 0.015,
    default: 0.005,
  },
  insuranceFund: { type: "number", description: "insurance fund at the start (quote)", min: 0, default: 1e6 },
  bankruptcy: {
    type: "enum",
    description:
      "when the insurance fund is empty: socialise (loss booked as bad debt against the venue) or adl (deleverage profitable opposite simulated positions at the bankruptcy price, rest socialised)",
    values: ["socialise", "adl"],
    default: "socialise",
  },
  partial: {
    type: "boolean",
    description: "partial liquidation back to initial margin (else close all)",
    default: true,
  },
  margin: {
    type: "enum",
    description: "default margin mode of new accounts",
    values: ["isolated", "cross"],
    default: "cross",
  },
};

/** Tier invariants (venue-wide and per market): see ./perp-markets.ts. */
export function checkPerp(params: Params, path: string, issues: Issue[]): void {
  checkMargin(params, params, path, issues);
  checkMarkets(params, path, issues);
}

const EIGHT_HOURS_MS = 8 * 3_600_000;

/**
 * Resolves validated parameters. The default funding cap is dYdX v4's clamp of the 8-hour rate,
 * ±600 %·(IMF − MMF), scaled to the funding interval (dYdX pays `R₈ₕ × Δt/8h` each hour;
 * REFERENCE "Perpetual futures").
 */
export function perpConfig(params: Params): PerpConfig {
  const tiers = marginTiers(params, params);
  const fundingIntervalMs = params["fundingInterval"] as number;
  return {
    quote: String(params["quote"]),
    tiers,
    markets: marketTiers(params),
    fundingIntervalMs,
    fundingSource: params["fundingSource"] as FundingSource,
    fundingRate: params["fundingRate"] as number,
    interestRate: params["interestRate"] as number,
    fundingClamp: params["fundingClamp"] as number,
    fundingCap:
      typeof params["fundingCap"] === "number"
        ? params["fundingCap"]
        : (dydxFundingCap(tiers.imf[0] as number, tiers.mmr[0] as number) * fundingIntervalMs) /
          EIGHT_HOURS_MS,
    liquidationFee: params["liquidationFee"] as number,
    insuranceFund: params["insuranceFund"] as number,
    bankruptcy: params["bankruptcy"] as Bankruptcy,
    partial: params["partial"] !== false,
    margin: params["margin"] === "isolated" ? "isolated" : "cross",
  };
}
