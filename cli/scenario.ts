/**
 * Loads a scenario file: parse, validate against every registry, and load the historical data a
 * replay needs. Every problem surfaces as an InputError (exit code 2).
 */
import { InputError, type Issue } from "../engine/errors.js";
import type { PathMarket } from "../engine/market.js";
import type { DataRange } from "../reports/types.js";
import type { ModelContext } from "../scenarios/models/types.js";
import { checkBookValue } from "../scenarios/schema/cross-checks.js";
import type { Scenario } from "../scenarios/schema/types.js";
import { validateScenario } from "../scenarios/schema/validate.js";
import { KINDS } from "./kinds.js";
import { readScenarioFile } from "./load-scenario.js";
import { loadReplay, modelContext } from "./market-data.js";
import { applyOverrides, blameOverrides, type Override } from "./overrides.js";
import { expandPresets } from "./presets.js";
import { withUserStrategy } from "./user-strategy.js";

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  readonly replay?: { readonly market: PathMarket; readonly range: DataRange };
  readonly modelContext?: ModelContext;
}

/** Reads, overrides (`--set`, applied to the file's own data, before presets) and validates. */
export async function loadScenario(
  file: string,
  overrides: readonly Override[] = [],
): Promise<LoadedScenario> {
  let scenario: Scenario;
  try {
    const given = expandPresets(applyOverrides(await readScenarioFile(file), overrides), file);
    const raw = await withUserStrategy(given, file);
    scenario = validateScenario(raw, KINDS, file);
  } catch (e) {
    throw blameOverrides(e, overrides);
  }
  const replay = await loadReplay(scenario, file);
  if (replay) checkReplayBookValue(scenario, replay.market, file);
  const modelCtx = replay ? undefined : await modelContext(scenario, file);
  return { file, scenario, ...(replay ? { replay } : {}), ...(modelCtx ? { modelContext: modelCtx } : {}) };
}

/** The book's value at the replay's first prices (validation could not know them): see MAX_BOOK_VALUE. */
function checkReplayBookValue(s: Scenario, market: PathMarket, file: string): void {
  const issues: Issue[] = [];
  const names = s.market.assetNames;
  checkBookValue(s.book, (a) => (a === s.market.quote ? 1 : market.price[names.indexOf(a)]?.[0]), issues);
  if (issues.length > 0) throw new InputError(issues, file);
}

/** Runs `fn`, heading any bad-input error it throws without a source with the scenario file. */
export function underFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError && e.source === undefined) throw new InputError(e.issues, file);
    throw e;
  }
}
