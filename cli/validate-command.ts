/** `ballast validate <scenario> [--print]`: check a scenario file and print every problem. */
import { resolve } from "node:path";
import { Command } from "commander";
import { stringify } from "yaml";
import { runPaths } from "../engine/sim/run.js";
import { modelStepWarnings } from "../scenarios/schema/model-steps.js";
import { compile } from "./compile.js";
import { readScenarioFile } from "./load-scenario.js";
import { blameOverrides, collect, parseOverride } from "./overrides.js";
import { expandPresets } from "./presets.js";
import { printableScenario } from "./print-scenario.js";
import { loadScenario, underFile } from "./scenario.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scenario file and print every problem (exit 2 when there are any)")
    .argument("<scenario>", "scenario file (.yaml or .json)")
    .option(
      "--print",
      "print the scenario with every default filled (durations in units, venue assets expanded)",
    )
    .option("--json", "print the filled scenario as JSON")
    .option("--set <path=value>", "override one scenario field, e.g. book[0].qty=-5 (repeatable)", collect)
    .action(async (file: string, flags: { print?: boolean; json?: boolean; set?: string[] }) => {
      const overrides = (flags.set ?? []).map((t) => parseOverride(t));
      const path = resolve(file);
      const loaded = await loadScenario(path, overrides);
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
      for (const w of modelStepWarnings(scenario)) process.stderr.write(`ballast: warning: ${w}\n`);
      if (flags.json || flags.print) {
        // The file as written gives the units of its durations (an overridden one is re-derived).
        const printed = printableScenario(
          scenario.normalised,
          expandPresets(await readScenarioFile(path), path),
        );
        process.stdout.write(flags.json ? `${JSON.stringify(printed, null, 2)}\n` : stringify(printed));
      } else
        process.stdout.write(
          `${file}: ok (${scenario.market.assetNames.join(", ")}; ${scenario.paths} paths)\n`,
        );
    });
}
