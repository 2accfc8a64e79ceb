/**
 * `ballast run` on a scenario with a `population:` section: the population (snapshot or
 * generator) goes through every path's exogenous prices with the cascade's endogenous impact; the
 * liquidations-at-risk curve is computed once; the tables, summary.json and report.md land in a
 * run folder written atomically.
 */
import { relative } from "node:path";
import { allocMarket } from "../../engine/market.js";
import { larCurve } from "../../engine/systemic/lar.js";
import type { Population } from "../../engine/systemic/population.js";
import { accountValue } from "../../engine/systemic/population.js";
import { runCascadePaths } from "../../engine/systemic/run.js";
import { prepareOutRoot } from "../../reports/run-folder.js";
import { compile } from "../compile.js";
import { PACKAGE_ROOT } from "../paths.js";
import { progressBar } from "../progress.js";
import { scenarioHash, VERSION } from "../results.js";
import type { RunFlags } from "../run-command.js";
import type { LoadedScenario } from "../scenario.js";
import { underFile } from "../scenario.js";
import { systemicConfig } from "./config.js";
import { writeSystemicFolder } from "./folder.js";
import { compareMargins, marginMarkdown, marginTable, withMargin } from "./margin-compare.js";
import { loadPopulation } from "./population.js";
import { renderJson, type SystemicFacts, systemicMarkdown, systemicSummary } from "./summary.js";
import { assetsTable, larTable, pathsTable, profileTable } from "./tables.js";

/** Steps a liquidations-at-risk shock is held, on the scenario's grid step. */
const LAR_HOLD_STEPS = 60;

export async function runPopulation(
  loaded: LoadedScenario,
  flags: RunFlags,
  file: string | undefined,
): Promise<string> {
  const s = loaded.scenario;
  const spec = s.systemic;
  if (!spec) throw new Error("runPopulation needs a population scenario");
  const path = loaded.file;
  const sim = compile(s, {
    ...(flags.paths !== undefined ? { paths: flags.paths } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(loaded.replay ? { replay: loaded.replay.market } : {}),
    ...(loaded.modelContext ? { modelContext: loaded.modelContext } : {}),
    source: path,
  });
  const cfg = underFile(path, () =>
    systemicConfig(s, spec, process.env["BALLAST_CHECK_CONSERVATION"] === "1"),
  );
  const marketAsset = cfg.assets.map((a) => sim.assets.indexOf(a));
  const first = allocMarket(sim.grid, sim.assets);
  sim.market.fill(0, first);
  const start = Float64Array.from(marketAsset, (m) =>
    m >= 0 ? ((first.price[m] as Float64Array)[0] as number) : 1,
  );
  const population = await loadPopulation(spec, cfg, path, sim.seed, start);
  await prepareOutRoot(flags.out);
  const insolvent = countInsolvent(population, start);
  if (insolvent > 0)
    process.stderr.write(
      `ballast: warning: ${insolvent} account(s) already insolvent at the start (collateral worth less than debt); they are counted in paths.insolvent_at_start\n`,
    );
  const bar = progressBar(sim.paths, flags.quiet === true);
  let runs: ReturnType<typeof runCascadePaths>;
  try {
    runs = runCascadePaths(cfg, population, sim.market, sim.grid, marketAsset, 0, sim.paths, (d) =>
      bar.update(d),
    );
  } finally {
    bar.stop();
  }
  const margins = compareMargins(s, spec, cfg, population, sim, marketAsset, runs.outcomes);
  const main = mainAsset(population, start);
  const lar = larCurve(
    cfg,
    population,
    start,
    main,
    spec.cascade["drops"] as number[],
    sim.grid.stepMs,
    LAR_HOLD_STEPS,
  );
  const tables = {
    paths: pathsTable(runs.outcomes, 0, main),
    assets: assetsTable(runs.outcomes, 0, cfg.assets),
    profile: profileTable(runs.outcomes, 0, sim.grid.startMs, cfg.profileBucketMs),
    lar: larTable(lar),
    ...(margins ? { margin: marginTable(margins, 0) } : {}),
  };
  const facts: SystemicFacts = {
    manifest: {
      version: VERSION,
      scenarioName: s.name,
      scenarioHash: scenarioHash(s),
      scenarioFile: file ?? relative(PACKAGE_ROOT, path),
      seed: sim.seed,
      paths: sim.paths,
      ...(loaded.replay ? { dataRange: loaded.replay.range } : {}),
      ...(flags.set !== undefined && flags.set.length > 0 ? { overrides: flags.set } : {}),
    },
    accounts: population.n,
    debtUsd: sumValue(population, population.debt, start),
    collateralUsd: sumValue(population, population.coll, start),
    mainAsset: cfg.assets[main] as string,
    quantiles: s.report.quantiles,
  };
  const summary = withMargin(systemicSummary(facts, tables.paths, tables.lar), margins);
  const report = systemicMarkdown(summary, facts);
  const marginMd = margins ? marginMarkdown(summary["margin"] as Record<string, unknown>) : "";
  const texts = { "summary.json": renderJson(summary), "report.md": report + marginMd };
  return writeSystemicFolder(flags.out, s.name, tables, texts, flags.overwrite === true);
}

function countInsolvent(p: Population, price: Float64Array): number {
  let n = 0;
  for (let a = 0; a < p.n; a++)
    if (accountValue(p, p.coll, a, price) < accountValue(p, p.debt, a, price)) n++;
  return n;
}

function sumValue(p: Population, bal: Float64Array, price: Float64Array): number {
  let s = 0;
  for (let a = 0; a < p.n; a++) s += accountValue(p, bal, a, price);
  return s;
}

/** The asset with the largest collateral value at the start. */
function mainAsset(p: Population, price: Float64Array): number {
  const A = p.assets.length;
  let best = 0;
  let bestV = -1;
  for (let k = 0; k < A; k++) {
    let v = 0;
    for (let a = 0; a < p.n; a++) v += (p.coll[a * A + k] as number) * (price[k] as number);
    if (v > bestV) {
      bestV = v;
      best = k;
    }
  }
  return best;
}
