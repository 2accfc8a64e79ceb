/**
 * Data-loading benchmark: a year of minute bars for 3 assets (3 × 525 600 = 1 576 800 rows), written
 * to temporary CSV, Parquet and Arrow files, then loaded, validated and aligned with
 * `loadMarketData`. Prices are a deterministic LCG random walk (no `Math.random`), so every run reads
 * the same bytes. Reports the best of a few runs per format; the files are removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  Float64,
  makeData,
  makeVector,
  Table,
  TimestampMillisecond,
  tableToIPC,
  type Vector,
} from "apache-arrow";
import { type AssetDataSpec, loadMarketData } from "../data/index.js";

const ASSETS = ["ETH", "BTC", "SOL"] as const;
const BARS = 365 * 24 * 60;
const START_MS = Date.UTC(2023, 0, 1);
const MINUTE_MS = 60_000;
const RUNS = 3;

interface Bars {
  timesMs: Float64Array;
  cols: Record<"open" | "high" | "low" | "close" | "volume", Float64Array>;
}

/** Numerical Recipes' 32-bit LCG, as uniforms in [0, 1). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

const cents = (v: number) => Math.round(v * 100) / 100;

function makeBars(seed: number, spot: number): Bars {
  const u = lcg(seed);
  const cols = {
    open: new Float64Array(BARS),
    high: new Float64Array(BARS),
    low: new Float64Array(BARS),
    close: new Float64Array(BARS),
    volume: new Float64Array(BARS),
  };
  const timesMs = new Float64Array(BARS);
  let price = spot;
  for (let i = 0; i < BARS; i++) {
    const open = cents(price);
    price *= 1 + 0.002 * (u() - 0.5);
    const close = cents(price);
    timesMs[i] = START_MS + i * MINUTE_MS;
    cols.open[i] = open;
    cols.close[i] = close;
    cols.high[i] = cents(Math.max(open, close) * (1 + 0.0005 * u()));
    cols.low[i] = cents(Math.min(open, close) * (1 - 0.0005 * u()));
    cols.volume[i] = cents(100 + 1000 * u());
  }
  return { timesMs, cols };
}

function writeCsv(path: string, bars: Bars): void {
  const { open, high, low, close, volume } = bars.cols;
  const lines = ["timestamp,open,high,low,close,volume"];
  for (let i = 0; i < BARS; i++) {
    const t = new Date(bars.timesMs[i] as number).toISOString().slice(0, 19);
    lines.push(`${t}Z,${open[i]},${high[i]},${low[i]},${close[i]},${volume[i]}`);
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function writeArrow(path: string, bars: Bars): void {
  const stamps = BigInt64Array.from(bars.timesMs, (t) => BigInt(t));
  const columns: Record<string, Vector> = {
    timestamp: makeVector(makeData({ type: new TimestampMillisecond(), length: BARS, data: stamps })),
  };
  for (const [k, v] of Object.entries(bars.cols))
    columns[k] = makeVector(makeData({ type: new Float64(), length: BARS, data: v }));
  writeFileSync(path, tableToIPC(new Table(columns), "file"));
}

/** Parquet with a TIMESTAMP column and DOUBLE prices, converted by DuckDB from the CSV. */
async function writeParquet(csvPath: string, path: string): Promise<void> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const cols =
    "{'timestamp': 'TIMESTAMPTZ', 'open': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE', 'close': 'DOUBLE', 'volume': 'DOUBLE'}";
  await con.run(
    `COPY (SELECT timestamp::TIMESTAMP AS timestamp, open, high, low, close, volume FROM read_csv($1, header = true, columns = ${cols})) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`,
    [csvPath],
  );
  con.closeSync();
  db.closeSync();
}

async function timeLoad(
  name: string,
  dir: string,
  ext: string,
): Promise<{ name: string; rows: number; seconds: number }> {
  const spec: Record<string, AssetDataSpec> = {};
  for (const a of ASSETS) spec[a] = { file: `${a}.${ext}` };
  let best = Number.POSITIVE_INFINITY;
  let rows = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const data = await loadMarketData(spec, { baseDir: dir });
    best = Math.min(best, (performance.now() - t0) / 1000);
    rows = data.report.rows;
    if (data.market.grid.steps !== BARS - 1) throw new Error(`${name}: expected ${BARS} grid points`);
  }
  return { name, rows, seconds: best };
}

/** Times loading + aligning 3 assets × 1 year of minute bars from CSV, Parquet and Arrow. */
export async function benchDataLoad(): Promise<{ name: string; rows: number; seconds: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), "ballast-bench-data-"));
  try {
    for (const [k, asset] of ASSETS.entries()) {
      const bars = makeBars(k + 1, 1000 * (k + 1));
      writeCsv(join(dir, `${asset}.csv`), bars);
      writeArrow(join(dir, `${asset}.arrow`), bars);
      await writeParquet(join(dir, `${asset}.csv`), join(dir, `${asset}.parquet`));
    }
    const label = `3 assets × 1y of 1m bars`;
    return [
      await timeLoad(`csv, ${label}`, dir, "csv"),
      await timeLoad(`parquet, ${label}`, dir, "parquet"),
      await timeLoad(`arrow, ${label}`, dir, "arrow"),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
