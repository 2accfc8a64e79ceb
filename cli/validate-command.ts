/** `ballast validate <scenario> [--print]`: check a scenario file and print every problem. */
import { resolve } from "node:path";
import { Command } from "commander";
import { stringify } from "yaml";
import { loadScenario } from "./scenario.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scenario file and print every problem (exit 2 when there are any)")
    .argument("<scenario>", "scenario file (.yaml or .json)")
    .option("--print", "print the scenario with every default filled")
    .option("--json", "print the filled scenario as JSON")
    .action(async (file: string, flags: { print?: boolean; json?: boolean }) => {
      const { scenario } = await loadScenario(resolve(file));
      if (flags.json) process.stdout.write(`${JSON.stringify(scenario.normalised, null, 2)}\n`);
      else if (flags.print) process.stdout.write(stringify(scenario.normalised));
      else
        process.stdout.write(
          `${file}: ok (${scenario.market.assetNames.join(", ")}; ${scenario.paths} paths)\n`,
        );
    });
}
