/**
 * The book options' recent Black-76 valuations, kept so that each (price, time, vol) is priced once.
 *
 * A grid step asks for the same valuations several times: the tick's equity at (Sₖ, tₖ), the PnL
 * attribution of the step just ended at (Sₖ₋₁, tₖ₋₁), and the strategy's delta at the oracle price
 * (= Sₖ with the ideal oracle). Three slots per option, refilled oldest first, hold the last three
 * distinct inputs, which covers all three readers even when the oracle price differs from the
 * market's: one Black-76 evaluation per option and step instead of three or four. A hit returns the
 * very numbers the evaluation gave, so results do not depend on the cache.
 */
import type { Greeks } from "../pricing/black.js";

const SLOTS = 3;

export class OptionMarks {
  /** Inputs per slot (option i's slots are i·3 … i·3 + 2). */
  private readonly s: Float64Array;
  private readonly t: Float64Array;
  private readonly vol: Float64Array;
  /** Unit price and Greeks per slot, as `priceBlack` gave them. */
  readonly price: Float64Array;
  readonly delta: Float64Array;
  readonly gamma: Float64Array;
  readonly vega: Float64Array;
  readonly theta: Float64Array;
  readonly vanna: Float64Array;
  readonly volga: Float64Array;
  /** Per option: the slot the next miss overwrites (0…2). */
  private readonly next: Uint8Array;

  constructor(n: number) {
    const m = n * SLOTS;
    this.s = new Float64Array(m);
    this.t = new Float64Array(m);
    this.vol = new Float64Array(m);
    this.price = new Float64Array(m);
    this.delta = new Float64Array(m);
    this.gamma = new Float64Array(m);
    this.vega = new Float64Array(m);
    this.theta = new Float64Array(m);
    this.vanna = new Float64Array(m);
    this.volga = new Float64Array(m);
    this.next = new Uint8Array(n);
  }

  /** Forgets every valuation (a new path). */
  clear(): void {
    this.t.fill(Number.NaN);
    this.next.fill(0);
  }

  /** The slot holding option i at (s, t, vol), or −1. */
  find(i: number, s: number, t: number, vol: number): number {
    const base = i * SLOTS;
    for (let k = base; k < base + SLOTS; k++) {
      if (this.t[k] === t && this.s[k] === s && this.vol[k] === vol) return k;
    }
    return -1;
  }

  /** Stores option i's valuation `g` at (s, t, vol) over its oldest slot; returns that slot. */
  store(i: number, s: number, t: number, vol: number, g: Greeks): number {
    const j = this.next[i] as number;
    this.next[i] = j + 1 === SLOTS ? 0 : j + 1;
    const k = i * SLOTS + j;
    this.s[k] = s;
    this.t[k] = t;
    this.vol[k] = vol;
    this.price[k] = g.price;
    this.delta[k] = g.delta;
    this.gamma[k] = g.gamma;
    this.vega[k] = g.vega;
    this.theta[k] = g.theta;
    this.vanna[k] = g.vanna;
    this.volga[k] = g.volga;
    return k;
  }
}
