/**
 * Orders in flight between a strategy's intent and its inclusion: slots in typed arrays, recycled
 * through a free list, so submitting an order allocates nothing once the arrays have grown.
 */
export class OrderBook {
  instrument = new Uint8Array(16);
  asset = new Int32Array(16);
  qty = new Float64Array(16);
  private free: number[] = [];
  private used = 0;
  /** Σ qty in flight per (instrument, asset): index instrument·nAssets + asset. */
  readonly pending: Float64Array;

  constructor(private readonly nAssets: number) {
    this.pending = new Float64Array(2 * nAssets);
  }

  reset(): void {
    this.free = [];
    this.used = 0;
    this.pending.fill(0);
  }

  add(instrument: number, asset: number, qty: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.used === this.qty.length) this.grow();
      slot = this.used++;
    }
    this.instrument[slot] = instrument;
    this.asset[slot] = asset;
    this.qty[slot] = qty;
    const k = instrument * this.nAssets + asset;
    this.pending[k] = (this.pending[k] as number) + qty;
    return slot;
  }

  /** Frees a slot once its order is filled or rejected. */
  remove(slot: number): void {
    const k = (this.instrument[slot] as number) * this.nAssets + (this.asset[slot] as number);
    this.pending[k] = (this.pending[k] as number) - (this.qty[slot] as number);
    this.free.push(slot);
  }

  private grow(): void {
    const n = this.qty.length * 2;
    const i = new Uint8Array(n);
    i.set(this.instrument);
    this.instrument = i;
    const a = new Int32Array(n);
    a.set(this.asset);
    this.asset = a;
    const q = new Float64Array(n);
    q.set(this.qty);
    this.qty = q;
  }
}
