/**
 * The read-only view a strategy gets (engine/strategy.ts). Prices are oracle readings, never the
 * market's; Greeks are computed at the oracle price. Built once per runner; reads live state.
 */
import type { StrategyView } from "../strategy.js";
import type { PathRunner } from "./path-runner.js";

export function createView(r: PathRunner): StrategyView {
  const names = r.cfg.assets;
  const b = r.book;
  const o = r.oracle;
  return {
    get timeMs() {
      return r.t;
    },
    startMs: r.cfg.grid.startMs,
    endMs: r.endMs,
    assetIndex: (name) => names.indexOf(name),
    oraclePrice: (a) => o.price[a] as number,
    oracleAgeMs: (a) => o.ageMs(a, r.t),
    oracleUsable: (a) => o.usable(a, r.t),
    perpQty: (a) => b.perpQty(a),
    spotQty: (a) => b.spotQty(a),
    pendingQty: (instrument, a) => r.orders.pending[instrument * names.length + a] as number,
    optionDelta: (a, vol) => b.optionGreek(a, o.price[a] as number, r.t, vol, false),
    optionGamma: (a, vol) => b.optionGreek(a, o.price[a] as number, r.t, vol, true),
    equity: () => b.equity(o.price, r.t),
    perpMarginRatio: () => {
      const v = b.venues.hedge;
      if (!v) return Number.POSITIVE_INFINITY;
      const mm = v.requirement(b.venues.hedgeAcct, r.oracleL, 0);
      return mm > 0 ? v.equity(b.venues.hedgeAcct, r.oracleL) / mm : Number.POSITIVE_INFINITY;
    },
  };
}
