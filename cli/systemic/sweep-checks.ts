/**
 * What `ballast sweep` refuses before any point runs: `--shard` on a population scenario (a
 * population point runs whole), and the recommendation flags on an ordinary one.
 */
import { InputError, type Issue } from "../../engine/errors.js";
import type { PreparedRun } from "../run-setup.js";
import type { Shard } from "../shard.js";
import type { RecommendFlags } from "./recommend-spec.js";

export function checkPopulationSweep(base: PreparedRun, flags: RecommendFlags & { shard?: Shard }): void {
  const issues: Issue[] = [];
  const systemic = base.loaded.scenario.systemic !== undefined;
  if (systemic && flags.shard !== undefined)
    issues.push({
      code: "unsupported",
      path: "--shard",
      message: "a population scenario's points run whole; allowed: the same sweep without --shard",
    });
  const named: [keyof RecommendFlags, string][] = [
    ["target", "--target"],
    ["maxProbability", "--max-probability"],
    ["confidence", "--confidence"],
    ["metric", "--metric"],
  ];
  for (const [k, flag] of named)
    if (!systemic && flags[k] !== undefined)
      issues.push({
        code: "unsupported",
        path: flag,
        message:
          "recommends thresholds of a population scenario; allowed: a scenario with a population: section",
      });
  if (issues.length > 0) throw new InputError(issues);
}
