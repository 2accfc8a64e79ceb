/**
 * Strategy triggers besides timers, checked after every oracle update (so a top-up reacts to the
 * price the venue sees, not at its next timer): a landed reading of a watched asset that moved at
 * least `minMove` since the last call, and a venue account's health factor (lending, falling under
 * its level) or margin ratio (perp, rising over its level) crossing. A crossing fires once and
 * re-arms when the value is back on the safe side. Callbacks run in the strategy phase of the same
 * instant (after that instant's liquidation check, as DESIGN orders phases).
 * Nothing here runs unless the strategy watches something.
 */
import { Phase } from "../queue.js";
import { PerpVenue } from "../venues/perp-venue.js";
import { healthOf, marginRatioOf, traderAccount } from "./account-view.js";
import { Kind, type PathRunner } from "./path-runner.js";

interface HealthWatch {
  readonly venue: number;
  readonly level: number;
  readonly tag: number;
  armed: boolean;
}

export class Triggers {
  /** Whether anything is watched (the loop's only cost when nothing is). */
  any = false;
  /** Per asset: minimum relative move (NaN: not watched), reading at the last call, tape index seen. */
  private readonly minMove: Float64Array;
  private readonly lastPrice: Float64Array;
  private readonly seenIndex: Float64Array;
  private health: HealthWatch[] = [];

  constructor(private readonly r: PathRunner) {
    const n = r.cfg.assets.length;
    this.minMove = new Float64Array(n);
    this.lastPrice = new Float64Array(n);
    this.seenIndex = new Float64Array(n);
  }

  reset(): void {
    this.any = false;
    this.minMove.fill(Number.NaN);
    this.health = [];
  }

  watchOracle(asset: number, minMove: number): void {
    if (!(asset >= 0 && asset < this.minMove.length)) return;
    const o = this.r.oracle;
    this.minMove[asset] = Math.max(0, minMove);
    this.lastPrice[asset] = o.price[asset] as number;
    this.seenIndex[asset] = (o.feeds[asset]?.index ?? -1) as number;
    this.any = true;
  }

  watchHealth(venue: number, level: number, tag: number): void {
    this.health.push({ venue, level, tag, armed: true });
    this.any = true;
  }

  /** After an oracle update: queue the callbacks of every watch that fired. */
  afterOracle(): void {
    const r = this.r;
    const o = r.oracle;
    for (let a = 0; a < this.minMove.length; a++) {
      const mv = this.minMove[a] as number;
      if (Number.isNaN(mv)) continue;
      const idx = o.feeds[a]?.index ?? -1;
      if (idx === this.seenIndex[a]) continue;
      this.seenIndex[a] = idx;
      const p = o.price[a] as number;
      const last = this.lastPrice[a] as number;
      if (!(last > 0) || Math.abs(p / last - 1) >= mv) {
        this.lastPrice[a] = p;
        r.q.push(r.t, Phase.strategy, Kind.oracleWatch, a);
      }
    }
    this.checkHealth();
  }

  private checkHealth(): void {
    const r = this.r;
    const vs = r.book.venues;
    for (let k = 0; k < this.health.length; k++) {
      const w = this.health[k] as HealthWatch;
      const v = vs.venues[w.venue];
      const a = traderAccount(vs, v);
      const danger =
        v instanceof PerpVenue
          ? marginRatioOf(v, a, r.oracleL) > w.level
          : healthOf(v, a, r.oracleL) < w.level;
      if (!danger) w.armed = true;
      else if (w.armed) {
        w.armed = false;
        r.q.push(r.t, Phase.strategy, Kind.trigger, w.tag);
      }
    }
  }
}
