/**
 * Several assets on one clock, and the hand-over to the engine.
 *
 * Every series must already have the same step (resample first) and lie on the same clock phase.
 * The grid spans, by `join`:
 * - `intersection` (default): from the latest first bar to the earliest last bar — the time every
 *   asset covers. Data outside it is left out.
 * - `union`: from the earliest first bar to the latest last bar. An asset that starts later than the
 *   grid is an error (`no_prior_value`: filling backwards would use future prices); one that ends
 *   earlier is carried forward to the end under the gap policy.
 * Inside the grid each asset's holes follow the gap policy of `fill.ts` (forward-fill when its real
 * bars are at most `maxGap` apart, default 3 steps), counted per asset.
 */
import { InputError } from "../engine/errors.js";
import type { PathMarket, TimeGrid } from "../engine/market.js";
import { formatDuration } from "../engine/units.js";
import { columnKey } from "./columns.js";
import { checkClock, fillOnGrid } from "./fill.js";
import { cellIssue, IssueList } from "./issues.js";
import { durationOption } from "./options.js";
import { formatTime } from "./time-text.js";
import type { Gap, Series } from "./types.js";

export type JoinMode = "intersection" | "union";
/** Steps between real bars allowed by default: a hole of up to 2 missing bars is filled. */
export const DEFAULT_MAX_GAP_STEPS = 3;

export interface AlignInput {
  readonly name: string;
  readonly series: Series;
  /** This asset's gap limit; default `AlignOptions.maxGap`, else 3 steps. */
  readonly maxGap?: string | number;
}

export interface AlignOptions {
  readonly join?: JoinMode;
  readonly maxGap?: string | number;
}

export interface AlignedAsset {
  readonly name: string;
  /** On the grid: `timesMs[i] = grid.startMs + i·grid.stepMs`. */
  readonly series: Series;
  readonly gaps: readonly Gap[];
  readonly filled: number;
}

export interface Aligned {
  readonly grid: TimeGrid;
  readonly join: JoinMode;
  readonly assets: readonly AlignedAsset[];
}

function gridSpan(
  inputs: readonly AlignInput[],
  join: JoinMode,
  stepMs: number,
  issues: IssueList,
): TimeGrid | undefined {
  const firsts = inputs.map((a) => a.series.timesMs[0] as number);
  const lasts = inputs.map((a) => a.series.timesMs[a.series.timesMs.length - 1] as number);
  const startMs = join === "union" ? Math.min(...firsts) : Math.max(...firsts);
  const endMs = join === "union" ? Math.max(...lasts) : Math.min(...lasts);
  if (endMs < startMs || !Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    const spans = inputs.map(
      (a, i) => `${a.name} ${formatTime(firsts[i] as number)} → ${formatTime(lasts[i] as number)}`,
    );
    issues.add(
      cellIssue("no_overlap", "", undefined, undefined, `the assets share no time: ${spans.join("; ")}`),
    );
    return undefined;
  }
  return { startMs, stepMs, steps: Math.floor((endMs - startMs) / stepMs) };
}

function commonStep(inputs: readonly AlignInput[], issues: IssueList): number | undefined {
  const steps = new Set(inputs.map((a) => a.series.stepMs));
  if (steps.size === 1) return inputs[0]?.series.stepMs;
  const each = inputs.map((a) => `${a.name} ${formatDuration(a.series.stepMs)}`).join(", ");
  issues.add(
    cellIssue(
      "step_mismatch",
      "",
      undefined,
      undefined,
      `the assets have different steps (${each}); resample them to one step`,
    ),
  );
  return undefined;
}

/** Problems with the inputs themselves: an unknown join, no assets, an empty series. */
function checkInputs(inputs: readonly AlignInput[], join: JoinMode, issues: IssueList): void {
  if (join !== "intersection" && join !== "union") {
    const msg = `join ${JSON.stringify(join)} is not one of intersection, union`;
    issues.add(cellIssue("bad_option", "", undefined, undefined, msg));
  }
  const empty = inputs.filter((a) => a.series.timesMs.length === 0).map((a) => a.name);
  if (inputs.length === 0 || empty.length > 0) {
    const msg = `nothing to align: ${empty.length > 0 ? `no rows for ${empty.join(", ")}` : "no assets"}`;
    issues.add(cellIssue("no_rows", "", undefined, undefined, msg));
  }
}

