/**
 * Historical replay end to end: real hourly ETH data (../shared/data) through `ballast run` and the
 * delta hedge; the manifest and report state the data range; bad data files are exit code 2 with
 * the file, row and problem named.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRun, readParquet } from "../reports/store.js";

const ROOT = resolve(import.meta.dirname, "..");
const DATA = resolve(ROOT, "../shared/data");
const tmp = mkdtempSync(join(tmpdir(), "ballast-replay-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli/bin.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function scenario(name: string, data: string): string {
  const f = join(tmp, `${name}.yaml`);
  writeFileSync(
    f,
    `name: ${name}
paths: 1
clock: { start: 2020-03-05T00:00:00Z, horizon: 14d, step: 1h }
market:
  assets:
    ETH: { data: ${data} }
book:
  - { kind: option, underlying: ETH, right: put, strike: atm, expiry: 14d, qty: -10, iv: 0.8 }
  - { kind: perp, underlying: ETH, collateral: 3000 }
strategy: { kind: delta-hedge, every: 1h }
report: { sampleSeries: 1, eventPaths: 1 }
`,
  );
  return f;
}

describe("bootstrap on the clock step", () => {
  it("resamples the file's hourly returns to a daily clock: daily paths keep ETH's annual vol", async () => {
    const f = join(tmp, "boot.yaml");
    writeFileSync(
      f,
      `name: boot
paths: 60
clock: { start: 2024-01-01T00:00:00Z, horizon: 60d, step: 1d }
market:
  assets:
    ETH: { model: { kind: bootstrap, data: ${join(DATA, "eth-usdt-2020-2022-1h.csv")}, spot: 3000, block: 5 } }
book:
  - { kind: perp, underlying: ETH, collateral: 3000 }
strategy: { kind: hold }
report: { sampleSeries: 60, eventPaths: 0 }
`,
    );
    const r = ballast("run", f, "--out", tmp, "--quiet");
    expect(r.code).toBe(0);
    const rows = await readParquet(join(r.out.trim(), "series.parquet"));
    const returns: number[] = [];
    for (let k = 1; k < rows.length; k++) {
      const a = rows[k - 1] as Record<string, unknown>;
      const b = rows[k] as Record<string, unknown>;
      if (a["path"] === b["path"]) returns.push(Math.log((b["price"] as number) / (a["price"] as number)));
    }
    const m = returns.reduce((x, y) => x + y, 0) / returns.length;
    const sd = Math.sqrt(returns.reduce((x, y) => x + (y - m) ** 2, 0) / (returns.length - 1));
    // ETH's 2020–22 hourly vol annualises to ≈ 0.99 (calibration); hourly returns reused as daily
    // ones would give ≈ 0.99/√24 ≈ 0.2.
    expect(sd * Math.sqrt(365)).toBeGreaterThan(0.7);
    expect(sd * Math.sqrt(365)).toBeLessThan(1.4);
  });
});

describe("historical replay", () => {
  it("overlays the scenario's shocks on the replayed prices, as on a model's paths", async () => {
    const data = `{ file: ${join(DATA, "eth-usdt-2020-2022-1h.csv")}, maxGap: 6h }`;
    const plain = scenario("plain", data);
    const shocked = join(tmp, "shocked.yaml");
    writeFileSync(
      shocked,
      readFileSync(plain, "utf8").replace(
        "market:\n",
        "market:\n  shocks: [{ kind: crash, asset: ETH, at: 2d, size: -0.5 }]\n",
      ),
    );
    const prices = async (file: string) => {
      const r = ballast("run", file, "--out", tmp, "--quiet");
      expect(r.code).toBe(0);
      const rows = await queryRun(r.out.trim(), "SELECT epoch_ms(time) AS timeMs, price FROM series");
      return rows.map((row) => [Number(row["timeMs"]), row["price"] as number]);
    };
    const before = await prices(plain);
    const after = await prices(shocked);
    const at = Date.parse("2020-03-07T00:00:00Z");
    expect(after.length).toBe(before.length);
    expect(before.every(([t]) => Number.isFinite(t))).toBe(true);
    let shockedPoints = 0;
    before.forEach(([t, p], k) => {
      const q = (after[k] as number[])[1] as number;
      if ((t as number) < at) expect(q).toBe(p);
      else {
        expect(q).toBeCloseTo((p as number) * 0.5, 9);
        shockedPoints++;
      }
    });
    expect(shockedPoints).toBeGreaterThan(200);
  });

  it("replays Black Thursday from the real hourly ETH series and states the data range", async () => {
    const r = ballast(
      "run",
      scenario("bt", `{ file: ${join(DATA, "eth-usdt-2020-2022-1h.csv")}, maxGap: 6h }`),
      "--out",
      tmp,
      "--quiet",
    );
    expect(r.code).toBe(0);
    const dir = r.out.trim();
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.manifest.dataRange).toEqual({
      from: "2020-03-05T00:00:00.000Z",
      to: "2020-03-19T00:00:00.000Z",
    });
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(
      /Data range \| 2020-03-05T00:00:00\.000Z – 2020-03-19T00:00:00\.000Z/,
    );
    const series = await readParquet(join(dir, "series.parquet"));
    // The replay reproduces the data: the 2020-03-12 00:00 bar opens at 194.61 (data README),
    // so the 2020-03-11 23:00 bar closes there or within a tick of it; the low of the window is 86.00 intraday,
    // so no hourly close is below it.
    const closes = series.map((row) => row["price"] as number);
    expect(Math.min(...closes)).toBeGreaterThanOrEqual(86);
    expect(series.length).toBe(14 * 24 + 1);
    const paths = await readParquet(join(dir, "paths.parquet"));
    expect(paths[0]?.["trades"]).toBeGreaterThan(100);
    // Settled against the last replayed price: the put's payoff is K − S_T per contract.
    expect(paths[0]?.["finalPrice"]).toBe(closes[closes.length - 1]);
  });

  it("names the gaps of the hourly file when the gap limit is too short (exit 2)", () => {
    const r = ballast(
      "run",
      scenario(
        "gaps",
        `{ file: ${join(DATA, "eth-usdt-2020-2022-1h.csv")}, maxGap: 1h, from: 2020-01-01, to: 2022-01-01 }`,
      ),
      "--out",
      tmp,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/eth-usdt-2020-2022-1h\.csv/);
    expect(r.err).toMatch(/gap/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("names bad rows of a small broken file (exit 2)", () => {
    const csv = join(tmp, "broken.csv");
    writeFileSync(
      csv,
      "timestamp,close\n2020-03-05T00:00:00Z,100\n2020-03-05T02:00:00Z,-5\n2020-03-05T01:00:00Z,NaN\n",
    );
    const r = ballast("run", scenario("broken", `{ file: ${csv} }`), "--out", tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.csv/);
    expect(r.err).toMatch(/row 3: close: price must be > 0, found -5/);
    expect(r.err).toMatch(/row 4: timestamp: unsorted/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("reports the Black Thursday loan's liquidation and bad debt in summary.json and report.md", () => {
    const r = ballast(
      "run",
      join(ROOT, "scenarios/examples/black-thursday-loan.yaml"),
      "--out",
      tmp,
      "--quiet",
    );
    expect(r.code).toBe(0);
    const dir = r.out.trim();
    const liq = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).metrics.liquidations;
    expect(liq.probability.value).toBe(1);
    expect(liq.badDebt.probability.value).toBe(1);
    // 1 080 USDC (plus interest) less 10 ETH × 107.82 / 1.05 (test/bad-debt.test.ts works it out).
    expect(liq.badDebt.mean.value).toBeGreaterThan(1080 - (10 * 107.82) / 1.05);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(
      /\| Bad debt \(mean per path\) \| 53\.\d\d \|/,
    );
  });

  it("names duplicate timestamps, zero prices, wrong types and missing columns (exit 2)", () => {
    const dup = join(tmp, "dup.csv");
    writeFileSync(
      dup,
      "timestamp,close\n2020-03-05T00:00:00Z,100\n2020-03-05T00:00:00Z,101\n2020-03-05T01:00:00Z,0\n2020-03-05T02:00:00Z,abc\n",
    );
    const r = ballast("run", scenario("dup", `{ file: ${dup} }`), "--out", tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/row 3: timestamp: duplicate/);
    expect(r.err).toMatch(/row 4: close: price must be > 0, found 0/);
    expect(r.err).toMatch(/row 5: close: .*"abc"/);
    const nocol = join(tmp, "nocol.csv");
    writeFileSync(nocol, "timestamp,open\n2020-03-05T00:00:00Z,100\n");
    const m = ballast("run", scenario("nocol", `{ file: ${nocol} }`), "--out", tmp);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/nocol\.csv.*close/);
    expect(m.err).not.toMatch(/\n\s+at /);
  });

  it("refuses to mix replayed and Monte-Carlo assets", () => {
    const f = join(tmp, "mixed.yaml");
    writeFileSync(
      f,
      readFileSync(
        scenario("m", `{ file: ${join(DATA, "eth-usdt-2020-2022-1h.csv")}, maxGap: 6h }`),
        "utf8",
      ).replace("    ETH:", "    BTC: { model: { kind: gbm, spot: 9000, vol: 0.7 } }\n    ETH:"),
    );
    const r = ballast("run", f, "--out", tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be mixed/);
  });
});
