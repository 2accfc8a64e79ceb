/**
 * `ballast calibrate <data>`: fit a price model to a historical series and print a scenario
 * fragment for `market.assets` (with the fit's diagnostics as YAML comments), or JSON with --json.
 * The loader is injected (cli/main wires the data/ loader), so this file does no file I/O itself.
 */
import { basename } from "node:path";
import { Command, Option } from "commander";
import {
  CALIBRATORS,
  type CalibratedKind,
  type Calibration,
  toScenarioSnippet,
} from "../scenarios/calibrate/index.js";
import { formatNumber } from "../scenarios/calibrate/snippet.js";

export interface LoadedPrices {
  readonly timesMs: Float64Array;
  readonly close: Float64Array;
  readonly stepMs: number;
  readonly file: string;
}

/**
 * Loads one price column of a data file. The second argument is the `--column` value; a loader must
 * return that column in `close` (or reject with an InputError when the file has no such column).
 */
export type LoadPrices = (file: string, column: string) => Promise<LoadedPrices>;

const MODELS = Object.keys(CALIBRATORS) as CalibratedKind[];

/** "eth-usdt-2020-2022-1h.csv" → "ETH": the first word of the file name, upper-cased. */
export function assetFromFile(file: string): string {
  const word = /^[A-Za-z0-9]+/.exec(basename(file))?.[0];
  return word ? word.toUpperCase() : "ASSET";
}

/** The text output: the snippet, then the diagnostics as YAML comments. */
export function renderCalibration(fit: Calibration, asset: string, file: string): string {
  const lines = [
    `# ${fit.model} fitted to ${file} (${fit.n} log returns)`,
    ...(fit.logLikelihood === undefined ? [] : [`# log-likelihood: ${formatNumber(fit.logLikelihood)}`]),
    ...Object.entries(fit.extra).map(([k, v]) => `# ${k}: ${formatNumber(v)}`),
    ...fit.notes.map((n) => `# note: ${n}`),
    toScenarioSnippet(asset, fit.model, fit.params),
  ];
  return `${lines.join("\n")}\n`;
}

export function renderCalibrationJson(fit: Calibration, asset: string, file: string): string {
  const snippet = toScenarioSnippet(asset, fit.model, fit.params);
  return `${JSON.stringify({ file, asset, ...fit, snippet }, null, 2)}\n`;
}

interface CalibrateOptions {
  readonly model: CalibratedKind;
  readonly column: string;
  readonly asset?: string;
  readonly json?: boolean;
}

export function calibrateCommand(loadPrices: LoadPrices): Command {
  return new Command("calibrate")
    .description(
      "fit a price model (gbm, merton, garch, heston) to historical prices; prints a scenario snippet",
    )
    .argument("<data>", "price file (CSV, Parquet or Arrow) with a regular time step")
    .addOption(new Option("--model <kind>", "model to fit").choices(MODELS).default("gbm"))
    .option("--column <name>", "price column to fit", "close")
    .option("--asset <name>", "asset name for the snippet (default: first word of the file name)")
    .option("--json", "print JSON instead of YAML")
    .action(async (data: string, opts: CalibrateOptions) => {
      const loaded = await loadPrices(data, opts.column);
      const fit = CALIBRATORS[opts.model](loaded.close, loaded.stepMs, loaded.timesMs);
      const asset = opts.asset ?? assetFromFile(loaded.file);
      const render = opts.json ? renderCalibrationJson : renderCalibration;
      process.stdout.write(render(fit, asset, loaded.file));
    });
}
