/**
 * Hedgers in a generated population: a `share` of the accounts holds a perp short on its largest
 * collateral asset (by value at the start prices), of `ratio` × that asset's collateral units, the
 * ratio uniform in [ratioMin, ratioMax], entered at the start price with margin = notional /
 * `leverage` (so cash = margin + |size|·P⁰). Drawn from a stream of its own (two uniforms per
 * account, whether it hedges or not), so a population without hedges is the one it always was.
 */
import type { Rng } from "../rng.js";
import type { Population } from "./population.js";

export interface HedgeSpec {
  readonly share: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly leverage: number;
}

/** Adds the hedges to `p` in place; `quote` is never hedged. Returns the number of hedged accounts. */
export function addHedges(
  p: Population,
  h: HedgeSpec,
  prices: Float64Array,
  quote: number,
  rng: Rng,
): number {
  const A = p.assets.length;
  let hedged = 0;
  for (let a = 0; a < p.n; a++) {
    const u = rng.uniform();
    const ratio = h.ratioMin + (h.ratioMax - h.ratioMin) * rng.uniform();
    if (!(u < h.share)) continue;
    let k = -1;
    let best = 0;
    for (let j = 0; j < A; j++) {
      const v = j === quote ? 0 : (p.coll[a * A + j] as number) * (prices[j] as number);
      if (v > best) {
        best = v;
        k = j;
      }
    }
    if (k < 0 || !(ratio > 0)) continue;
    const size = -ratio * (p.coll[a * A + k] as number);
    const notional = -size * (prices[k] as number);
    p.perpAsset[a] = k;
    p.perpSize[a] = size;
    p.perpCash[a] = notional / h.leverage + notional;
    hedged++;
  }
  return hedged;
}
