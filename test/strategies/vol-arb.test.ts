/**
 * `vol-arb` on GBM paths at 60 % vol whose implied vol is a stochastic level with a variance risk
 * premium (seed 11, no fees, ideal oracle, zero latency):
 * - implied above realised (premium +10 points): it writes the straddle and earns on average;
 * - implied far below realised (premium −30 points): a short-only book never trades; −10 points and
 *   allowed to buy, it buys and earns ½Γ·S²·(σ²_realised − σ²_implied) on average;
 * - a new position's vega is the budget (independent Black–Scholes vega of the listed legs);
 * - a short held through the March 2020 crash preset loses against the same paths without it;
 * - without an implied-vol model it stops with a clear error.
 */
import { describe, expect, it } from "vitest";
import { expandPresets } from "../../cli/presets.js";
import { StrategyError } from "../../engine/errors.js";
import { normPdf } from "../../engine/pricing/normal.js";
import { mean, run, std } from "../helpers.js";
import { bookGreek, observed } from "./observe.js";

const VA = {
  kind: "vol-arb",
  asset: "ETH",
  tenor: "30d",
  threshold: 0.04,
  vegaBudget: 500,
  margin: 60000,
  window: 12,
  lambda: 0.98,
};
const world = (
  premium: number,
  strategy: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  name: "vol-arb-test",
  seed: 11,
  paths: 40,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "20d", step: "1h" },
  market: {
    rate: 0,
    assets: {
      ETH: {
        model: { kind: "gbm", spot: 3000, vol: 0.6 },
        iv: { kind: "stochastic", level: 0.6, premium, kappa: 12, volOfVol: 1, rho: -0.5 },
      },
    },
    ...extra,
  },
  execution: { fees: { taker: 0, maker: 0 } },
  venues: {
    perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 },
    opt: { kind: "options-standard" },
  },
  book: [
    { kind: "perp", venue: "perp", underlying: "ETH", qty: 0, collateral: 50000 },
    { kind: "cash", amount: { USDC: 100000 } },
  ],
  strategy: { ...VA, ...strategy },
  report: { sampleSeries: 0, eventPaths: 0 },
});

const se = (x: ArrayLike<number>) => std(x) / Math.sqrt(x.length);

describe("vol-arb", () => {
  it("earns the variance risk premium writing delta-hedged straddles when implied is above realised", () => {
    const pnl = run(world(0.1)).metrics.columns.pnl;
    expect(mean(pnl)).toBeGreaterThan(4 * se(pnl));
  });

  it("stays flat short-only when implied is far below realised, and earns buying when allowed", () => {
    expect([...run(world(-0.3, { side: "short" })).metrics.columns.pnl].every((x) => x === 0)).toBe(true);
    const pnl = run(world(-0.1, { side: "both" })).metrics.columns.pnl;
    expect(mean(pnl)).toBeGreaterThan(4 * se(pnl));
  });

  it("opens a position whose vega is the budget (independent Black–Scholes vega at the surface vols)", () => {
    let entries = 0;
    let had = false;
    observed(world(0.1, {}, {}), (view) => {
      const { net, gross } = bookGreek(view, (s, k, tau, vol) => {
        const d1 = (Math.log(s / k) + 0.5 * vol * vol * tau) / (vol * Math.sqrt(tau));
        return s * normPdf(d1) * Math.sqrt(tau);
      });
      if (gross > 0 && !had) {
        expect(Math.abs(Math.abs(net) / 500 - 1)).toBeLessThan(1e-4);
        entries++;
      }
      had = gross > 0;
    });
    expect(entries).toBeGreaterThan(20);
  });

  it("loses, short through the March 2020 crash preset, against the same paths without it", () => {
    const hold = { side: "short", exit: -1 };
    const clock = { start: "2024-01-01T00:00:00Z", horizon: "5d", step: "1h" };
    const calm = run({ ...world(0.1, hold), clock }).metrics.columns.pnl;
    const crash = run(expandPresets({ ...world(0.1, hold, { presets: ["mar-2020"] }), clock }, "test"))
      .metrics.columns.pnl;
    const diff = [...crash].map((x, i) => x - (calm[i] as number));
    expect(mean(crash)).toBeLessThan(0);
    expect(mean(diff)).toBeLessThan(-4 * se(diff));
  });

  it("stops with a clear error on an asset without an implied-vol model", () => {
    const raw = world(0.1);
    const bare = {
      ...raw,
      market: { rate: 0, assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.6 } } } },
    };
    expect(() => run(bare)).toThrow(StrategyError);
    expect(() => run(bare)).toThrow(/ETH has no implied-vol model; allowed: market\.assets\.ETH\.iv/);
  });
});
