/** `ballast report <folder>`: rebuild summary.json, report.md and report.html from the folder's tables. */
import { resolve } from "node:path";
import { Command } from "commander";

export function reportCommand(): Command {
  return new Command("report")
    .description("rebuild summary.json, report.md and report.html of a run or sweep folder from its tables")
    .argument("<folder>", "run folder (or sweep folder)")
    .action(async (folder: string) => {
      // DuckDB and Vega load only for the commands that need them (fast start-up).
      const { rebuildReports } = await import("../reports/rebuild.js");
      for (const f of await rebuildReports(resolve(folder))) process.stdout.write(`${f}\n`);
    });
}
