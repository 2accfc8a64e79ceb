/**
 * Trigger index of two-sided margin checks (a perp leg under the siloed rule, or a whole account
 * under the unified rule): unlike a loan's health factor, these can fail on a rise (a short) as
 * well as on a fall. Each entry carries two price ratios r = P/P⁰ (P⁰: the path's first oracle
 * prices): `lo` — the check can fail only below it — and `hi` — only above it. Two heaps
 * (trigger-index.ts) hold `−lo` and `hi`; a grid point pops the entries with `lo > min r` or
 * `hi < max r` over the assets, so only accounts that crossed are touched (DESIGN "Speed").
 *
 * Exactness: with one risky asset in the account the ratios are the exact crossing prices. With
 * several, unified slack is `E₀ + Σₖ cₖ·rₖ` (linear in each rₖ), and the key is the distance
 * δ* = slack(1)/Σ|cₖ|: no move with all |rₖ − 1| ≤ δ* can make it negative, so `lo = 1 − δ*`,
 * `hi = 1 + δ*` are safe but loose bounds; such accounts may be re-checked at every grid point
 * while the move exceeds δ* (a cost in time, not in results).
 */
import { tieredLiquidationPrice } from "../venues/perp-rules.js";
import type { Population } from "./population.js";
import type { MarginSpec, PerpLegSpec } from "./portfolio-margin.js";
import { requirementOf } from "./portfolio-margin.js";
import { TriggerIndex } from "./trigger-index.js";

export class MarginIndex {
  private readonly down: TriggerIndex;
  private readonly up: TriggerIndex;
  /** Output of the trigger functions: `lo` (0: never below) and `hi` (Infinity: never above). */
  readonly at = { lo: 0, hi: Number.POSITIVE_INFINITY };

  constructor(n: number) {
    this.down = new TriggerIndex(n);
    this.up = new TriggerIndex(n);
  }

  clear(): void {
    this.down.clear();
    this.up.clear();
  }

  has(a: number): boolean {
    return this.down.has(a) || this.up.has(a);
  }

  /** Indexes account a by `lo` and `hi` (a ratio at or below 0 on `lo`, or Infinity on `hi`: never). */
  set(a: number, lo: number, hi: number): void {
    this.down.set(a, lo > 0 ? -lo : Number.POSITIVE_INFINITY);
    this.up.set(a, hi);
  }

  remove(a: number): void {
    this.down.set(a, Number.POSITIVE_INFINITY);
    this.up.set(a, Number.POSITIVE_INFINITY);
  }

  /** Moves every entry crossed at ratios within [minR, maxR] into `out` from `at`; returns the new end. */
  popCrossed(minR: number, maxR: number, out: Int32Array, at: number): number {
    let end = at;
    while (this.down.minKey() < -minR) {
      const a = this.down.pop();
      this.up.set(a, Number.POSITIVE_INFINITY);
      out[end++] = a;
    }
    while (this.up.minKey() < maxR) {
      const a = this.up.pop();
      this.down.set(a, Number.POSITIVE_INFINITY);
      out[end++] = a;
    }
    return end;
  }
}

const NEVER = { lo: 0, hi: Number.POSITIVE_INFINITY };

/**
 * Siloed perp leg: Binance's tier-consistent liquidation price (perp-rules.ts) with the wallet
 * balance equal to the cash (entry price 0): a long fails below it, a short above it.
 */
export function perpTriggers(
  spec: PerpLegSpec,
  p: Population,
  a: number,
  p0: Float64Array,
  out: typeof NEVER,
): void {
  const k = p.perpAsset[a] as number;
  const size = p.perpSize[a] as number;
  out.lo = 0;
  out.hi = Number.POSITIVE_INFINITY;
  if (k < 0 || size === 0) return;
  const tiers = spec.tiers[k];
  if (!tiers) return;
  const lp = tieredLiquidationPrice(tiers, p.perpCash[a] as number, size > 0 ? 1 : -1, Math.abs(size), 0);
  const r = lp / (p0[k] as number);
  if (size > 0) out.lo = r;
  else out.hi = r;
}

/**
 * Unified account: slack(r) = E₀ + Σₖ cₖ·rₖ with E₀ the quote part of the equity and
 * cₖ = net unitsₖ·P⁰ₖ − requirementₖ(P⁰ₖ) (both homogeneous of degree 1 in Pₖ).
 */
export function unifiedTriggers(
  m: MarginSpec,
  p: Population,
  a: number,
  p0: Float64Array,
  quote: number,
  out: typeof NEVER,
): void {
  const A = p.assets.length;
  let e0 = (p.perpCash[a] as number) + (p.coll[a * A + quote] as number) - (p.debt[a * A + quote] as number);
  if ((p.perpAsset[a] as number) === quote) e0 += p.perpSize[a] as number;
  let count = 0;
  let c1 = 0;
  let abs = 0;
  for (let k = 0; k < A; k++) {
    if (k === quote) continue;
    const pk = p0[k] as number;
    const units = (p.coll[a * A + k] as number) - (p.debt[a * A + k] as number);
    const perp = (p.perpAsset[a] as number) === k ? (p.perpSize[a] as number) : 0;
    if (units === 0 && perp === 0) continue;
    const ck = (units + perp) * pk - requirementOf(m, p, a, k, pk);
    count++;
    c1 += ck;
    abs += Math.abs(ck);
  }
  out.lo = 0;
  out.hi = Number.POSITIVE_INFINITY;
  if (count <= 1) {
    oneAsset(e0, c1, out);
    return;
  }
  const slack = e0 + c1;
  const d = abs > 0 ? slack / abs : slack < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  out.lo = 1 - d;
  out.hi = 1 + d;
}

/** E₀ + c·r < 0: below −E₀/c when c > 0, above it when c < 0, always or never when c = 0. */
function oneAsset(e0: number, c: number, out: typeof NEVER): void {
  if (c > 0) out.lo = -e0 / c;
  else if (c < 0) out.hi = -e0 / c;
  else if (e0 < 0) out.lo = Number.POSITIVE_INFINITY;
}
