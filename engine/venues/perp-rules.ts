/**
 * Perpetual-futures margin and funding rules, pure functions (REFERENCE "Perpetual futures").
 * Binance USDⓈ-M (support pages: leverage and margin tiers, liquidation price, funding rate) and
 * dYdX v4 (dydxprotocol/v4-chain `x/perpetuals`, `x/clob/keeper/liquidations.go`).
 */

/** Notional tiers of margin rates with Binance's cumulative maintenance amount. */
export interface MarginTiers {
  /** Lower notional bound of each tier (quote), increasing, first = 0. */
  readonly floors: Float64Array;
  /** Maintenance margin rate per tier. */
  readonly mmr: Float64Array;
  /** Initial margin fraction per tier (1 / max leverage). */
  readonly imf: Float64Array;
  /** Binance maintenance amount `cumₙ = cumₙ₋₁ + floorₙ·(MMRₙ − MMRₙ₋₁)`, cum₀ = 0. */
  readonly cum: Float64Array;
}

/**
 * Builds tiers, computing Binance's `cum` by its recursion (so MM is continuous across tiers).
 * @example makeTiers([0, 50e3], [0.004, 0.005], [0.008, 0.01]).cum[1] === 50 (BTCUSDT, March 2021)
 */
export function makeTiers(
  floors: readonly number[],
  mmr: readonly number[],
  imf: readonly number[],
): MarginTiers {
  const n = floors.length;
  const cum = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    cum[k] = (cum[k - 1] as number) + (floors[k] as number) * ((mmr[k] as number) - (mmr[k - 1] as number));
  }
  return { floors: Float64Array.from(floors), mmr: Float64Array.from(mmr), imf: Float64Array.from(imf), cum };
}

/** One tier for all notionals: dYdX's flat IMF/MMF per liquidity tier. */
export function flatTiers(imf: number, mmf: number): MarginTiers {
  return makeTiers([0], [mmf], [imf]);
}

/** Index of the tier of `notional` (the last tier whose floor ≤ notional). */
export function tierOf(tiers: MarginTiers, notional: number): number {
  const f = tiers.floors;
  let k = 0;
  while (k + 1 < f.length && notional >= (f[k + 1] as number)) k++;
  return k;
}

/** Binance maintenance margin `notional·MMR − cum` of the notional's tier. */
export function maintenanceMargin(tiers: MarginTiers, notional: number): number {
  const k = tierOf(tiers, notional);
  return notional * (tiers.mmr[k] as number) - (tiers.cum[k] as number);
}

/** Initial margin `notional·IMF` of the notional's tier. */
export function initialMargin(tiers: MarginTiers, notional: number): number {
  return notional * (tiers.imf[tierOf(tiers, notional)] as number);
}

/**
 * Binance one-way liquidation price:
 * `LP = (WB − TMM₁ + UPNL₁ + cum − side·Q·EP) / (Q·MMR − side·Q)`, Q = |size|, side +1 long, −1 short;
 * TMM₁, UPNL₁ of the account's other positions (0 when isolated).
 * @example liquidationPrice(3000, 0, 0, 50, 1, 1, 60000, 0.005) ≈ 57 236.18 (REFERENCE)
 */
export function liquidationPrice(
  wb: number,
  tmmOther: number,
  upnlOther: number,
  cum: number,
  side: number,
  q: number,
  ep: number,
  mmr: number,
): number {
  return (wb - tmmOther + upnlOther + cum - side * q * ep) / (q * mmr - side * q);
}

/** Relative slack on tier bounds: a root on a tier floor, rounded to either side, still matches. */
const TIER_SLACK = 1e-12;

/**
 * Tier-consistent liquidation price of one position: tries each tier's (MMR, cum) and returns the
 * price whose notional falls in that tier (MM is continuous, equity − MM monotonic in price, so the
 * root is unique; a root on a tier floor is accepted from either neighbouring tier).
 * `others` = WB − TMM₁ + UPNL₁ of the rest of the account.
 * @returns the price; 0 when there is no positive root. Equity − MM rises with the price for a
 *   long and falls for a short (MMR < 1), so a long without a root is never liquidatable (its
 *   trigger `p < 0` never fires) and a short without one is liquidatable at every price (its
 *   trigger `p > 0` always fires).
 */
export function tieredLiquidationPrice(
  tiers: MarginTiers,
  others: number,
  side: number,
  q: number,
  ep: number,
): number {
  const n = tiers.floors.length;
  for (let k = 0; k < n; k++) {
    const lp = liquidationPrice(others, 0, 0, tiers.cum[k] as number, side, q, ep, tiers.mmr[k] as number);
    const notional = q * lp;
    const lo = (tiers.floors[k] as number) * (1 - TIER_SLACK);
    const hi = k + 1 < n ? (tiers.floors[k + 1] as number) * (1 + TIER_SLACK) : Number.POSITIVE_INFINITY;
    if (lp > 0 && notional >= lo && notional < hi) return lp;
  }
  return 0;
}

/**
 * Binance funding rate: `F = P̄ + clamp(I − P̄, −clamp, +clamp)` (I = 0.01 % per 8 h, clamp 0.05 %).
 * @example fundingRate(0.0003, 0.0001, 0.0005) === 0.0001; fundingRate(0.0009, …) === 0.0004 (REFERENCE)
 */
export function fundingRate(premium: number, interest: number, clamp: number): number {
  const d = interest - premium;
  return premium + (d > clamp ? clamp : Math.max(d, -clamp));
}

/**
 * Funding paid by a position: `F × size × mark` (signed size; longs pay when F > 0, shorts receive).
 * @example fundingPayment(0.0001, 2, 65000) === 13 (REFERENCE: long 2 BTC pays 13.00 USDT)
 */
export function fundingPayment(rate: number, size: number, mark: number): number {
  return rate * size * mark;
}

/** Symmetric clamp of a funding rate to ±cap. */
export function clampRate(rate: number, cap: number): number {
  return rate > cap ? cap : Math.max(rate, -cap);
}

/** dYdX v4 funding cap per 8 h: `600 % × (IMF − MMF)` (x/perpetuals). */
export function dydxFundingCap(imf: number, mmf: number): number {
  return 6 * (imf - mmf);
}

/**
 * Binance premium index `[max(0, impactBid − index) − max(0, index − impactAsk)] / index`.
 */
export function premiumIndex(impactBid: number, impactAsk: number, index: number): number {
  return (Math.max(0, impactBid - index) - Math.max(0, index - impactAsk)) / index;
}

/**
 * dYdX v4 liquidation fillable price `(PNNV − ABR·SMMR·PMMR) / PS`, `ABR = clamp(1 − TNC/TMMR, 0, 1)`,
 * SMMR = 1.5, PNNV = size × oracle, PMMR = |PNNV| × MMF, PS = signed size.
 * @example fillablePrice(1, 60000, 0.03, 1200, 1800) === 59 100 (REFERENCE)
 */
export function fillablePrice(
  size: number,
  oracle: number,
  mmf: number,
  tnc: number,
  tmmr: number,
  smmr = 1.5,
): number {
  const pnnv = size * oracle;
  const pmmr = Math.abs(pnnv) * mmf;
  const r = tmmr > 0 ? 1 - tnc / tmmr : 0;
  const abr = r < 0 ? 0 : Math.min(r, 1);
  return (pnnv - abr * smmr * pmmr) / size;
}
