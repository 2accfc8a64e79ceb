/**
 * The recommendation settings of a run or sweep: the scenario's `recommend:` section
 * (scenarios/schema/recommend.ts) with the defaults, and `ballast sweep`'s flags `--target`,
 * `--max-probability`, `--confidence` and `--metric`, which are `--set recommend.<field>=…` under
 * another name (validated, and named in errors, like any override).
 */
import { defaultRecommend, type RecommendSpec } from "../../scenarios/schema/recommend.js";
import type { PreparedRun } from "../run-setup.js";

export interface RecommendFlags {
  readonly target?: string;
  readonly maxProbability?: string;
  readonly confidence?: string;
  readonly metric?: string;
}

const FIELDS: readonly [keyof RecommendFlags, string, string][] = [
  ["target", "target", "--target"],
  ["maxProbability", "maxProbability", "--max-probability"],
  ["confidence", "confidence", "--confidence"],
  ["metric", "metric", "--metric"],
];

/** The flags as overrides of the `recommend` section: the `--set` texts and the flag each came from. */
export function recommendSets(flags: RecommendFlags): { sets: string[]; flags: string[] } {
  const given = FIELDS.filter(([k]) => flags[k] !== undefined);
  return {
    sets: given.map(([k, field]) => `recommend.${field}=${flags[k] as string}`),
    flags: given.map(([, , flag]) => flag),
  };
}

/** The run's recommendation settings (the defaults where the scenario has none). */
export function recommendOf(run: PreparedRun): RecommendSpec {
  return run.loaded.scenario.recommend ?? defaultRecommend();
}

/** Share of the starting debt above which a path's loss counts in `p_loss_above_target`. */
export function targetShareOf(run: PreparedRun): number {
  return recommendOf(run).target;
}
