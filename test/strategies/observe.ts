/** Test helper: run a scenario and look at the strategy's view just after each of its rebalances. */
import { runPaths } from "../../engine/sim/run.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
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
