/**
 * The options venue's per-tick screen: the band of the underlying's price inside which an account's
 * equity stays above maintenance margin, found at a full revaluation by scanning outward from the
 * current price in 1 % steps (down to ×0.2, up to ×5) and bisecting the first sign change.
 * Exact at the revaluation time for the scanned grid; time decay and vol moves are caught by the
 * band's expiry (`revalueMs`, the next option expiry) and by `setVol`, which invalidates all bands.
 * While an implied-vol surface re-marks the instruments every tick (`movingVols`), no band is kept.
 * Beyond the scanned range the band edge is the last point checked, so leaving it forces a full test.
 */
import type { OptionsVenue } from "./options-venue.js";
import type { PriceVector } from "./types.js";

const STEP = 0.01;
const STEPS = 162; // 1.01^162 ≈ 5, 0.99^162 ≈ 0.2
const BISECTIONS = 40;

/** Sets v.bandLo/bandHi/bandUntil/bandAsset of account a at (t, prices). */
export function findBand(v: OptionsVenue, a: number, prices: PriceVector, t: number): void {
  const asset = singleUnderlying(v, a);
  if (asset === -1) {
    v.bandLo[a] = 0;
    v.bandHi[a] = Number.POSITIVE_INFINITY;
    v.bandUntil[a] = Number.POSITIVE_INFINITY;
    return;
  }
  v.bandUntil[a] = Math.min(t + v.cfg.revalueMs, v.nextExpiryMs());
  if (asset === -2 || v.movingVols) {
    // Several underlyings, or vols re-marked every tick (a band would be void by the next): the
    // full test every tick, one revaluation, instead of a band that costs hundreds.
    v.bandUntil[a] = Number.NEGATIVE_INFINITY;
    return;
  }
  v.bandAsset[a] = asset;
  const s0 = prices[asset] as number;
  if (!(v.excessAt(a, t, prices, asset, s0, 0) >= 0)) {
    v.bandLo[a] = Number.POSITIVE_INFINITY; // already unsafe: always crossed
    v.bandHi[a] = Number.NEGATIVE_INFINITY;
    return;
  }
  v.bandLo[a] = edge(v, a, prices, t, asset, s0, 1 - STEP);
  v.bandHi[a] = edge(v, a, prices, t, asset, s0, 1 + STEP);
}

/** −1 without positions, −2 with several underlyings, else the one underlying's ledger asset. */
function singleUnderlying(v: OptionsVenue, a: number): number {
  const q = v.qty[a] as number[];
  let u = -1;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === 0) continue;
    const ui = v.instruments[i]?.underlying ?? -1;
    if (u === -1) u = ui;
    else if (u !== ui) return -2;
  }
  return u;
}

/** Scans s0·factor^k for the first unsafe price, then bisects to the boundary (safe side). */
function edge(
  v: OptionsVenue,
  a: number,
  prices: PriceVector,
  t: number,
  asset: number,
  s0: number,
  factor: number,
): number {
  let safe = s0;
  for (let k = 1; k <= STEPS; k++) {
    const s = safe * factor;
    if (v.excessAt(a, t, prices, asset, s, 0) < 0) return bisect(v, a, prices, t, asset, safe, s);
    safe = s;
  }
  return safe;
}

function bisect(
  v: OptionsVenue,
  a: number,
  prices: PriceVector,
  t: number,
  asset: number,
  safe: number,
  unsafe: number,
): number {
  for (let k = 0; k < BISECTIONS; k++) {
    const mid = 0.5 * (safe + unsafe);
    if (v.excessAt(a, t, prices, asset, mid, 0) < 0) unsafe = mid;
    else safe = mid;
  }
  return safe;
}
