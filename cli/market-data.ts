/**
 * The I/O a scenario's market needs, done before the engine runs: a historical replay (every asset
 * `data`) through data/loadMarketData, and the historical returns bootstrap models resample.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { loadMarketData, loadSeries } from "../data/index.js";
import { InputError } from "../engine/errors.js";
import type { PathMarket } from "../engine/market.js";
import { isoTime } from "../engine/units.js";
import type { DataRange } from "../reports/types.js";
import { logReturnsOf } from "../scenarios/calibrate/returns.js";
import type { ModelContext } from "../scenarios/models/types.js";
import type { Scenario } from "../scenarios/schema/types.js";

export interface Replay {
  readonly market: PathMarket;
  readonly range: DataRange;
}

/** Loads the replayed market when every asset is `data`; undefined when every asset is a model. */
export async function loadReplay(s: Scenario, scenarioFile: string): Promise<Replay | undefined> {
  const names = s.market.assetNames;
  const replayed = names.filter((n) => s.market.assets[n]?.data);
  if (replayed.length === 0) return undefined;
  if (replayed.length < names.length) {
    const model = names.find((n) => !s.market.assets[n]?.data);
    throw new InputError(
      [
        {
          code: "mixed_market",
          path: `market.assets.${model}`,
          message:
            "a Monte-Carlo asset cannot be mixed with replayed assets in one scenario; allowed: all `model`, or all `data`",
        },
      ],
      scenarioFile,
    );
  }
  const specs: Record<string, Record<string, unknown>> = {};
  for (const n of names) specs[n] = clockWindow(s, { ...(s.market.assets[n]?.data ?? {}) });
  const { market, range } = await loadMarketData(specs as never, { baseDir: dirname(scenarioFile) });
  checkCoverage(s, range, scenarioFile);
  return { market, range: { from: isoTime(range.fromMs), to: isoTime(range.toMs) } };
}

/**
 * A replay whose data cover less of the clock's window than asked (more than one bar missing at
 * either end) is refused, naming the range the data hold: a 365-day run silently cut to 8 days
 * would report figures for a window nobody chose. Narrow `clock` (or `data.from`/`to`) to the data.
 */
function checkCoverage(s: Scenario, range: { fromMs: number; toMs: number }, scenarioFile: string): void {
  const c = s.clock;
  if (!c) return;
  const endMs = c.startMs + c.horizonMs;
  if (range.fromMs <= c.startMs + c.stepMs && range.toMs >= endMs - c.stepMs) return;
  throw new InputError(
    [
      {
        code: "short_data",
        path: "clock",
        message: `the clock asks for ${isoTime(c.startMs)} to ${isoTime(endMs)} but the data cover only ${isoTime(range.fromMs)} to ${isoTime(range.toMs)}; allowed: a clock.start and clock.horizon inside the data's range`,
      },
    ],
    scenarioFile,
  );
}

/** A replay's clock, when given, selects the window (start … start + horizon) and the bar length. */
function clockWindow(s: Scenario, spec: Record<string, unknown>): Record<string, unknown> {
  const c = s.clock;
  if (!c) return spec;
  return {
    ...spec,
    from: spec["from"] ?? c.startMs,
    to: spec["to"] ?? c.startMs + c.horizonMs,
    resample: spec["resample"] ?? c.stepMs,
  };
}

/**
 * Preloads the log returns of every file a bootstrap model names, on the scenario's clock step:
 * the file is resampled to that step (a whole multiple of its own, else an error naming both), and
 * only returns between bars exactly one step apart are kept (none across the file's gaps), so a
 * resampled return has the variance of one grid step.
 */
export async function modelContext(s: Scenario, scenarioFile: string): Promise<ModelContext> {
  const returns = new Map<string, Float64Array>();
  const stepMs = s.clock?.stepMs;
  for (const name of s.market.assetNames) {
    const model = s.market.assets[name]?.model;
    const ref = model?.kind === "bootstrap" ? (model.params["data"] as string) : undefined;
    if (ref === undefined || returns.has(ref)) continue;
    const file = isAbsolute(ref) ? ref : resolve(dirname(scenarioFile), ref);
    const { series } = await loadSeries(file, {
      read: "required",
      ...(stepMs !== undefined ? { resample: stepMs } : {}),
    });
    // The model itself checks it got enough returns (minReturns 0 here).
    const close = series.columns["close"] as Float64Array;
    const times = stepMs !== undefined ? series.timesMs : undefined;
    returns.set(ref, logReturnsOf(close, stepMs ?? series.stepMs, 0, `data "${ref}"`, times));
  }
  return { historicalReturns: (ref) => returns.get(ref) };
}
