/** `ballast query <folder> "<sql>"`: DuckDB SQL over a run or sweep folder's tables. */
import { resolve } from "node:path";
import { Command } from "commander";

export function queryCommand(): Command {
  return new Command("query")
    .description(
      "run DuckDB SQL over a folder's tables: views paths, series, accounts, events (and points for a sweep)",
    )
    .argument("<folder>", "run folder or sweep folder")
    .argument("<sql>", 'SQL, e.g. "SELECT avg(pnl) FROM paths"')
    .option("--json", "print the rows as JSON")
    .option("--csv", "print the rows as CSV")
    .action(async (folder: string, sql: string, flags: { json?: boolean; csv?: boolean }) => {
      // DuckDB loads only for the commands that need it (issue 14: fast start-up).
      const { formatCsv, formatJson, formatTable, runQuery } = await import("../reports/query.js");
      const r = await runQuery(resolve(folder), sql);
      process.stdout.write(flags.json ? formatJson(r) : flags.csv ? formatCsv(r) : formatTable(r));
    });
}
