import { it } from "vitest";
import { hedgeScenario, mean, run, std } from "./helpers.js";

it("debug", () => {
  for (const every of ["1h", "4h"]) {
    const out = run(hedgeScenario({ paths: 400, strategy: { kind: "delta-hedge", every } }));
    const c = out.metrics.columns;
    console.log(
      every,
      "pnl",
      mean(c.pnl),
      std(c.pnl),
      "opt",
      mean(c.optionPnl),
      "hedge",
      mean(c.hedgePnl),
      "trades",
      mean(c.trades),
      "fund",
      mean(c.funding),
    );
  }
});
