/**
 * `ballast calibrate <data>`: fit a price model to a historical series and print a scenario
 * fragment for `market.assets` (with the fit's diagnostics as YAML comments), or JSON with --json.
 * The loader is injected (cli/main wires cli/calibrate-data), so this file does no file I/O itself.
 * Warnings (a large fitted drift, Heston on coarse steps) go to stderr and into the JSON.
 */
import { basename } from "node:path";
import { Command, Option } from "commander";
import { InputError } from "../engine/errors.js";
import {
  CALIBRATORS,
  type CalibratedKind,
  type Calibration,
  toScenarioSnippet,
} from "../scenarios/calibrate/index.js";
import { formatNumber } from "../scenarios/calibrate/snippet.js";
import { adjustFit, type FitChoices } from "./calibrate-checks.js";
import type { PriceOptions } from "./calibrate-data.js";

export interface LoadedPrices {
  readonly timesMs: Float64Array;
  readonly close: Float64Array;
  readonly stepMs: number;
  readonly file: string;
  /** All-null rows dropped (`--null-rows gap`). */
  readonly dropped?: number;
}

/**
 * Loads one price column of a data file with the replay's options (`--column`, `--from`, `--to`,
 * `--max-gap`, `--null-rows`); the column comes back in `close`. Bad input rejects with an InputError.
 */
export type LoadPrices = (file: string, opts: PriceOptions) => Promise<LoadedPrices>;

const MODELS = Object.keys(CALIBRATORS) as CalibratedKind[];

/** "eth-usdt-2020-2022-1h.csv" → "ETH": the first word of the file name, upper-cased. */
export function assetFromFile(file: string): string {
  const word = /^[A-Za-z0-9]+/.exec(basename(file))?.[0];
  return word ? word.toUpperCase() : "ASSET";
}

/** What is printed: the fit, its snippet's text fields (garch's `step`) and the warnings. */
export interface CalibrationOutput {
  readonly fit: Calibration;
  readonly text: Readonly<Record<string, string>>;
  readonly warnings: readonly string[];
}

/** The text output: the snippet, then the diagnostics as YAML comments. */
export function renderCalibration(out: CalibrationOutput, asset: string, file: string): string {
  const { fit } = out;
  const lines = [
    `# ${fit.model} fitted to ${file} (${fit.n} log returns)`,
    ...(fit.logLikelihood === undefined ? [] : [`# log-likelihood: ${formatNumber(fit.logLikelihood)}`]),
    ...Object.entries(fit.extra).map(([k, v]) => `# ${k}: ${formatNumber(v)}`),
    ...fit.notes.map((n) => `# note: ${n}`),
    ...out.warnings.map((w) => `# warning: ${w}`),
    toScenarioSnippet(asset, fit.model, fit.params, out.text),
  ];
  return `${lines.join("\n")}\n`;
}

export function renderCalibrationJson(out: CalibrationOutput, asset: string, file: string): string {
  const snippet = toScenarioSnippet(asset, out.fit.model, out.fit.params, out.text);
  return `${JSON.stringify({ file, asset, ...out.fit, ...out.text, warnings: out.warnings, snippet }, null, 2)}\n`;
}

interface CalibrateOptions extends FitChoices {
  readonly model: CalibratedKind;
  readonly column: string;
  readonly asset?: string;
  readonly json?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly maxGap?: string;
  readonly nullRows?: "error" | "gap";
}

export function calibrateCommand(loadPrices: LoadPrices): Command {
  return new Command("calibrate")
    .description(
      "fit a price model (gbm, merton, garch, heston) to historical prices; prints a scenario snippet",
    )
    .argument("<data>", "price file (CSV, Parquet or Arrow) with a regular time step")
    .addOption(new Option("--model <kind>", "model to fit").choices(MODELS).default("gbm"))
    .option("--column <name>", "price column to fit", "close")
    .option("--from <time>", "first timestamp used, inclusive (ISO time, as a replay's data.from)")
    .option("--to <time>", "last timestamp used, inclusive (ISO time)")
    .option("--max-gap <duration>", "refuse a gap between real bars longer than this (as data.maxGap)")
    .addOption(
      new Option("--null-rows <policy>", "all-null rows: error, or gap to drop them (as data.nullRows)")
        .choices(["error", "gap"])
        .default("error"),
    )
    .option("--zero-drift", "fix the drift at 0 instead of the fitted one")
    .option("--asset <name>", "asset name for the snippet (default: first word of the file name)")
    .option("--json", "print JSON instead of YAML")
    .action(async (data: string, opts: CalibrateOptions) => {
      const loaded = await loadPrices(data, pick(opts));
      const fit = CALIBRATORS[opts.model](loaded.close, loaded.stepMs, loaded.timesMs);
      const out = adjustFit(fit, loaded.stepMs, opts);
      checkFinite(out.fit, loaded.file);
      const asset = opts.asset ?? assetFromFile(loaded.file);
      for (const w of out.warnings) process.stderr.write(`ballast: warning: ${w}\n`);
      const render = opts.json ? renderCalibrationJson : renderCalibration;
      process.stdout.write(render(out, asset, loaded.file));
    });
}

function pick(opts: CalibrateOptions): PriceOptions {
  return {
    column: opts.column,
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    ...(opts.to !== undefined ? { to: opts.to } : {}),
    ...(opts.maxGap !== undefined ? { maxGap: opts.maxGap } : {}),
    ...(opts.nullRows !== undefined ? { nullRows: opts.nullRows } : {}),
  };
}

/** A parameter that is not a finite number would be written as NaN or Infinity: refuse instead. */
function checkFinite(fit: Calibration, file: string): void {
  const bad = Object.entries(fit.params).filter(([, v]) => !Number.isFinite(v));
  if (bad.length === 0) return;
  throw new InputError(
    bad.map(([k, v]) => ({
      code: "bad_fit",
      file,
      path: k,
      message: `the ${fit.model} fit gives ${k} = ${v}; allowed: a finite number (the series is too flat, too short or its prices too small to fit)`,
    })),
  );
}
