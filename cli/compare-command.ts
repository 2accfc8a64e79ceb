/**
 * `ballast compare <baseline> <candidate> [--gate gate.yaml] [--json]`: exit 1 when a metric
 * regressed beyond its tolerance, 0 otherwise, 2 on bad input (reports/compare-runs.ts).
 */
import { resolve } from "node:path";
import { Command } from "commander";

/** Thrown to exit with code 1 after the comparison was printed. */
export class RegressionFound extends Error {}

export function compareCommand(): Command {
  return new Command("compare")
    .description("compare a run with a baseline run; exit 1 when a metric regresses beyond tolerance")
    .argument("<baseline>", "baseline run folder")
    .argument("<candidate>", "candidate run folder")
    .option("--gate <file>", "gate.yaml: per-metric tolerances (default: every metric at 3 standard errors)")
    .option("--json", "print the comparison as JSON")
    .action(async (baseline: string, candidate: string, flags: { gate?: string; json?: boolean }) => {
      // DuckDB loads only for the commands that need it (fast start-up).
      const { compareRuns, formatComparison } = await import("../reports/compare-runs.js");
      const { readGate } = await import("../reports/gate.js");
      const { canonical } = await import("../reports/summary.js");
      const gate = flags.gate === undefined ? undefined : readGate(resolve(flags.gate));
      const c = await compareRuns(resolve(baseline), resolve(candidate), gate);
      process.stdout.write(
        flags.json ? `${JSON.stringify(canonical(c, true), null, 2)}\n` : formatComparison(c),
      );
      if (c.regression) throw new RegressionFound("regression");
    });
}
