/**
 * The price series `ballast calibrate` fits, read with the options a replay's `data` section takes:
 * `from`/`to` (inclusive, ISO times), `nullRows` (`gap` drops a vendor's all-null rows) and `maxGap`
 * (the longest gap between real bars allowed). No bar is forward-filled: a filled bar would add a
 * zero return and bias the volatility down, so returns across gaps are left out of the fit instead.
 */
import { loadSeries } from "../data/index.js";
import { formatTime } from "../data/time-text.js";
import { InputError, type Issue } from "../engine/errors.js";
import { formatDuration, parseDuration } from "../engine/units.js";
import type { LoadedPrices } from "./calibrate.js";

export interface PriceOptions {
  readonly column: string;
  readonly from?: string;
  readonly to?: string;
  readonly maxGap?: string;
  readonly nullRows?: "error" | "gap";
}

export async function loadPrices(file: string, opts: PriceOptions): Promise<LoadedPrices> {
  const maxGapMs = opts.maxGap === undefined ? undefined : parseDuration(opts.maxGap);
  if (opts.maxGap !== undefined && !(maxGapMs !== undefined && maxGapMs > 0))
    throw new InputError([
      {
        code: "bad_option",
        path: "--max-gap",
        message: `found "${opts.maxGap}"; allowed: a duration such as 2d`,
      },
    ]);
  const { series, report } = await loadSeries(file, {
    columns: { close: opts.column },
    // Every column: a row is null only when every cell of it is empty, as in a replay.
    read: "all",
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    ...(opts.to !== undefined ? { to: opts.to } : {}),
    ...(opts.nullRows !== undefined ? { nullRows: opts.nullRows } : {}),
  }).catch((e: unknown) => {
    // The loader speaks of the scenario key; here the option is a flag.
    if (!(e instanceof InputError)) throw e;
    const flag = (i: Issue) => ({ ...i, message: i.message.replace('nullRows: "gap"', "--null-rows gap") });
    throw new InputError(e.issues.map(flag), e.source);
  });
  if (maxGapMs !== undefined) {
    const issues: Issue[] = report.gaps
      .filter((g) => g.toMs - g.fromMs > maxGapMs)
      .map((g) => ({
        code: "gap",
        file,
        path: "--max-gap",
        message: `${formatDuration(g.toMs - g.fromMs)} between the bars of ${formatTime(g.fromMs)} and ${formatTime(g.toMs)}; allowed: at most ${formatDuration(maxGapMs)} (--max-gap)`,
      }));
    if (issues.length > 0) throw new InputError(issues);
  }
  return {
    timesMs: series.timesMs,
    close: series.columns["close"] as Float64Array,
    stepMs: series.stepMs,
    file,
    dropped: report.droppedNullRows.length,
  };
}
