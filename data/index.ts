/** The historical market-data layer's public API (see data/README.md). */
export {
  type Aligned,
  type AlignedAsset,
  type AlignInput,
  type AlignOptions,
  alignSeries,
  DEFAULT_MAX_GAP_STEPS,
  type JoinMode,
  type MarketColumn,
  toPathMarket,
} from "./align.js";
export { fillOnGrid, type GridFill } from "./fill.js";
export { DEFAULT_ISSUE_LIMIT, IssueList } from "./issues.js";
export { loadSeries } from "./load.js";
export {
  type AssetDataReport,
  type AssetDataSpec,
  loadMarketData,
  type MarketData,
  type MarketDataOptions,
  type MarketDataReport,
} from "./market-data.js";
export { type Resampled, resample, sliceRange } from "./resample.js";
export { findGaps, modalStepMs } from "./step.js";
export { formatTime, parseTimeOption } from "./time-text.js";
export type {
  DataFormat,
  DataIssue,
  Gap,
  LoadedSeries,
  LoadOptions,
  LoadReport,
  Series,
  ValueRole,
} from "./types.js";
