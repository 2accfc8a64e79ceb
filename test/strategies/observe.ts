/** Test helper: run a scenario and look at the strategy's view just after each of its rebalances. */
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, OptionView, Strategy, StrategyView } from "../../engine/strategy.js";
import { configOf } from "../helpers.js";

/** Runs `strategy`, looking at the book 1 ms after each of its timer callbacks (its trades landed). */
export function observed(raw: unknown, look: (view: StrategyView) => void) {
  const cfg = configOf(raw);
  const inner = cfg.strategy;
  const LOOK = 7919;
  const wrap = (out: IntentSink): IntentSink =>
    new Proxy(out, {
      get: (t, k) => {
        if (k !== "setTimer") return (Reflect.get(t, k, t) as () => void).bind(t);
        return (d: number, tag?: number) => {
          t.setTimer(d, tag);
          t.setTimer(1, LOOK);
        };
      },
    });
  const strategy: Strategy = {
    start: (view, out) => inner.start(view, wrap(out)),
    onTimer: (view, out, tag) => (tag === LOOK ? look(view) : inner.onTimer(view, wrap(out), tag)),
  };
  return runPaths({ ...cfg, strategy });
}

/**
 * Σ qty·greek (net) and Σ |qty·greek| (gross) over the view's live options, each option's Greek
 * given by `greek(spot, strike, years left, iv, option)` — the test's own formula.
 */
export function bookGreek(
  view: StrategyView,
  greek: (s: number, k: number, tau: number, vol: number, o: OptionView) => number,
): { net: number; gross: number } {
  const s = view.oraclePrice(0);
  let net = 0;
  let gross = 0;
  for (const o of view.options()) {
    const tau = (o.expiryMs - view.timeMs) / (365 * 24 * 3600 * 1000);
    if (tau <= 0) continue;
    const g = o.qty * greek(s, o.strike, tau, o.iv, o);
    net += g;
    gross += Math.abs(g);
  }
  return { net, gross };
}
