/**
 * The population of a systemic scenario: a snapshot file (data/population-file.ts) or the seeded
 * generator (engine/systemic/generator.ts), drawn from the stream (seed, 0, "population") — one
 * population for every path, so paths differ by their prices only.
 */
import { dirname, resolve } from "node:path";
import { loadSnapshot } from "../../data/population-file.js";
import { InputError } from "../../engine/errors.js";
import { streamFor } from "../../engine/rng.js";
import type { SystemicConfig } from "../../engine/systemic/config.js";
import { type GeneratorSpec, generatePopulation } from "../../engine/systemic/generator.js";
import { addHedges, type HedgeSpec } from "../../engine/systemic/hedge.js";
import type { Population } from "../../engine/systemic/population.js";
import type { SystemicSpec } from "../../scenarios/schema/systemic.js";

export async function loadPopulation(
  spec: SystemicSpec,
  cfg: SystemicConfig,
  scenarioFile: string,
  seed: number,
  startPrices: Float64Array,
): Promise<Population> {
  const snap = spec.population.snapshot;
  if (snap !== undefined) {
    const file = resolve(dirname(scenarioFile), snap);
    return needsPerpVenue(await loadSnapshot(file, cfg.assets, cfg.venues), cfg, file);
  }
  const g = spec.population.generate as Readonly<Record<string, unknown>>;
  const lt = cfg.risk.lt.slice();
  const atLt = g["atLt"] as Record<string, number>;
  const A = cfg.assets.length;
  for (const [name, v] of Object.entries(atLt)) {
    for (let vi = 0; vi < cfg.venues.length; vi++) lt[vi * A + cfg.assets.indexOf(name)] = v;
  }
  const debt = g["debt"] as Record<string, number>;
  const venues = g["venues"] as Record<string, number>;
  const gen: GeneratorSpec = {
    accounts: g["accounts"] as number,
    totalDebt: g["totalDebt"] as number,
    sizeLaw: g["sizes"] as GeneratorSpec["sizeLaw"],
    sizeParam: g["sizeParam"] as number,
    hfMin: g["hfMin"] as number,
    hfMedian: g["hfMedian"] as number,
    hfSigma: g["hfSigma"] as number,
    collWeights: byName(g["collateral"] as Record<string, number>, cfg.assets),
    debtWeights: byName(Object.keys(debt).length > 0 ? debt : { [cfg.assets[0] as string]: 1 }, cfg.assets),
    mix: g["mix"] as GeneratorSpec["mix"],
    venueWeights: byName(
      Object.keys(venues).length > 0 ? venues : { [cfg.venues[0] as string]: 1 },
      cfg.venues,
    ),
  };
  const pop = generatePopulation(
    gen,
    cfg.assets,
    cfg.venues,
    startPrices,
    lt,
    streamFor(seed, 0, "population"),
  );
  const hedge = spec.margin.hedge as HedgeSpec | undefined;
  if (hedge && hedge.share > 0) addHedges(pop, hedge, startPrices, cfg.quote, streamFor(seed, 0, "hedge"));
  return pop;
}

/** A snapshot with perp positions needs the scenario's perp-linear venue (its rule). */
function needsPerpVenue(p: Population, cfg: SystemicConfig, file: string): Population {
  if (cfg.margin?.perp || !p.perpAsset.some((k) => k >= 0)) return p;
  throw new InputError([
    {
      code: "missing",
      path: "population.snapshot",
      message: `${file} holds perp positions (perp_<ASSET> columns); the scenario needs a perp-linear venue (its margin rule and fee)`,
    },
  ]);
}

function byName(w: Readonly<Record<string, number>>, names: readonly string[]): Float64Array {
  const out = new Float64Array(names.length);
  for (const [k, v] of Object.entries(w)) out[names.indexOf(k)] = v;
  return out;
}
