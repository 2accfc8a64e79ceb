/**
 * Yield-bearing collateral (scenarios/models/yield-bearing.ts) against its closed form:
 * - wstETH / ETH at every oracle reading is rate₀·(1 + APY)^(t/yr) (compounded annual yield, as
 *   MakerDAO's Pot accrues chi ← chi·dsr^Δt), computed here;
 * - a depeg of wstETH multiplies that ratio by (1 + size) while it holds, and leaves it after
 *   recovery;
 * - on a flat ETH, an Aave loan against wstETH sees its collateral's value per unit (HF · debt / units) grow by it;
 * - an underlying that is not another asset with its own model is refused, naming the field.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { runPaths } from "../engine/sim/run.js";
import type { Strategy, StrategyView } from "../engine/strategy.js";
import { configOf } from "./helpers.js";

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const START = Date.parse("2024-01-01T00:00:00Z");
const APY = 0.04;
const RATE = 1.15;

const scenario = (over: { vol?: number; shocks?: unknown[]; wst?: Record<string, unknown> } = {}) => ({
  name: "yield",
  seed: 4,
  paths: 2,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "30d", step: "1h" },
  market: {
    quote: "USDC",
    assets: {
      ETH: { model: { kind: "gbm", spot: 3000, vol: over.vol ?? 0.8 } },
      wstETH: { model: { kind: "yield-bearing", underlying: "ETH", yield: APY, rate: RATE, ...over.wst } },
    },
    shocks: over.shocks ?? [],
  },
  oracle: { kind: "ideal" },
  venues: { lend: { kind: "aave-v3", assets: { wstETH: {}, USDC: {} } } },
  liquidators: [{ name: "keeper", latency: "1m", capital: 1e8 }],
  book: [{ kind: "loan", venue: "lend", collateral: { wstETH: 10 }, debt: { USDC: 20000 } }],
  strategy: { kind: "hold" },
  report: { sampleSeries: 0, eventPaths: 0 },
});

/** Calls `look` every hour of every path. */
function hourly(raw: unknown, look: (view: StrategyView) => void): void {
  const cfg = configOf(raw);
  const s: Strategy = {
    start: (_v, out) => out.setTimer(HOUR),
    onTimer: (v, out) => {
      look(v);
      out.setTimer(HOUR);
    },
  };
  runPaths({ ...cfg, strategy: s });
}

const closedForm = (t: number) => RATE * (1 + APY) ** ((t - START) / YEAR);
const ratio = (v: StrategyView) => v.oraclePrice(v.assetIndex("wstETH")) / v.oraclePrice(v.assetIndex("ETH"));

describe("a yield-bearing asset", () => {
  it("is priced through an exchange rate growing at (1 + APY)^(t/yr)", () => {
    let n = 0;
    hourly(scenario(), (v) => {
      expect(ratio(v) / closedForm(v.timeMs) - 1).toBeCloseTo(0, 12);
      n++;
    });
    expect(n).toBeGreaterThan(2 * 700);
  });

  it("is still exposed to a depeg against its underlying", () => {
    const depeg = {
      kind: "depeg",
      asset: "wstETH",
      size: -0.06,
      at: "10d",
      over: "1h",
      hold: "5d",
      recover: "1d",
    };
    let held = 0;
    hourly(scenario({ shocks: [depeg] }), (v) => {
      const d = (v.timeMs - START) / HOUR;
      const expected =
        closedForm(v.timeMs) * (d >= 241 && d <= 360 ? 0.94 : d < 240 || d >= 385 ? 1 : Number.NaN);
      if (Number.isNaN(expected)) return;
      expect(ratio(v) / expected - 1).toBeCloseTo(0, 12);
      if (d >= 241 && d <= 360) held++;
    });
    expect(held).toBeGreaterThan(200);
  });

  it("lifts a loan's health factor with its yield on a flat underlying", () => {
    // HF · debt / units supplied = price · LT (Aave v3; debt and supply accrue their own interest).
    let n = 0;
    hourly(scenario({ vol: 0 }), (v) => {
      const [lend, wst] = [v.venueIndex("lend"), v.assetIndex("wstETH")];
      const perUnit = (v.healthFactor(lend) * v.debtValue(lend)) / v.supplied(lend, wst);
      expect(perUnit / (3000 * closedForm(v.timeMs) * 0.81) - 1).toBeCloseTo(0, 10); // LT 81 % (REFERENCE)
      n++;
    });
    expect(n).toBeGreaterThan(700);
  });

  it("refuses an underlying that is not another asset with its own model", () => {
    for (const underlying of ["SOL", "wstETH"]) {
      try {
        configOf(scenario({ wst: { underlying } }));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        const issue = (e as InputError).issues[0];
        expect(issue?.path).toBe("market.assets.wstETH.model.underlying");
        expect(issue?.message).toContain("allowed: ETH");
      }
    }
  });
});
