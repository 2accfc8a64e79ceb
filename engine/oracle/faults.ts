/**
 * Oracle faults, configured as a list `faults` on any oracle kind and applied by `withFaults`
 * (REFERENCE: Oracles, incidents — LUNA's feed stuck at its floor, Mango's manipulated spot price,
 * MakerDAO's delayed oracle under congestion). Times `from`/`to` are durations from the path start.
 *
 * - `outage`: no publication lands in [from, to). A model whose state follows the chain (push) sees
 *   its rounds dropped and tries again after the outage.
 * - `stuck`: publications observed in [from, to) report the last value recorded before `from`
 *   (or, when there is none, the first value in the window); their times stay fresh, as with LUNA.
 * - `spike`: the sources observe the market multiplied by (1 + size) during [from, from + duration)
 *   — a manipulation; the venue's market price is not changed. The market is defined at grid points,
 *   so the spike covers the grid points in that window, and at least the first one at or after
 *   `from`: a spike shorter than a step lasts one step.
 *
 * Faults apply in list order: spikes edit the source prices, then outages and stuck windows act on
 * each publication as it is written.
 */
import type { Issue } from "../errors.js";
import type { TimeGrid } from "../market.js";
import { join, type Params } from "../params.js";
import type { KindDef } from "../registry.js";
import { Registry } from "../registry.js";
import type { Rng } from "../rng.js";
import { type ConsumerRule, NO_CONSUMER_RULE, type OracleModel, OracleTape } from "./types.js";

export interface OracleFault {
  /** Once per path, before the model runs. */
  reset(grid: TimeGrid): void;
  /** Edits, in place, a copy of the market prices that the oracle's sources observe. */
  source(grid: TimeGrid, price: Float64Array): void;
  /** A publication about to be written: returns the price to record, or NaN to drop it. */
  admit(publishMs: number, price: number, observedMs: number): number;
}

export class OutageFault implements OracleFault {
  private a = 0;
  private b = 0;
  constructor(
    readonly fromMs: number,
    readonly toMs: number,
  ) {}
  reset(grid: TimeGrid): void {
    this.a = grid.startMs + this.fromMs;
    this.b = grid.startMs + this.toMs;
  }
  source(): void {}
  admit(publishMs: number, price: number): number {
    return publishMs >= this.a && publishMs < this.b ? Number.NaN : price;
  }
}

export class StuckFault implements OracleFault {
  private a = 0;
  private b = 0;
  private last = Number.NaN;
  constructor(
    readonly fromMs: number,
    readonly toMs: number,
  ) {}
  reset(grid: TimeGrid): void {
    this.a = grid.startMs + this.fromMs;
    this.b = grid.startMs + this.toMs;
    this.last = Number.NaN;
  }
  source(): void {}
  admit(_publishMs: number, price: number, observedMs: number): number {
    if (observedMs < this.a || observedMs >= this.b) {
      if (observedMs < this.a) this.last = price;
      return price;
    }
    if (Number.isNaN(this.last)) this.last = price;
    return this.last;
  }
}

export class SpikeFault implements OracleFault {
  constructor(
    readonly fromMs: number,
    readonly durationMs: number,
    readonly size: number,
  ) {}
  reset(): void {}
  source(grid: TimeGrid, price: Float64Array): void {
    const first = Math.max(0, Math.ceil(this.fromMs / grid.stepMs));
    const end = Math.max(first + 1, Math.ceil((this.fromMs + this.durationMs) / grid.stepMs));
    for (let i = first; i < end && i <= grid.steps; i++) price[i] = (price[i] as number) * (1 + this.size);
  }
  admit(_publishMs: number, price: number): number {
    return price;
  }
}

