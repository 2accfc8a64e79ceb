/**
 * The engine throughput benchmark: the demo workload (written ATM ETH call, hourly perp delta
 * hedge, GBM at 80 % vol) at 10 000 paths × 720 steps on one core, plus the same with realistic
 * oracle and execution models, or another strategy (a built-in, or a user file resolved next to
 * the demo). Reports path-steps per second.
 */
import { resolve } from "node:path";
import { compile } from "../cli/compile.js";
import { KINDS } from "../cli/kinds.js";
import { readScenarioFile } from "../cli/load-scenario.js";
import { DEMO_SCENARIO } from "../cli/paths.js";
import { withUserStrategy } from "../cli/user-strategy.js";
import { runPaths } from "../engine/sim/run.js";
import { validateScenario } from "../scenarios/schema/validate.js";

export interface EngineBench {
  readonly name: string;
  readonly paths: number;
  readonly steps: number;
  readonly seconds: number;
  readonly pathStepsPerSecond: number;
}

export async function benchEngine(
  name: string,
  overrides: Record<string, unknown>,
  paths = 10_000,
): Promise<EngineBench> {
  const demo = resolve(DEMO_SCENARIO);
  const raw = (await readScenarioFile(demo)) as Record<string, unknown>;
  const given = { ...raw, ...overrides, report: { sampleSeries: 0, eventPaths: 0 } };
  const scenario = validateScenario(await withUserStrategy(given, demo), KINDS, "demo");
  const cfg = compile(scenario, { paths });
  runPaths(compile(scenario, { paths: 200 })); // warm-up: let the JIT compile the hot loop
  const t0 = process.hrtime.bigint();
  runPaths(cfg);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const steps = cfg.grid.steps;
  return { name, paths, steps, seconds, pathStepsPerSecond: (paths * steps) / seconds };
}
