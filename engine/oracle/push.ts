/**
 * Push oracle (Chainlink Data Feeds). A new round is written when the off-chain value deviates from
 * the on-chain one by more than the deviation threshold, or when the heartbeat has elapsed since the
 * last update, whichever comes first; the round lands after an inclusion delay:
 *
 *   update if |p / p_onchain − 1| > deviation  or  now − lastUpdate ≥ heartbeat
 *
 * Source: smartcontractkit/documentation `architecture-decentralized-model.mdx`,
 * `data-feeds/index.mdx` (REFERENCE: Oracles). ETH/USD on mainnet: 0.5 %, 1 h.
 *
 * Modelling choices:
 * - The tape opens with the value already on chain at the path start: one publication at
 *   `startMs` (observed then, no delay), not counted as an update.
 * - Deviation is checked at grid points (the market only moves there). The heartbeat is timed from
 *   the previous update's observation and also fires between grid points, so a flat market gives
 *   exactly ⌊horizon / heartbeat⌋ updates whatever the grid step.
 * - A round lands at `observed + delay + U·jitter`, never before the previous round.
 * - The on-chain state follows what actually landed: a round dropped by an outage fault changes
 *   nothing, so the next grid point after the outage tries again, observed then (never a later
 *   price under an earlier observation time).
 */
import type { TimeGrid } from "../market.js";
import type { Params } from "../params.js";
import type { KindDef } from "../registry.js";
import type { Rng } from "../rng.js";
import { type ConsumerRule, NO_CONSUMER_RULE, type OracleModel, type OracleTape } from "./types.js";

export interface PushParams {
  /** Fractional deviation threshold, e.g. 0.005. */
  readonly deviation: number;
  readonly heartbeatMs: number;
  readonly delayMs: number;
  /** Extra landing delay drawn uniformly from [0, jitterMs). */
  readonly jitterMs: number;
}

export class PushOracle implements OracleModel {
  readonly consumer: ConsumerRule;
  private lastObserved = 0;
  private lastValue = 0;
  private lastLand = 0;
  private hasUpdate = false;

  constructor(
    readonly p: PushParams,
    consumer: ConsumerRule = NO_CONSUMER_RULE,
  ) {
    this.consumer = consumer;
  }

  publish(grid: TimeGrid, price: Float64Array, rng: Rng, out: OracleTape): void {
    const { deviation, heartbeatMs } = this.p;
    this.hasUpdate = false;
    this.lastLand = -Infinity;
    this.attempt(grid.startMs, price[0] as number, 0, rng, out);
    for (let i = 1; i <= grid.steps; i++) {
      const t = grid.startMs + i * grid.stepMs;
      const prev = price[i - 1] as number;
      // Heartbeats strictly between grid points, on the constant price of the previous point. A
      // heartbeat due before that point (one dropped by an outage) is not retried under its old
      // time with a later price: the grid-point check below tries again, observed now.
      for (;;) {
        const hb = this.lastObserved + heartbeatMs;
        if (!this.hasUpdate || hb >= t || hb <= t - grid.stepMs) break;
        if (!this.attempt(hb, prev, this.p.delayMs, rng, out)) break;
      }
      const p = price[i] as number;
      if (
        !this.hasUpdate ||
        Math.abs(p / this.lastValue - 1) > deviation ||
        t - this.lastObserved >= heartbeatMs
      ) {
        this.attempt(t, p, this.p.delayMs, rng, out);
      }
    }
  }

  /** Writes one round observed at `t`; returns whether it landed. */
  private attempt(t: number, p: number, delayMs: number, rng: Rng, out: OracleTape): boolean {
    const jitter = this.p.jitterMs > 0 && delayMs > 0 ? rng.uniform() * this.p.jitterMs : 0;
    const land = Math.max(t + delayMs + jitter, this.lastLand);
    if (!out.push(land, p, t, 0)) return false;
    this.hasUpdate = true;
    this.lastObserved = t;
    this.lastValue = p;
    this.lastLand = land;
    return true;
  }
}

export const pushKind: KindDef<OracleModel> = {
  kind: "push",
  summary: "Chainlink-style feed: update on deviation or heartbeat, landing after an inclusion delay",
  source: "smartcontractkit/documentation architecture-decentralized-model.mdx, data-feeds/index.mdx",
  params: {
    deviation: {
      type: "number",
      description: "deviation threshold as a fraction (ETH/USD mainnet: 0.005)",
      default: 0.005,
      min: 0,
    },
    heartbeat: {
      type: "duration",
      description: "longest time between updates (ETH/USD mainnet: 1h)",
      default: "1h",
      min: 0,
      exclusiveMin: true,
    },
    delay: { type: "duration", description: "inclusion delay of a round", default: "12s", min: 0 },
    jitter: {
      type: "duration",
      description: "extra inclusion delay, uniform on [0, jitter), drawn from the oracle stream",
      default: "0s",
      min: 0,
    },
    maxAge: {
      type: "duration",
      description: "consumer staleness limit (heartbeat + margin); absent: consumers do not check age",
      optional: true,
      min: 0,
    },
  },
  create: (p: Params) =>
    new PushOracle(
      {
        deviation: p["deviation"] as number,
        heartbeatMs: p["heartbeat"] as number,
        delayMs: p["delay"] as number,
        jitterMs: p["jitter"] as number,
      },
      p["maxAge"] === undefined
        ? NO_CONSUMER_RULE
        : { maxAgeMs: p["maxAge"] as number, maxConfRatio: Infinity },
    ),
};
