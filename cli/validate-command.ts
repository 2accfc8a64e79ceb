/** `ballast validate <scenario> [--print]`: check a scenario file and print every problem. */
import { resolve } from "node:path";
import { Command } from "commander";
import { stringify } from "yaml";
import { runPaths } from "../engine/sim/run.js";
import { compile } from "./compile.js";
import { blameOverrides, collect, parseOverride } from "./overrides.js";
import { loadScenario, underFile } from "./scenario.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scenario file and print every problem (exit 2 when there are any)")
    .argument("<scenario>", "scenario file (.yaml or .json)")
    .option("--print", "print the scenario with every default filled")
    .option("--json", "print the filled scenario as JSON")
    .option("--set <path=value>", "override one scenario field, e.g. book[0].qty=-5 (repeatable)", collect)
    .action(async (file: string, flags: { print?: boolean; json?: boolean; set?: string[] }) => {
      const overrides = (flags.set ?? []).map((t) => parseOverride(t));
      const loaded = await loadScenario(resolve(file), overrides);
      const { scenario } = loaded;
      // Building it checks what needs the parts together (venues vs assets, correlations, shocks…),
      // and one path checks that the venues accept the book at the start prices.
      const cfg = compile(scenario, {
        paths: 1,
        source: file,
        ...(loaded.replay ? { replay: loaded.replay.market } : {}),
        ...(loaded.modelContext ? { modelContext: loaded.modelContext } : {}),
      });
      try {
        underFile(file, () =>
          runPaths({ ...cfg, record: { eventPaths: 0, seriesPaths: 0 } }, { from: 0, to: 1 }),
        );
      } catch (e) {
        throw blameOverrides(e, overrides);
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(scenario.normalised, null, 2)}\n`);
      else if (flags.print) process.stdout.write(stringify(scenario.normalised));
      else
        process.stdout.write(
          `${file}: ok (${scenario.market.assetNames.join(", ")}; ${scenario.paths} paths)\n`,
        );
    });
}
