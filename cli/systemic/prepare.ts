/**
 * A population scenario made ready to run: its cascade configuration, its population (snapshot or
 * generator, seeded by the scenario's seed alone) and the market's start prices. The main thread
 * and every worker thread build the same one from the same run spec, so a block of paths run in a
 * worker is the block the main thread would have run (cli/systemic/cascade-block.ts).
 */
import { allocMarket } from "../../engine/market.js";
import type { SystemicConfig } from "../../engine/systemic/config.js";
import type { Population } from "../../engine/systemic/population.js";
import type { PreparedRun } from "../run-setup.js";
import { underFile } from "../scenario.js";
import { systemicConfig } from "./config.js";
import { loadPopulation } from "./population.js";

export interface PreparedPopulation {
  readonly run: PreparedRun;
  readonly cfg: SystemicConfig;
  readonly population: Population;
  /** For each population asset, its index in the market source (−1: the quote, priced 1). */
  readonly marketAsset: readonly number[];
  /** Start price of each population asset (the market's first grid point). */
  readonly start: Float64Array;
}

export async function preparePopulation(run: PreparedRun): Promise<PreparedPopulation> {
  const s = run.loaded.scenario;
  const spec = s.systemic;
  if (!spec) throw new Error("preparePopulation needs a population scenario");
  const sim = run.cfg;
  const cfg = underFile(run.path, () =>
    systemicConfig(s, spec, process.env["BALLAST_CHECK_CONSERVATION"] === "1"),
  );
  const marketAsset = cfg.assets.map((a) => sim.assets.indexOf(a));
  const first = allocMarket(sim.grid, sim.assets);
  sim.market.fill(0, first);
  const start = Float64Array.from(marketAsset, (m) =>
    m >= 0 ? ((first.price[m] as Float64Array)[0] as number) : 1,
  );
  const population = await loadPopulation(spec, cfg, run.path, sim.seed, start);
  return { run, cfg, population, marketAsset, start };
}
