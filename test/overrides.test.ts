/**
 * `--set` overrides and debt written as a target: an override gives the same outputs as the value
 * written in the file (scenario hash included), bad overrides are exit 2 naming the argument, and
 * `debt: { ltv }` / `{ healthFactor }` borrow what the closed forms say.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { applyOverrides, parseOverride } from "../cli/overrides.js";
import { InputError } from "../engine/errors.js";
import { run } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const tmp = mkdtempSync(join(tmpdir(), "ballast-set-"));

function ballast(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const LOAN = (debt: string, lt = 0.85) => `
name: loan
seed: 5
paths: 30
clock: { start: 2024-01-01T00:00:00Z, horizon: 10d, step: 1h }
market: { quote: USDC, assets: { ETH: { model: { kind: gbm, spot: 3000, vol: 1.2 } } } }
oracle: { kind: ideal }
venues: { lend: { kind: aave-v3, assets: { ETH: { lt: ${lt} }, USDC: {} } } }
liquidators: [{ name: keeper, latency: 12s, capital: 1000000, gas: 5, minProfit: 0 }]
book: [{ kind: loan, collateral: { ETH: 10 }, debt: ${debt} }]
strategy: { kind: hold }
report: { sampleSeries: 1, eventPaths: 1 }
`;

function file(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe("parseOverride", () => {
  it("reads the path with list indices and the value as YAML", () => {
    expect(parseOverride("book[0].qty=-5")).toMatchObject({
      path: "book[0].qty",
      segments: ["book", 0, "qty"],
      value: -5,
    });
    expect(parseOverride("strategy.every=4h").value).toBe("4h");
    expect(parseOverride("report.quantiles=[0.1, 0.9]").value).toEqual([0.1, 0.9]);
  });
  it("refuses a malformed argument naming it", () => {
    for (const bad of ["=3", "book[x].qty=1", "a..b=1", "noequals"]) {
      expect(() => parseOverride(bad)).toThrow(InputError);
      expect(() => parseOverride(bad)).toThrow(bad);
    }
  });
  it("creates missing mappings but never a list entry", () => {
    expect(applyOverrides({ a: {} }, [parseOverride("a.b.c=1")])).toEqual({ a: { b: { c: 1 } } });
    expect(() => applyOverrides({ book: [{}] }, [parseOverride("book[1].qty=1")])).toThrow(
      /--set book\[1\]\.qty=1: book has 1 entries/,
    );
    expect(() => applyOverrides({ paths: 3 }, [parseOverride("paths.x=1")])).toThrow(
      /paths is not a mapping/,
    );
  });
});

describe("--set", () => {
  it("gives the outputs of the same value written in the file", () => {
    const inFile = file("in-file.yaml", LOAN("{ ltv: 0.6 }"));
    const viaSet = file("via-set.yaml", LOAN("{ ltv: 0.3 }"));
    const a = ballast("run", inFile, "--out", join(tmp, "a"), "--quiet");
    const b = ballast("run", viaSet, "--out", join(tmp, "b"), "--quiet", "--set", "book[0].debt.ltv=0.6");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const reproduce = (dir: string) =>
      readFileSync(join(dir, "report.md"), "utf8").replace(/Run `ballast run .*`/, "");
    expect(reproduce(b.out.trim())).toBe(reproduce(a.out.trim()));
    expect(readFileSync(join(b.out.trim(), "report.md"), "utf8")).toContain("--set 'book[0].debt.ltv=0.6'");
    for (const t of ["paths.parquet", "events.parquet", "series.parquet"]) {
      expect(readFileSync(join(b.out.trim(), t)).equals(readFileSync(join(a.out.trim(), t)))).toBe(true);
    }
    const sa = JSON.parse(readFileSync(join(a.out.trim(), "summary.json"), "utf8"));
    const sb = JSON.parse(readFileSync(join(b.out.trim(), "summary.json"), "utf8"));
    expect(sb.manifest.overrides).toEqual(["book[0].debt.ltv=0.6"]);
    expect(sb.manifest.scenarioHash).toBe(sa.manifest.scenarioHash);
    for (const s of [sa, sb]) {
      delete s.manifest.overrides;
      delete s.manifest.scenarioFile;
    }
    expect(sb).toEqual(sa);
  });

  it("reports a bad value with the file's message and the argument, exit 2", () => {
    const f = file("bad.yaml", LOAN("{ ltv: 0.3 }"));
    const r = ballast("validate", f, "--set", "book[0].debt.ltv=abc", "--set", "strategy.evry=4h");
    expect(r.code).toBe(2);
    expect(r.err).toContain('book[0].debt.ltv: found "abc"; allowed: a loan-to-value between 0 and 1');
    expect(r.err).toContain("(set by --set book[0].debt.ltv=abc)");
    expect(r.err).toContain("strategy.evry: unknown key");
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("debt as a target", () => {
  const raw = (debt: unknown) => ({
    name: "t",
    seed: 9,
    paths: 40,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
    market: { quote: "USDC", assets: { ETH: { model: { kind: "gbm", spot: 2500, vol: 1.2 } } } },
    oracle: { kind: "ideal" },
    venues: { lend: { kind: "aave-v3", assets: { ETH: { lt: 0.85 }, USDC: {} } } },
    liquidators: [{ name: "k", latency: "12s", capital: 1e6, gas: 5, minProfit: 0 }],
    book: [{ kind: "loan", collateral: { ETH: 4 }, debt }],
  });
  const pnl = (debt: unknown) => Array.from(run(raw(debt)).metrics.columns.pnl);
  const liq = (debt: unknown) => Array.from(run(raw(debt)).metrics.columns.liquidations);

  it("ltv borrows ltv × collateral value; healthFactor borrows collateral·LT / HF", () => {
    // 4 ETH at 2 500 = 10 000 USDC of collateral: LTV 0.55 → 5 500; HF 1.7 at LT 0.85 → 5 000.
    expect(pnl({ ltv: 0.55 })).toEqual(pnl({ USDC: 5500 }));
    expect(liq({ ltv: 0.55 })).toEqual(liq({ USDC: 5500 }));
    const hf = pnl({ healthFactor: 1.7, asset: "USDC" });
    pnl({ USDC: 5000 }).forEach((x, i) => {
      expect(hf[i]).toBeCloseTo(x, 8);
    });
  });

  it("refuses an impossible target naming the field", () => {
    expect(() => run(raw({ ltv: 1.2 }))).toThrow(
      /book\[0\]\.debt\.ltv: found 1\.2; allowed: a loan-to-value/,
    );
    expect(() => run(raw({ ltv: 0.5, healthFactor: 2 }))).toThrow(/both ltv and healthFactor/);
    expect(() => run(raw({ ltv: 0.5, asset: "BTC" }))).toThrow(/book\[0\]\.debt\.asset: found "BTC"/);
    expect(() => run(raw({ ltv: 0.5, lvt: 1 }))).toThrow(/unknown key "lvt"/);
  });
});
