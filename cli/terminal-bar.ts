/**
 * `cli-progress`, loaded on first use: only a run or sweep drawing a bar on a terminal pays for
 * loading it (issue 14: `validate` and `list` start fast).
 */
import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";

let loaded: typeof cliProgressModule | undefined;

export function cliProgress(): typeof cliProgressModule {
  loaded ??= createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;
  return loaded;
}
