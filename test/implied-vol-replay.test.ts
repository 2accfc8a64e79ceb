/**
 * A replayed implied vol (`iv: { kind: column }`) end to end, through `ballast run`: the real hourly
 * ETH prices of March 2020 (../shared/data) with a DVOL-like index beside them. No implied-vol
 * index is among the shared data, so the test writes one into a scratch copy of the window: a
 * documented synthetic index, 100 × (the trailing 24-hour realised vol of the hourly closes,
 * annualised, + 10 points), in percent as vol indices quote. The run must mark its option at
 * exactly that column / 100, hour by hour, and value it at the horizon at Black–Scholes on the
 * final price and final replayed vol (recomputed here).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blackPrice } from "../engine/pricing/black.js";
import { queryRun } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const DATA = resolve(ROOT, "../shared/data/eth-usdt-2020-2022-1h.csv");
const tmp = mkdtempSync(join(tmpdir(), "ballast-iv-replay-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The window 2020-03-01 … 2020-03-20 with its synthetic index column `dvol`. */
function writeFixture(): { file: string; dvol: Map<string, number> } {
  const rows = readFileSync(DATA, "utf8").trim().split("\n").slice(1);
  const win = rows.filter((r) => r >= "2020-02-29T00" && r < "2020-03-21T00");
  const close = win.map((r) => Number(r.split(",")[4]));
  const out = ["timestamp,close,dvol"];
  const dvol = new Map<string, number>();
  win.forEach((r, i) => {
    if (i < 24) return;
    let ss = 0;
    for (let k = i - 23; k <= i; k++) ss += Math.log((close[k] as number) / (close[k - 1] as number)) ** 2;
    const index = Number((100 * (Math.sqrt((ss / 24) * 8760) + 0.1)).toFixed(4));
    const ts = r.split(",")[0] as string;
    dvol.set(ts, index);
    out.push(`${ts},${close[i]},${index}`);
  });
  const file = join(tmp, "eth-dvol.csv");
  writeFileSync(file, `${out.join("\n")}\n`);
  return { file, dvol };
}

describe("implied vol replayed from a data column", () => {
  it("marks the option at the column (in percent, scale 0.01) and values it at Black–Scholes on it", async () => {
    const { file, dvol } = writeFixture();
    const yaml = join(tmp, "iv-replay.yaml");
    writeFileSync(
      yaml,
      `name: iv-replay
paths: 1
clock: { start: 2020-03-05T00:00:00Z, horizon: 10d, step: 1h }
market:
  assets:
    ETH:
      data: { file: ${file}, column: close, vol: dvol }
      iv: { kind: column, scale: 0.01 }
book:
  - { kind: option, underlying: ETH, right: call, strike: atm, expiry: 20d, qty: 1 }
  - { kind: perp, underlying: ETH, collateral: 3000 }
strategy: { kind: hold }
report: { sampleSeries: 1, eventPaths: 0 }
`,
    );
    const r = spawnSync(process.execPath, [join(ROOT, "dist/cli/bin.js"), "run", yaml, "--out", tmp], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const folder = join(tmp, "iv-replay");
    const rows = (await queryRun(
      folder,
      "SELECT strftime(time, '%Y-%m-%dT%H:%M:%SZ') AS ts, price, iv FROM series ORDER BY time",
    )) as { ts: string; price: number; iv: number }[];
    expect(rows.length).toBe(241);
    for (const row of rows) expect(row.iv).toBeCloseTo((dvol.get(row.ts) as number) / 100, 12);
    const [first, last] = [
      rows[0] as { price: number; iv: number },
      rows[240] as { price: number; iv: number },
    ];
    const open = blackPrice(true, first.price, first.price, 20 / 365, 0, 0, first.iv);
    const close = blackPrice(true, last.price, first.price, 10 / 365, 0, 0, last.iv);
    const [path] = (await queryRun(folder, "SELECT pnl FROM paths")) as { pnl: number }[];
    expect(path?.pnl).toBeCloseTo(close - open, 6);
  });
});
