/**
 * Precomputed per-account trigger prices, the venues' per-tick screen (DESIGN: "check liquidation
 * with a precomputed trigger price, not by revaluing the whole account each tick"). A trigger is
 * recomputed when the account's balances change, so a tick costs two array reads and a comparison.
 *
 * - none:  the account cannot be liquidated (no debt, no position);
 * - price: liquidatable only past `level × P_ref` — below it (side +1: a collateral price, a long's
 *          liquidation price) or above it (side −1: a short's liquidation price); `ref` −1 means 1;
 * - full:  no single trigger (several collaterals, debts or markets): run the full test every tick.
 * The comparison is widened by 1e-9 so rounding can never make the screen miss a liquidation.
 */
import type { PriceVector } from "./types.js";

export const TriggerKind = { none: 0, price: 1, full: 2 } as const;
export type TriggerKind = (typeof TriggerKind)[keyof typeof TriggerKind];

const WIDEN = 1e-9;

export class Triggers {
  readonly kind: TriggerKind[] = [];
  readonly asset: number[] = [];
  readonly ref: number[] = [];
  readonly level: number[] = [];
  readonly side: number[] = [];

  /** Appends a trigger (kind none) for a new account. */
  add(): void {
    this.kind.push(TriggerKind.none);
    this.asset.push(0);
    this.ref.push(-1);
    this.level.push(0);
    this.side.push(1);
  }

  set(a: number, kind: TriggerKind): void {
    this.kind[a] = kind;
  }

  setPrice(a: number, asset: number, ref: number, level: number, side: 1 | -1): void {
    this.kind[a] = TriggerKind.price;
    this.asset[a] = asset;
    this.ref[a] = ref;
    this.level[a] = level;
    this.side[a] = side;
  }

  /** True when the account may be liquidatable at `prices` (never false when it is). */
  crossed(a: number, prices: PriceVector): boolean {
    const k = this.kind[a];
    if (k === TriggerKind.none) return false;
    if (k !== TriggerKind.price) return true;
    const p = prices[this.asset[a] as number] as number;
    const r = this.ref[a] as number;
    const bound = (this.level[a] as number) * (r < 0 ? 1 : (prices[r] as number));
    return this.side[a] === 1 ? p < bound * (1 + WIDEN) : p > bound * (1 - WIDEN);
  }

  /** The trigger level of a price trigger, NaN otherwise. */
  levelOf(a: number): number {
    return this.kind[a] === TriggerKind.price ? (this.level[a] as number) : Number.NaN;
  }
}
