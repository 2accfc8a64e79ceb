/**
 * Builds OHLC bars online from one asset's landed oracle readings, consuming each reading once
 * (a cursor on the tape: the work over a path is O(readings + bars) however often it is asked).
 *
 * Bars are (s, s + bar] with s = path start + k·bar. The oracle's value is a step function of
 * time, held from each reading to the next, and crypto trades around the clock, so a bar's OPEN
 * is the value standing at its start (the previous bar's close; the first bar: the path's first
 * reading), HIGH/LOW the extremes of the open and the readings landed in the bar, CLOSE the last
 * of them (the open when none landed: a flat bar). No bar opens on a gap (o = 0), so the
 * estimators see every move. A bar is complete once the clock reaches its end; readings at
 * exactly the end belong to it. Readings that are not finite and positive are skipped.
 */
import { BarRing } from "./bar-ring.js";
import type { Forecaster } from "./forecast.js";
import type { VolForecastSpec } from "./spec.js";

/** What the builder reads of an oracle feed (engine/oracle/feed.ts): the tape and the landed cursor. */
export interface ReadingSource {
  readonly tape: { readonly publishMs: Float64Array; readonly price: Float64Array };
  /** Tape index of the latest landed reading (−1 before the first). */
  readonly index: number;
}

export interface ForecastSlot {
  readonly spec: VolForecastSpec;
  readonly forecaster: Forecaster;
}

export class BarBuilder {
  readonly bars = new BarRing();
  /** Forecasts fed by these bars (kept across paths, reset with the builder). */
  readonly forecasts: ForecastSlot[] = [];
  private next = 0;
  private barEnd = 0;
  private started = false;
  private open = 0;
  private high = 0;
  private low = 0;
  private close = 0;
  private prevClose = Number.NaN;

  constructor(readonly barMs: number) {}

  reset(startMs: number): void {
    this.bars.reset();
    this.next = 0;
    this.barEnd = startMs + this.barMs;
    this.started = false;
    this.prevClose = Number.NaN;
    for (const s of this.forecasts) s.forecaster.reset();
  }

  /** Consumes the readings landed since the last call and completes every bar ending by `nowMs`. */
  advance(src: ReadingSource, nowMs: number): void {
    const times = src.tape.publishMs;
    const prices = src.tape.price;
    for (; this.next <= src.index; this.next++) {
      const t = times[this.next] as number;
      const p = prices[this.next] as number;
      if (!(p > 0 && p < Number.POSITIVE_INFINITY)) continue;
      if (!this.started) this.begin(t, p);
      while (t > this.barEnd) this.closeBar();
      if (p > this.high) this.high = p;
      if (p < this.low) this.low = p;
      this.close = p;
    }
    while (this.started && nowMs >= this.barEnd) this.closeBar();
  }

  /** Adds a forecaster and replays the bars still held (all of them, unless over 4096 have passed). */
  attach(slot: ForecastSlot): void {
    this.forecasts.push(slot);
    const n = this.bars.size;
    for (let j = 0; j < n; j++) slot.forecaster.update(this.bars.ret(this.bars.at(n, j)));
  }

  /** The first usable reading opens the bar it lands in (bars before it have no price: none is made). */
  private begin(t: number, p: number): void {
    if (t > this.barEnd) this.barEnd += Math.ceil((t - this.barEnd) / this.barMs) * this.barMs;
    this.open = this.high = this.low = this.close = p;
    this.started = true;
  }

  private closeBar(): void {
    const bars = this.bars;
    bars.push(this.open, this.high, this.low, this.close, this.prevClose);
    const r = bars.ret((bars.count - 1) & bars.mask);
    for (const s of this.forecasts) s.forecaster.update(r);
    this.prevClose = this.close;
    this.open = this.high = this.low = this.close;
    this.barEnd += this.barMs;
  }
}