/**
 * Puts every input series on one regular grid (see the file header for the policies).
 * @throws InputError listing every problem of every asset.
 */
export function alignSeries(inputs: readonly AlignInput[], options: AlignOptions = {}): Aligned {
  const issues = new IssueList();
  const join = options.join ?? "intersection";
  checkInputs(inputs, join, issues);
  issues.throwIfAny("market data");
  const stepMs = commonStep(inputs, issues);
  const grid = stepMs === undefined ? undefined : gridSpan(inputs, join, stepMs, issues);
  if (grid === undefined) throw new InputError(issues.list(), "market data");
  const fallbackGapMs =
    durationOption("", "maxGap", options.maxGap, issues) ?? DEFAULT_MAX_GAP_STEPS * grid.stepMs;
  const assets = inputs.map((a) => {
    const maxGapMs = durationOption(a.series.file, "maxGap", a.maxGap, issues) ?? fallbackGapMs;
    const fill = checkClock(a.series, a.name, issues)
      ? fillOnGrid(a.series, grid, maxGapMs, a.name, issues)
      : { series: a.series, gaps: [], filled: 0 };
    return { name: a.name, series: fill.series, gaps: fill.gaps, filled: fill.filled };
  });
  issues.throwIfAny("market data");
  return { grid, join, assets };
}

/** Which column of which aligned asset feeds the engine's price (and optional vol / funding). */
export interface MarketColumn {
  readonly name: string;
  readonly column: string;
  readonly vol?: string;
  readonly funding?: string;
}

/** The grid-checked column `key` of `asset`, copied; undefined (with an issue) when absent or off-grid. */
function gridColumn(
  asset: AlignedAsset,
  grid: TimeGrid,
  column: string,
  issues: IssueList,
): Float64Array | undefined {
  const values = asset.series.columns[columnKey(column)];
  if (values === undefined) {
    const has = Object.keys(asset.series.columns).join(", ");
    issues.add(
      cellIssue(
        "missing_column",
        asset.series.file,
        undefined,
        column,
        `${asset.name} has no column "${column}" (it has ${has})`,
      ),
    );
    return undefined;
  }
  const t = asset.series.timesMs;
  let regular = t.length === grid.steps + 1 && values.length === t.length;
  for (let i = 0; regular && i < t.length; i++) regular = t[i] === grid.startMs + i * grid.stepMs;
  if (!regular) {
    const msg = `${asset.name} is not on the ${formatDuration(grid.stepMs)} grid from ${formatTime(grid.startMs)}; align it (gap policy) first`;
    issues.add(cellIssue("irregular_grid", asset.series.file, undefined, undefined, msg));
    return undefined;
  }
  return values.slice();
}

/**
 * The engine's `PathMarket` from aligned series: `price[j]` is `assets[j].column` of the asset named
 * `assets[j].name`; `vol` / `funding` are set when any asset names such a column. Arrays are copies.
 * @throws InputError when an asset or column is missing, or a series is not exactly on the grid.
 */
export function toPathMarket(aligned: Aligned, assets: readonly MarketColumn[]): PathMarket {
  const issues = new IssueList();
  const byName = new Map(aligned.assets.map((a) => [a.name, a]));
  const pick = (spec: MarketColumn, column: string | undefined): Float64Array | undefined => {
    const asset = byName.get(spec.name);
    if (asset === undefined || column === undefined) return undefined;
    return gridColumn(asset, aligned.grid, column, issues);
  };
  for (const spec of assets) {
    if (!byName.has(spec.name)) {
      const known = [...byName.keys()].join(", ");
      issues.add(
        cellIssue(
          "unknown_asset",
          "",
          undefined,
          undefined,
          `no aligned asset "${spec.name}" (aligned: ${known})`,
        ),
      );
    }
  }
  const price = assets.map((s) => pick(s, s.column) ?? new Float64Array(0));
  const vol = assets.map((s) => pick(s, s.vol));
  const funding = assets.map((s) => pick(s, s.funding));
  issues.throwIfAny("market data");
  return {
    grid: aligned.grid,
    assets: assets.map((s) => s.name),
    price,
    ...(vol.some((v) => v !== undefined) ? { vol } : {}),
    ...(funding.some((f) => f !== undefined) ? { funding } : {}),
  };
}
