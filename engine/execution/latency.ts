/**
 * Latency kinds: the delay from an intent to its inclusion, in ms. `stress` is the market's recent
 * absolute log return per √hour (see `LatencyModel`); for scale, the worst hour of 12 Mar 2020 was
 * −23 % and of 19 May 2021 −14 % (REFERENCE: Stress events), i.e. stress ≈ 0.15–0.26, against
 * ≈ 0.01 for a calm market at 80 % annual volatility.
 */
import type { Rng } from "../rng.js";
import type { LatencyModel } from "./types.js";

/** Always `delayMs`. */
export class FixedLatency implements LatencyModel {
  readonly usesStress = false;
  constructor(readonly fixedMs: number) {}
  delayMs(): number {
    return this.fixedMs;
  }
}

/** Inclusion after `blocks` blocks of `blockMs` each. */
export class BlocksLatency implements LatencyModel {
  readonly usesStress = false;
  constructor(
    readonly blocks: number,
    readonly blockMs: number,
  ) {}
  delayMs(): number {
    return this.blocks * this.blockMs;
  }
}

/**
 * Congestion: delay = min(base + slope·stress, max) + U·jitter, U uniform on [0, 1) from `rng`
 * (drawn only when jitter > 0). Non-decreasing in stress for a given draw; negative stress counts
 * as 0. The 12 Mar 2020 keeper stall is the motivating case (REFERENCE: Stress events).
 */
export class CongestedLatency implements LatencyModel {
  readonly usesStress = true;
  constructor(
    readonly baseMs: number,
    readonly slopeMsPerStress: number,
    readonly maxMs: number,
    readonly jitterMs: number,
  ) {}
  delayMs(_t: number, stress: number, rng: Rng): number {
    const d = Math.min(this.baseMs + this.slopeMsPerStress * Math.max(0, stress), this.maxMs);
    return this.jitterMs > 0 ? d + rng.uniform() * this.jitterMs : d;
  }
}
