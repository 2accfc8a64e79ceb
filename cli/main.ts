/**
 * The `ballast` command line. Exit codes (DESIGN): 0 ok, 1 check failed, 2 bad input or usage,
 * 3 internal error. Bad input prints every problem and never a stack trace.
 */
import { Command, CommanderError } from "commander";
import { BallastError } from "../engine/errors.js";
import { calibrateCommand } from "./calibrate.js";
import { loadPrices } from "./calibrate-data.js";
import { compareCommand, RegressionFound } from "./compare-command.js";
import { listCommand } from "./list-command.js";
import { mergeCommand } from "./merge-command.js";
import { queryCommand } from "./query-command.js";
import { reportCommand } from "./report-command.js";
import { VERSION } from "./results.js";
import { runCommand } from "./run-command.js";
import { sweepCommand } from "./sweep-command.js";
import { validateCommand } from "./validate-command.js";

export function buildProgram(): Command {
  const program = new Command("ballast")
    .description("Backtest and stress-test the management of crypto-derivative positions.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addCommand(runCommand());
  program.addCommand(sweepCommand());
  program.addCommand(mergeCommand());
  program.addCommand(validateCommand());
  program.addCommand(listCommand());
  program.addCommand(reportCommand());
  program.addCommand(queryCommand());
  program.addCommand(compareCommand());
  program.addCommand(calibrateCommand(loadPrices));
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[], { from: "user" });
    return 0;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof RegressionFound) return 1;
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return 0;
    return 2;
  }
  if (e instanceof BallastError) {
    process.stderr.write(`ballast: ${e.exitCode === 2 ? "bad input" : "internal error"}\n${e.message}\n`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`ballast: internal error: ${msg}\n`);
  if (process.env["BALLAST_DEBUG"] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return 3;
}
