/**
 * Pull oracle (Pyth). Prices are published every `interval` as `Price { price, conf, expo,
 * publishTime }`, `conf` being roughly one standard error (pyth-network/pyth-crosschain
 * `PythStructs.sol`). Here conf = price · (confBps/10⁴ + confReturnMult · |ln(p_i / p_{i−1})|):
 * a base width that optionally widens with the last grid step's absolute log return.
 *
 * The consumer rule is part of the model (`consumer`): reject readings older than `maxAge` or with
 * conf/price above `maxConfRatio` (pyth-network/documentation `price-feeds/best-practices.mdx`;
 * defaults are Solend's 120 s and 10 %, `token-lending/program/src/oracles.rs`).
 *
 * Elision: the market is constant between grid points, so ticks that would observe the same grid
 * point again carry the same price and conf; only the first tick at or after each grid point is
 * written. A reading taken between grid points therefore ages from that first tick — up to one grid
 * step older than a real pull consumer would see (exact when the reader reads within `interval` of
 * a grid point, as the event loop's liquidation checks do).
 */
import { gridEndMs, gridIndexAtOrBefore, type TimeGrid } from "../market.js";
import type { Params } from "../params.js";
import type { KindDef } from "../registry.js";
import type { Rng } from "../rng.js";
import { firstTickAtOrAfter, tickTime } from "./schedule.js";
import type { ConsumerRule, OracleModel, OracleTape } from "./types.js";

export class PullOracle implements OracleModel {
  constructor(
    readonly intervalMs: number,
    readonly confBps: number,
    readonly confReturnMult: number,
    readonly consumer: ConsumerRule,
  ) {}

  publish(grid: TimeGrid, price: Float64Array, _rng: Rng, out: OracleTape): void {
    const end = gridEndMs(grid);
    const base = this.confBps / 10_000;
    let k = 0;
    for (;;) {
      const s = tickTime(grid, this.intervalMs, k);
      if (s > end) break;
      const j = gridIndexAtOrBefore(grid, s);
      const p = price[j] as number;
      const r = j > 0 ? Math.abs(Math.log(p / (price[j - 1] as number))) : 0;
      out.push(s, p, s, p * (base + this.confReturnMult * r));
      k = Math.max(k + 1, firstTickAtOrAfter(grid, this.intervalMs, grid.startMs + (j + 1) * grid.stepMs));
    }
  }
}

export const pullKind: KindDef<OracleModel> = {
  kind: "pull",
  summary:
    "Pyth-style pull feed: price with a confidence interval every interval; consumer rejects stale/wide",
  source:
    "pyth-network/documentation price-feeds/best-practices.mdx; Solend token-lending/program/src/oracles.rs",
  params: {
    interval: {
      type: "duration",
      description: "publication interval (0: every grid point)",
      default: "1s",
      min: 0,
    },
    confBps: {
      type: "number",
      description: "confidence half-width in bps of price (assumed typical; not from a primary source)",
      default: 5,
      min: 0,
    },
    confReturnMult: {
      type: "number",
      description: "conf widens by this multiple of the last step's |log return| (0: constant width)",
      default: 0,
      min: 0,
    },
    maxAge: {
      type: "duration",
      description: "consumer rule: reject readings older than this (Solend: 120s)",
      default: "120s",
      min: 0,
    },
    maxConfRatio: {
      type: "number",
      description: "consumer rule: reject readings with conf/price above this (Solend: 0.1)",
      default: 0.1,
      min: 0,
    },
  },
  create: (p: Params) =>
    new PullOracle(p["interval"] as number, p["confBps"] as number, p["confReturnMult"] as number, {
      maxAgeMs: p["maxAge"] as number,
      maxConfRatio: p["maxConfRatio"] as number,
    }),
};
