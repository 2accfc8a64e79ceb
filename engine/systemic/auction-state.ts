/**
 * Live auctions of a cascade (rules `clipper` and `flipper`), one per account at most, held as
 * typed arrays indexed by account (structure-of-arrays) with a dense list of the live ones.
 * Barking an account moves all of its largest collateral into the auction's lot; its debt stays on
 * the account until bids or takes repay it, and whatever the lot cannot repay is written off.
 * `tab = debt·(1 + bonus)`: the venue's bonus plays Maker's liquidation penalty `chop`.
 */
export class Auctions {
  readonly live: Int32Array;
  count = 0;
  readonly slot: Int32Array;
  readonly asset: Int32Array;
  readonly lot: Float64Array;
  readonly tab: Float64Array;
  /** Clipper: starting price and its time (reset by redo). Flipper: start, last bid time. */
  readonly top: Float64Array;
  readonly ticMs: Float64Array;
  readonly startMs: Float64Array;
  /** Flipper: the high bid (quote), its keeper (−1: none) and the lot it wins (dent phase). */
  readonly bid: Float64Array;
  readonly winner: Int16Array;
  readonly lastBidMs: Float64Array;
  readonly wonLot: Float64Array;

  constructor(n: number) {
    this.live = new Int32Array(n);
    this.slot = new Int32Array(n).fill(-1);
    this.asset = new Int32Array(n);
    this.lot = new Float64Array(n);
    this.tab = new Float64Array(n);
    this.top = new Float64Array(n);
    this.ticMs = new Float64Array(n);
    this.startMs = new Float64Array(n);
    this.bid = new Float64Array(n);
    this.winner = new Int16Array(n);
    this.lastBidMs = new Float64Array(n);
    this.wonLot = new Float64Array(n);
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.slot[this.live[i] as number] = -1;
    this.count = 0;
  }

  has(a: number): boolean {
    return (this.slot[a] as number) >= 0;
  }

  open(a: number, asset: number, lot: number, tab: number, top: number, t: number): void {
    this.slot[a] = this.count;
    this.live[this.count++] = a;
    this.asset[a] = asset;
    this.lot[a] = lot;
    this.tab[a] = tab;
    this.top[a] = top;
    this.ticMs[a] = t;
    this.startMs[a] = t;
    this.bid[a] = 0;
    this.winner[a] = -1;
    this.lastBidMs[a] = t;
    this.wonLot[a] = lot;
  }

  close(a: number): void {
    const i = this.slot[a] as number;
    const last = this.live[--this.count] as number;
    this.live[i] = last;
    this.slot[last] = i;
    this.slot[a] = -1;
  }
}
