/**
 * Historical funding replayed end to end: `scenarios/examples/btc-perp-funding.yaml` (real BTC perp
 * minute bars, the synthetic 8-hourly funding fixture) through `ballast run`, checked against an
 * independent sum of rate × price over the funding times; and a funding-spike shock on a replay,
 * refused before `data.funding` existed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compile } from "../cli/compile.js";
import { KINDS } from "../cli/kinds.js";
import { InputError, type Issue } from "../engine/errors.js";
import { readParquet } from "../reports/store.js";
import { validateScenario } from "../scenarios/schema/validate.js";

const ROOT = resolve(import.meta.dirname, "..");
const EXAMPLE = join(ROOT, "scenarios/examples/btc-perp-funding.yaml");
const tmp = mkdtempSync(join(tmpdir(), "ballast-funding-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const H = 3_600_000;

function run(file: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli/bin.js"), "run", file, "--out", tmp], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

/**
 * Hourly price at T as the replay builds it: the close of the last minute bar in [T, T + 1 h), bars
 * after the window's inclusive end (2022-02-01 00:00, start + horizon) left out.
 */
function hourlyCloses(): Map<number, number> {
  const text = readFileSync(resolve(ROOT, "../shared/data/btc-perp-2022-01-1m.csv"), "utf8");
  const out = new Map<number, number>();
  for (const line of text.trim().split("\n").slice(1)) {
    const [ts, , , , close] = line.split(",");
    const t = Date.parse(`${(ts as string).replace(" ", "T").slice(0, 19)}Z`);
    if (t > Date.UTC(2022, 1, 1)) break;
    out.set(Math.floor(t / H) * H, Number(close));
  }
  return out;
}

function fundingRates(): Map<number, number> {
  const text = readFileSync(join(ROOT, "data/fixtures/btc-funding-2022-01-8h.csv"), "utf8");
  const rows = text.trim().split("\n").slice(1);
  return new Map(rows.map((l) => [Date.parse(l.split(",")[0] as string), Number(l.split(",")[1])]));
}

async function fundingPaid(dir: string): Promise<number> {
  const paths = await readParquet(join(dir, "paths.parquet"));
  return paths[0]?.["funding"] as number;
}

describe("replayed funding", () => {
  it("the example pays Σ rate(T)·1 BTC·price(T) over the 8-hourly funding times of January", async () => {
    const r = run(EXAMPLE);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const price = hourlyCloses();
    const rate = fundingRates();
    let expected = 0;
    const start = Date.UTC(2022, 0, 1);
    for (let t = start + 8 * H; t <= start + 31 * 24 * H; t += 8 * H) {
      expected += (rate.get(t) as number) * (price.get(t) as number);
    }
    expect(expected).toBeGreaterThan(100); // mostly positive rates: the long pays
    expect(await fundingPaid(r.out)).toBeCloseTo(expected, 6);
  });
  it("a funding-spike shock on a replay pays its rate at the funding time inside its window", async () => {
    const text = readFileSync(EXAMPLE, "utf8")
      .replace(/\n\s*funding: \{ file:[^\n]*/, "")
      .replace(
        "quote: USDT\n",
        "quote: USDT\n  shocks: [{ kind: funding-spike, asset: BTC, at: 2d, for: 8h, rate: 0.003 }]\n",
      )
      .replace("file: ../../../shared", `file: ${resolve(ROOT, "../shared")}`)
      .replace("name: btc-perp-funding", "name: spike-on-replay");
    const f = join(tmp, "spike.yaml");
    writeFileSync(f, text);
    const r = run(f);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const t = Date.UTC(2022, 0, 3); // the one funding time in [2 d, 2 d + 8 h)
    expect(await fundingPaid(r.out)).toBeCloseTo(0.003 * (hourlyCloses().get(t) as number), 6);
  });
});

describe("data.funding in the scenario", () => {
  const example = () =>
    parse(readFileSync(EXAMPLE, "utf8")) as {
      market: { assets: { BTC: { data: Record<string, unknown> } } };
    };
  const problems = (raw: unknown): Issue[] => {
    try {
      compile(validateScenario(raw, KINDS, "s.yaml"));
    } catch (e) {
      if (e instanceof InputError) return [...e.issues];
      throw e;
    }
    return [];
  };
  it("names a wrong shape or an unknown key of data.funding", () => {
    const a = example();
    a.market.assets.BTC.data["funding"] = 5;
    expect(problems(a).map((i) => i.path)).toEqual(["market.assets.BTC.data.funding"]);
    const b = example();
    b.market.assets.BTC.data["funding"] = { file: "f.csv", evry: "8h" };
    expect(problems(b).map((i) => i.path)).toEqual(["market.assets.BTC.data.funding.evry"]);
  });
  it("refuses funding files published at another interval than the venue pays", () => {
    const a = example();
    a.market.assets.BTC.data["funding"] = { file: "f.csv", every: "1h" };
    const issue = problems(a).find((i) => i.code === "funding_interval");
    expect(issue?.path).toBe("venues.perp.fundingInterval");
    expect(issue?.message).toMatch(/found 8h, but market\.assets\.BTC\.data\.funding has rates every 1h/);
  });
});
