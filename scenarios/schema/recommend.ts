/**
 * The `recommend:` section of a population scenario: what `ballast sweep` calls an acceptable
 * point when it recommends liquidation thresholds (README "Threshold recommendations";
 * reports/recommend.ts). A point is acceptable when the one-sided upper confidence bound, at
 * `confidence`, of P(`metric` > `target` × the starting debt) over its paths is below
 * `maxProbability`. Like `report:`, it shapes the analysis, not the run: it is not hashed.
 */
import { describeValue, type Issue } from "../../engine/errors.js";
import { isRecord, type ParamSpecs, readParams } from "../../engine/params.js";

export type RecommendMetric = "loss" | "bad-debt";

export interface RecommendSpec {
  /** `loss`: bad debt written off + shortfall of open accounts; `bad-debt`: written off only. */
  readonly metric: RecommendMetric;
  /** Loss threshold as a share of the population's debt at the start. */
  readonly target: number;
  /** Largest acceptable probability that a path's metric exceeds the threshold. */
  readonly maxProbability: number;
  /** One-sided confidence of the probability's upper bound (0.5: the estimate itself). */
  readonly confidence: number;
}

export const RECOMMEND_SPECS: ParamSpecs = {
  metric: {
    type: "enum",
    values: ["loss", "bad-debt"],
    default: "loss",
    description: "what must stay under the target: loss (bad debt + shortfall) or bad-debt (written off)",
  },
  target: {
    type: "number",
    min: 0,
    max: 1,
    default: 0.001,
    description: "threshold as a share of the starting debt (0.001 = 0.1 %)",
  },
  maxProbability: {
    type: "number",
    min: 0,
    exclusiveMin: true,
    max: 1,
    default: 0.01,
    description: "largest acceptable P(metric > target)",
  },
  confidence: {
    type: "number",
    min: 0.5,
    max: 0.999999,
    default: 0.95,
    description: "one-sided confidence of the Wilson upper bound of that probability (0.5: the estimate)",
  },
};

/** Reads `recommend:` (undefined when absent); problems go to `issues`. */
export function readRecommend(raw: unknown, population: boolean, issues: Issue[]): RecommendSpec | undefined {
  if (raw === undefined) return undefined;
  if (!population) {
    issues.push({
      code: "unsupported",
      path: "recommend",
      message: "recommends thresholds of a population; allowed: only beside a population: section",
    });
    return undefined;
  }
  if (!isRecord(raw)) {
    issues.push({
      code: "wrong_type",
      path: "recommend",
      message: `found ${describeValue(raw)}; allowed: { metric, target, maxProbability, confidence }`,
    });
    return undefined;
  }
  return readParams(raw, RECOMMEND_SPECS, "recommend", issues, false) as unknown as RecommendSpec;
}

/** The defaults (`recommend: {}`). */
export function defaultRecommend(): RecommendSpec {
  return readRecommend({}, true, []) as RecommendSpec;
}
