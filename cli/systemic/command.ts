/**
 * `ballast run` on a scenario with a `population:` section: the population's warnings, then its
 * paths on `--workers N` threads (cli/systemic/run.ts) into a run folder under `--out`.
 * `--shard` and `--resume` are for ordinary scenarios: a population run is one piece.
 */
import { InputError } from "../../engine/errors.js";
import { prepareOutRoot } from "../../reports/run-folder.js";
import { progressBar } from "../progress.js";
import type { RunFlags } from "../run-command.js";
import type { PreparedRun } from "../run-setup.js";
import { blockPool, defaultWorkers } from "../workers.js";
import { populationFor } from "./cascade-block.js";
import { targetShareOf } from "./recommend-spec.js";
import { countInsolvent, runPopulation } from "./run.js";

export async function runPopulationCommand(run: PreparedRun, flags: RunFlags): Promise<string> {
  for (const flag of ["shard", "resume"] as const)
    if (flags[flag] !== undefined)
      throw new InputError([
        {
          code: "unsupported",
          path: `--${flag}`,
          message: `a population scenario runs whole; allowed: the same command without --${flag}`,
        },
      ]);
  const { population, start } = await populationFor(run.spec);
  await prepareOutRoot(flags.out);
  const insolvent = countInsolvent(population, start);
  if (insolvent > 0)
    process.stderr.write(
      `ballast: warning: ${insolvent} account(s) already insolvent at the start (collateral worth less than debt); they are counted in paths.insolvent_at_start\n`,
    );
  const bar = progressBar(run.cfg.paths, flags.quiet === true);
  const pool = await blockPool(flags.workers ?? defaultWorkers());
  try {
    return await runPopulation(run, pool, bar, {
      out: flags.out,
      name: run.loaded.scenario.name,
      overwrite: flags.overwrite === true,
      targetShare: targetShareOf(run),
    });
  } finally {
    bar.stop();
    await pool.close();
  }
}
