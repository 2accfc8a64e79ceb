/**
 * Validates a parsed scenario file, collecting every problem before failing (STYLE 7): unknown keys
 * (with a did-you-mean), missing fields, wrong types, out-of-range values, unknown kinds and broken
 * cross-references each become one Issue naming the field path, what was found and what is allowed.
 */
import { describeValue, InputError, type Issue } from "../../engine/errors.js";
import { runNameProblem } from "../../engine/names.js";
import { checkUnknownKeys, isRecord, keyList, readParams } from "../../engine/params.js";
import { bookHasPerp, readBook } from "./book.js";
import {
  checkBookValue,
  checkInsideHorizon,
  checkStrategyAccount,
  checkStrategyAsset,
} from "./cross-checks.js";
import { parseIsoTime } from "./iso-time.js";
import { readKind, type ScenarioKinds } from "./kinds.js";
import { readMarket } from "./market.js";
import { checkModelSteps } from "./model-steps.js";
import { normalise } from "./normalise.js";
import { checkOptionVols } from "./option-vols.js";
import { readExecution, readLiquidators, readOracle, readVenues } from "./plumbing.js";
import { readRecommend } from "./recommend.js";
import { CLOCK_SPECS, HEAD_SPECS, REPORT_SPECS, TOP_KEYS } from "./sections.js";
import { checkSweep } from "./sweep.js";
import { readSystemic } from "./systemic.js";
import type { ClockSpec, MarketSpec, Scenario } from "./types.js";

/**
 * @throws InputError listing every problem found, with `source` (the file) as its heading.
 */
export function validateScenario(raw: unknown, kinds: ScenarioKinds, source = "scenario"): Scenario {
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    throw new InputError(
      [
        {
          code: "wrong_type",
          path: "(top)",
          message: `found ${describeValue(raw)}; allowed: a mapping of sections`,
        },
      ],
      source,
    );
  }
  checkUnknownKeys(raw, TOP_KEYS, "", issues);
  const head = readParams(pick(raw, HEAD_SPECS), HEAD_SPECS, "", issues, false);
  const nameProblem = typeof head["name"] === "string" ? runNameProblem(head["name"]) : undefined;
  if (nameProblem !== undefined) issues.push({ code: "bad_name", path: "name", message: nameProblem });
  const market = readMarket(raw["market"], kinds, issues);
  // A pure historical replay takes its clock from the data; `clock`, when given, selects a window.
  const replayOnly =
    market !== undefined &&
    market.assetNames.length > 0 &&
    market.assetNames.every((n) => market.assets[n]?.data);
  const clock = raw["clock"] === undefined && replayOnly ? undefined : readClock(raw["clock"], issues);
  if (market) checkModelSteps(market, clock, issues);
  const assets = market?.assetNames ?? [];
  const oracle = readOracle(raw["oracle"], kinds, issues);
  const execution = readExecution(raw["execution"], kinds, assets, issues);
  const venues = readVenues(raw["venues"], kinds, bookHasPerp(raw["book"]), issues);
  const book = readBook(raw["book"], assets, venues ?? {}, market?.quote ?? "USDC", issues);
  const hasLending = Object.values(venues ?? {}).some(
    (v) => v.kind === "aave-v3" || v.kind === "compound-v3",
  );
  const systemic = readSystemic(raw, [market?.quote ?? "USDC", ...assets], venues ?? {}, issues);
  checkSweep(raw["sweep"], issues);
  const recommend = readRecommend(raw["recommend"], raw["population"] !== undefined, issues);
  const liquidators = readLiquidators(raw["liquidators"], kinds, hasLending, issues);
  const strategy = readKind(kinds.strategies, raw["strategy"] ?? { kind: "hold" }, "strategy", issues);
  if (strategy) {
    checkStrategyAsset(strategy, assets, issues);
    checkStrategyAccount(strategy, bookHasPerp(raw["book"]), assets, issues);
  }
  checkBookValue(book, (a) => modelSpot(market, a), issues);
  checkOptionVols(book, market, issues);
  checkInsideHorizon(market?.shocks ?? [], "market.shocks", clock, issues);
  checkInsideHorizon(oracle?.faults ?? [], "oracle.faults", clock, issues);
  const report = readParams(
    isRecord(raw["report"]) ? raw["report"] : {},
    REPORT_SPECS,
    "report",
    issues,
    false,
  );
  if (raw["report"] !== undefined && !isRecord(raw["report"])) {
    issues.push({
      code: "wrong_type",
      path: "report",
      message: `found ${describeValue(raw["report"])}; allowed: a mapping`,
    });
  }
  if (
    issues.length > 0 ||
    (!clock && !replayOnly) ||
    !market ||
    !oracle ||
    !execution ||
    !venues ||
    !strategy
  ) {
    throw new InputError(issues, source);
  }
  const scenario = {
    name: head["name"] as string,
    seed: head["seed"] as number,
    paths: head["paths"] as number,
    ...(clock ? { clock } : {}),
    market,
    oracle,
    execution,
    venues,
    liquidators,
    book,
    strategy,
    report: {
      quantiles: report["quantiles"] as number[],
      sampleSeries: report["sampleSeries"] as number,
      eventPaths: report["eventPaths"] as number,
    },
  };
  const normalised = normalise(scenario);
  const analysis = recommend ? { recommend } : {};
  if (!systemic) return { ...scenario, ...analysis, normalised };
  const { venues: _lending, ...sections } = systemic;
  return { ...scenario, systemic, ...analysis, normalised: { ...normalised, ...sections } };
}

/** A model asset's start price (its `spot`), 1 for the quote, undefined when not known before the run. */
function modelSpot(market: MarketSpec | undefined, asset: string): number | undefined {
  if (market === undefined) return undefined;
  if (asset === market.quote) return 1;
  const spot = market.assets[asset]?.model?.params["spot"];
  return typeof spot === "number" ? spot : undefined;
}

function pick(raw: Record<string, unknown>, specs: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(specs)) if (raw[k] !== undefined) out[k] = raw[k];
  return out;
}

function readClock(raw: unknown, issues: Issue[]): ClockSpec | undefined {
  if (!isRecord(raw)) {
    issues.push({
      code: raw === undefined ? "missing" : "wrong_type",
      path: "clock",
      message: `found ${describeValue(raw)}; allowed: ${keyList(CLOCK_SPECS)}`,
    });
    return undefined;
  }
  const before = issues.length;
  const p = readParams(raw, CLOCK_SPECS, "clock", issues, false);
  const startMs = typeof p["start"] === "string" ? parseIsoTime(p["start"]) : Number.NaN;
  if (typeof p["start"] === "string" && !Number.isFinite(startMs)) {
    issues.push({
      code: "wrong_type",
      path: "clock.start",
      message: `found ${describeValue(p["start"])}; allowed: an ISO-8601 date or time on the calendar, such as 2024-01-01 or 2024-01-01T00:00:00Z (no offset means UTC)`,
    });
  }
  const horizonMs = p["horizon"] as number;
  const stepMs = p["step"] as number;
  if (issues.length === before && horizonMs % stepMs !== 0) {
    issues.push({
      code: "out_of_range",
      path: "clock.horizon",
      message: `horizon ${horizonMs} ms is not a whole number of steps of ${stepMs} ms; allowed: a multiple of clock.step`,
    });
  }
  if (issues.length === before && horizonMs / stepMs > 50_000_000) {
    issues.push({
      code: "out_of_range",
      path: "clock.step",
      message: `${horizonMs / stepMs} steps per path; allowed: at most 50 000 000`,
    });
  }
  return issues.length === before ? { startMs, horizonMs, stepMs } : undefined;
}
