import { compile } from "./dist/cli/compile.js";
import { KINDS } from "./dist/cli/kinds.js";
import { readScenarioFile } from "./dist/cli/load-scenario.js";
import { runPaths } from "./dist/engine/sim/run.js";
import { validateScenario } from "./dist/scenarios/schema/validate.js";

const raw = await readScenarioFile("scenarios/examples/demo.yaml");
const which = process.argv[2];
const over =
  which === "noFunding" ? { venues: { perp: { ...raw.venues.perp, fundingInterval: "60d" } } } : {};
const s = validateScenario({ ...raw, ...over, report: { sampleSeries: 0, eventPaths: 0 } }, KINDS, "demo");
const cfg = compile(s, { paths: 4000 });
runPaths({ ...cfg, paths: 300 });
const t0 = process.hrtime.bigint();
runPaths(cfg);
const sec = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(which, "ns/step", ((sec / 4000 / 720) * 1e9).toFixed(0));