/** The tape a faulty model writes to: drops or rewrites each publication through the faults. */
class FaultTape extends OracleTape {
  constructor(private readonly faults: readonly OracleFault[]) {
    super();
  }
  override push(publishMs: number, price: number, observedMs: number, conf: number): boolean {
    let p = price;
    for (let i = 0; i < this.faults.length; i++) {
      p = (this.faults[i] as OracleFault).admit(publishMs, p, observedMs);
      if (Number.isNaN(p)) return false;
    }
    return super.push(publishMs, p, observedMs, conf);
  }
}

class FaultyOracle implements OracleModel {
  readonly consumer: ConsumerRule;
  private source = new Float64Array(0);
  private readonly tape: FaultTape;
  constructor(
    readonly inner: OracleModel,
    readonly faults: readonly OracleFault[],
  ) {
    this.consumer = inner.consumer ?? NO_CONSUMER_RULE;
    this.tape = new FaultTape(faults);
  }
  publish(grid: TimeGrid, price: Float64Array, rng: Rng, out: OracleTape): void {
    if (this.source.length < price.length) this.source = new Float64Array(price.length);
    const src = this.source.subarray(0, price.length);
    src.set(price);
    for (const f of this.faults) {
      f.reset(grid);
      f.source(grid, src);
    }
    this.tape.clear();
    this.inner.publish(grid, src, rng, this.tape);
    out.append(this.tape);
  }
}

/** `model` with `faults` applied (the model itself when the list is empty). */
export function withFaults(model: OracleModel, faults: readonly OracleFault[]): OracleModel {
  return faults.length === 0 ? model : new FaultyOracle(model, faults);
}

const window = {
  from: { type: "duration", description: "start, as a duration from the path start", min: 0 },
  to: { type: "duration", description: "end (exclusive), as a duration from the path start", min: 0 },
} as const;

function checkWindow(p: Params, path: string, issues: Issue[]): void {
  if ((p["to"] as number) <= (p["from"] as number)) {
    issues.push({
      code: "out_of_range",
      path: join(path, "to"),
      message: `found ${p["to"]} ms; allowed: after from (${p["from"]} ms)`,
    });
  }
}

const outageKind: KindDef<OracleFault> = {
  kind: "outage",
  summary: "no publication lands in [from, to)",
  params: window,
  check: checkWindow,
  create: (p) => new OutageFault(p["from"] as number, p["to"] as number),
};

const stuckKind: KindDef<OracleFault> = {
  kind: "stuck",
  summary: "publications observed in [from, to) report the last value before from (fresh timestamps)",
  source: "LUNA/USD feed stuck at its floor, 12–13 May 2022 (REFERENCE: Oracles, incidents)",
  params: window,
  check: checkWindow,
  create: (p) => new StuckFault(p["from"] as number, p["to"] as number),
};

const spikeKind: KindDef<OracleFault> = {
  kind: "spike",
  summary: "sources observe the market × (1 + size) for a while (manipulation)",
  source: "Mango Markets, 11 Oct 2022 (REFERENCE: Oracles, incidents)",
  params: {
    from: window.from,
    for: { type: "duration", description: "duration (or give blocks)", optional: true, min: 0 },
    blocks: { type: "integer", description: "duration in blocks (or give for)", optional: true, min: 1 },
    blockMs: { type: "duration", description: "block time, with blocks", default: "12s", min: 0 },
    size: { type: "number", description: "relative move, e.g. 0.5 for +50 %", min: -1, exclusiveMin: true },
  },
  check: (p, path, issues) => {
    if ((p["for"] === undefined) === (p["blocks"] === undefined)) {
      issues.push({ code: "missing", path: join(path, "for"), message: "give exactly one of for, blocks" });
    }
  },
  create: (p) =>
    new SpikeFault(
      p["from"] as number,
      p["for"] !== undefined ? (p["for"] as number) : (p["blocks"] as number) * (p["blockMs"] as number),
      p["size"] as number,
    ),
};

export const oracleFaultKinds = new Registry<OracleFault>("oracle fault", [outageKind, stuckKind, spikeKind]);
