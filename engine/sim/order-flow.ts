/**
 * A strategy's trades on their way to execution (DESIGN: execution): each order takes the latency
 * model's delay; one that would land past the horizon is refused at once, one with a delay waits
 * in the event queue, and zero-latency orders are held until the strategy callback returns, then
 * executed in the order the queue would have given them.
 */
import { Phase, packKey } from "../queue.js";
import type { Instrument } from "../strategy.js";
import { type ExecScratch, executeOrder, expireOrder, newExecScratch } from "./execute.js";
import { Kind, type PathRunner } from "./path-runner.js";

export class OrderFlow {
  private readonly exec: ExecScratch = newExecScratch();
  /** Zero-latency orders submitted during the current strategy callback (slots, first n). */
  private immediate = new Int32Array(8);
  private n = 0;

  constructor(private readonly r: PathRunner) {}

  reset(): void {
    this.n = 0;
  }

  submit(instrument: Instrument, asset: number, qty: number): void {
    if (qty === 0 || !Number.isFinite(qty)) return;
    const r = this.r;
    const slot = r.orders.add(instrument, asset, qty);
    const lat = r.cfg.execution.latency;
    const delay = Math.ceil(lat.delayMs(r.t, lat.usesStress ? r.stressNow() : 0, r.execRng));
    if (r.t + delay > r.endMs) {
      expireOrder(r, slot, delay);
      return;
    }
    if (delay === 0) {
      if (this.n === this.immediate.length) {
        const grown = new Int32Array(this.immediate.length * 2);
        grown.set(this.immediate);
        this.immediate = grown;
      }
      this.immediate[this.n++] = slot;
    } else r.q.push(r.t + delay, Phase.execution, Kind.exec, slot);
  }

  /**
   * Orders with no latency, after the strategy callback returns: executed at once when nothing else
   * is due at this instant up to the execution phase (exactly the order the heap would give),
   * otherwise queued behind what is.
   */
  flush(): void {
    const n = this.n;
    if (n === 0) return;
    this.n = 0;
    const r = this.r;
    const inline = r.nextEventKey() > packKey(r.t, Phase.execution);
    for (let k = 0; k < n; k++) {
      const slot = this.immediate[k] as number;
      if (inline) executeOrder(r, slot, this.exec);
      else r.q.push(r.t, Phase.execution, Kind.exec, slot);
    }
  }

  /** An order whose latency has run out (a queued `exec` event). */
  execute(slot: number): void {
    executeOrder(this.r, slot, this.exec);
  }
}
