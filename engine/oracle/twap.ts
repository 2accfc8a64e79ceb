/**
 * TWAP oracle (Uniswap v3). Pools accumulate tick × seconds; the mean tick over a window is
 * `(a(t₂) − a(t₁)) / (t₂ − t₁)` rounded toward −∞ and the price is `1.0001^tick`: the *geometric*
 * mean of the price over the window. Source: Uniswap/v3-periphery
 * `contracts/libraries/OracleLibrary.sol` (`consult`), REFERENCE: Oracles.
 *
 * Here the pool price is the market price, constant between grid points; before the path start it
 * is taken to have been the start price. With `ticks: false` (default) the log price is integrated
 * exactly, giving exp(∫ ln p / window); with `ticks: true` the pool's tick ⌊log₁.₀₀₀₁ p⌋ is
 * integrated and the mean tick floored, as on chain.
 */
import { gridEndMs, type TimeGrid } from "../market.js";
import type { Params } from "../params.js";
import type { KindDef } from "../registry.js";
import type { Rng } from "../rng.js";
import { tickCount, tickTime } from "./schedule.js";
import type { OracleModel, OracleTape } from "./types.js";

const LN_TICK = Math.log(1.0001);

/** ∫ from startMs to t of the log price (or tick), with a cursor that only moves forward. */
class LogIntegrator {
  private j = 0;
  private cum = 0;
  constructor(
    private readonly grid: TimeGrid,
    private readonly price: Float64Array,
    private readonly ticks: boolean,
  ) {}

  /** ln p, or the integer tick ⌊log₁.₀₀₀₁ p⌋ (so tick sums stay exact integers). */
  logAt(i: number): number {
    const lp = Math.log(this.price[i] as number);
    return this.ticks ? Math.floor(lp / LN_TICK) : lp;
  }

  at(t: number): number {
    const g = this.grid;
    if (t <= g.startMs) return this.logAt(0) * (t - g.startMs);
    while (this.j < g.steps && g.startMs + (this.j + 1) * g.stepMs <= t) {
      this.cum += this.logAt(this.j) * g.stepMs;
      this.j++;
    }
    return this.cum + this.logAt(this.j) * (t - (g.startMs + this.j * g.stepMs));
  }
}

export class TwapOracle implements OracleModel {
  constructor(
    readonly windowMs: number,
    readonly intervalMs: number,
    readonly ticks: boolean,
  ) {}

  publish(grid: TimeGrid, price: Float64Array, _rng: Rng, out: OracleTape): void {
    // Two cursors, built once per path: the window's end and its start.
    const hi = new LogIntegrator(grid, price, this.ticks);
    const lo = new LogIntegrator(grid, price, this.ticks);
    const n = tickCount(grid, this.intervalMs);
    const end = gridEndMs(grid);
    for (let k = 0; k < n; k++) {
      const s = tickTime(grid, this.intervalMs, k);
      if (s > end) break;
      const mean = (hi.at(s) - lo.at(s - this.windowMs)) / this.windowMs;
      const value = this.ticks ? Math.exp(Math.floor(mean) * LN_TICK) : Math.exp(mean);
      out.push(s, value, s, 0);
    }
  }
}

export const twapKind: KindDef<OracleModel> = {
  kind: "twap",
  summary: "Uniswap v3-style TWAP: geometric mean of the pool price over a trailing window",
  source: "Uniswap/v3-periphery contracts/libraries/OracleLibrary.sol (consult)",
  params: {
    window: {
      type: "duration",
      description: "averaging window",
      default: "30m",
      min: 0,
      exclusiveMin: true,
    },
    interval: {
      type: "duration",
      description: "how often the TWAP is read and published (0: every grid point)",
      default: "0s",
      min: 0,
    },
    ticks: {
      type: "boolean",
      description: "quantise to Uniswap ticks (1.0001^tick) and floor the mean tick, as on chain",
      default: false,
    },
  },
  create: (p: Params) =>
    new TwapOracle(p["window"] as number, p["interval"] as number, p["ticks"] as boolean),
};
