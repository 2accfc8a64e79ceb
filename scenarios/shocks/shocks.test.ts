import { describe, expect, it } from "vitest";
import type { Issue } from "../../engine/errors.js";
import { InputError } from "../../engine/errors.js";
import { allocMarket, type PathMarket } from "../../engine/market.js";
import { Rng } from "../../engine/rng.js";
import { MS_PER_HOUR } from "../../engine/units.js";
import { shockKinds } from "./registry.js";
import type { Shock } from "./types.js";

const grid = { startMs: 1_700_000_000_000, stepMs: MS_PER_HOUR, steps: 240 };
const assets = ["ETH", "USDC"];
const assetIndex = (name: string) => assets.indexOf(name);

/** A random-walk market: ETH around 3000, USDC at 1 with tiny noise; vol column 0.8 / 0.01. */
function market(): PathMarket {
  const m = allocMarket(grid, assets, true);
  const rng = new Rng("shock-market");
  let x = Math.log(3000);
  for (let i = 0; i <= grid.steps; i++) {
    (m.price[0] as Float64Array)[i] = Math.exp(x);
    (m.price[1] as Float64Array)[i] = 1 + 1e-4 * rng.normal();
    x += 0.01 * rng.normal();
  }
  m.vol?.[0]?.fill(0.8);
  m.vol?.[1]?.fill(0.01);
  return m;
}

function shock(raw: Record<string, unknown>): Shock {
  const issues: Issue[] = [];
  const c = shockKinds.read(raw, "shock", issues);
  expect(issues).toEqual([]);
  return c!.def.create(c!.params);
}

function ratios(before: PathMarket, after: PathMarket, k = 0): number[] {
  return Array.from(
    after.price[k] as Float64Array,
    (p, i) => p / ((before.price[k] as Float64Array)[i] as number),
  );
}

describe("crash", () => {
  it("instant: prices from `at` on are scaled by 1 + size, earlier ones untouched", () => {
    const m = market();
    shock({ kind: "crash", asset: "ETH", at: "10h", size: -0.35 }).apply(m, assetIndex);
    const r = ratios(market(), m);
    expect(r.slice(0, 10)).toEqual(Array(10).fill(1));
    for (const x of r.slice(10)) expect(x).toBeCloseTo(0.65, 12);
  });

  it("ramped: geometric over the window — half-way at √0.65, full after", () => {
    const m = market();
    shock({ kind: "crash", asset: "ETH", at: "10h", size: -0.35, over: "4h" }).apply(m, assetIndex);
    const r = ratios(market(), m);
    expect(r[10]).toBe(1);
    expect(r[12]).toBeCloseTo(Math.sqrt(0.65), 12);
    for (const x of r.slice(14)) expect(x).toBeCloseTo(0.65, 12);
  });

  it("keeps prices positive for a −99.9 % crash; a crash after the horizon changes nothing", () => {
    const m = market();
    shock({ kind: "crash", asset: "ETH", at: "1d", size: -0.999 }).apply(m, assetIndex);
    expect((m.price[0] as Float64Array).every((p) => p > 0)).toBe(true);
    const late = market();
    shock({ kind: "crash", asset: "ETH", at: "30d", size: -0.5 }).apply(late, assetIndex);
    expect(late).toEqual(market());
  });
});

describe("depeg", () => {
  it("ramps to the trough, holds, and recovers to exactly the unshocked path", () => {
    const m = market();
    const raw = {
      kind: "depeg",
      asset: "USDC",
      at: "24h",
      size: -0.13,
      over: "6h",
      hold: "12h",
      recover: "30h",
    };
    shock(raw).apply(m, assetIndex);
    const r = ratios(market(), m, 1);
    expect(r[24]).toBe(1);
    expect(r[27]).toBeCloseTo(Math.sqrt(0.87), 12);
    for (let i = 30; i <= 42; i++) expect(r[i]).toBeCloseTo(0.87, 12);
    expect(r[57]).toBeCloseTo(Math.exp(Math.log(0.87) / 2), 12);
    for (const x of r.slice(72)) expect(x).toBeCloseTo(1, 12);
    expect(m.price[0]).toEqual(market().price[0]);
  });

  it("without recover it stays at the deviation", () => {
    const m = market();
    shock({ kind: "depeg", asset: "USDC", at: "1h", size: -0.05 }).apply(m, assetIndex);
    for (const x of ratios(market(), m, 1).slice(1)) expect(x).toBeCloseTo(0.95, 12);
  });
});

describe("vol-spike", () => {
  it("multiplies log returns inside the window only, and the vol column there", () => {
    const m = market();
    shock({ kind: "vol-spike", asset: "ETH", at: "20h", for: "10h", multiplier: 3 }).apply(m, assetIndex);
    const a = market().price[0] as Float64Array;
    const b = m.price[0] as Float64Array;
    for (let i = 1; i <= grid.steps; i++) {
      const ra = Math.log((a[i] as number) / (a[i - 1] as number));
      const rb = Math.log((b[i] as number) / (b[i - 1] as number));
      expect(rb).toBeCloseTo(i > 20 && i <= 30 ? 3 * ra : ra, 12);
    }
    expect(m.vol?.[0]?.[19]).toBe(0.8);
    expect(m.vol?.[0]?.[20]).toBeCloseTo(2.4, 12);
    expect(m.vol?.[0]?.[30]).toBe(0.8);
  });
});

describe("funding-spike", () => {
  it("allocates a NaN column and writes the rate in [at, at + for)", () => {
    const m = market();
    shock({ kind: "funding-spike", asset: "ETH", at: "8h", for: "16h", rate: 0.003 }).apply(m, assetIndex);
    shock({ kind: "funding-spike", asset: "ETH", at: "48h", for: "1h", rate: -0.001 }).apply(m, assetIndex);
    const f = m.funding?.[0] as Float64Array;
    expect(f.length).toBe(grid.steps + 1);
    expect(Number.isNaN(f[7])).toBe(true);
    expect([...f.slice(8, 24)]).toEqual(Array(16).fill(0.003));
    expect(Number.isNaN(f[24])).toBe(true);
    expect(f[48]).toBe(-0.001);
    expect(m.funding?.[1]).toBeUndefined();
  });
});

describe("shock registry", () => {
  it("names an asset the market lacks", () => {
    const s = shock({ kind: "crash", asset: "BTC", at: "1h", size: -0.1 });
    expect(() => s.apply(market(), assetIndex)).toThrow(InputError);
    expect(() => s.apply(market(), assetIndex)).toThrow(/BTC.*ETH, USDC/);
  });

  it("rejects sizes that would make prices non-positive and suggests kinds", () => {
    const issues: Issue[] = [];
    shockKinds.read({ kind: "crash", asset: "ETH", at: "1h", size: -1 }, "s", issues);
    shockKinds.read({ kind: "crsh", asset: "ETH" }, "t", issues);
    expect(issues.map((i) => i.code)).toEqual(["out_of_range", "unknown_kind"]);
    expect(issues[1]?.message).toMatch(/did you mean "crash"/);
  });

  it("is deterministic: the same shocks on the same path give identical markets", () => {
    const run = () => {
      const m = market();
      for (const kind of shockKinds.kinds()) {
        const extra =
          kind === "funding-spike"
            ? { for: "2h", rate: 0.01 }
            : kind === "vol-spike"
              ? { for: "2h", multiplier: 2 }
              : { size: -0.2 };
        shock({ kind, asset: "ETH", at: "5h", ...extra }).apply(m, assetIndex);
      }
      return m;
    };
    expect(run()).toEqual(run());
  });
});
