/**
 * The two simplest oracles: `ideal` (the market itself) and `latency` (the market, late by a fixed
 * delay — e.g. MakerDAO's Oracle Security Module publishes with a 1 h delay; REFERENCE: Oracles,
 * incidents, MakerDAO 12 Mar 2020).
 */
import type { TimeGrid } from "../market.js";
import type { Params } from "../params.js";
import type { KindDef } from "../registry.js";
import type { Rng } from "../rng.js";
import type { OracleModel, OracleTape } from "./types.js";

/** Publishes the market at every grid point, immediately: observedMs = publishMs = grid time. */
export class IdealOracle implements OracleModel {
  publish(grid: TimeGrid, price: Float64Array, _rng: Rng, out: OracleTape): void {
    for (let i = 0; i <= grid.steps; i++) {
      const t = grid.startMs + i * grid.stepMs;
      out.push(t, price[i] as number, t, 0);
    }
  }
}

/** The value observed at grid time τ is published at τ + delayMs. */
export class LatencyOracle implements OracleModel {
  constructor(readonly delayMs: number) {}

  publish(grid: TimeGrid, price: Float64Array, _rng: Rng, out: OracleTape): void {
    for (let i = 0; i <= grid.steps; i++) {
      const t = grid.startMs + i * grid.stepMs;
      out.push(t + this.delayMs, price[i] as number, t, 0);
    }
  }
}

export const idealKind: KindDef<OracleModel> = {
  kind: "ideal",
  summary: "the market price at every grid point, published at once (no delay, no deviation gate)",
  params: {},
  create: () => new IdealOracle(),
};

export const latencyKind: KindDef<OracleModel> = {
  kind: "latency",
  summary: "the market price at every grid point, published a fixed delay later",
  source: "e.g. MakerDAO Oracle Security Module: 1 h delay (REFERENCE: Oracles, incidents)",
  params: {
    delay: {
      type: "duration",
      description: "publication delay: the value observed at τ lands at τ + delay",
      default: "12s",
      min: 0,
    },
  },
  create: (p: Params) => new LatencyOracle(p["delay"] as number),
};
