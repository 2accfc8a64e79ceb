/**
 * Options marked at a moving implied vol (engine/sim/implied-vols.ts): a flat constant surface
 * marks exactly as a fixed `iv`; a pinned `iv` ignores the surface; the mark at the horizon is
 * Black–Scholes at the path's final price and implied vol (recomputed here); sticky-strike keeps a
 * strike's vol while the spot moves, sticky-delta does not; the vega term carries the vol moves.
 */
import { describe, expect, it } from "vitest";
import { SsviSurface } from "../engine/iv/surface.js";
import { blackPrice } from "../engine/pricing/black.js";
import { hestonPrice } from "../engine/pricing/heston.js";
import { hedgeScenario, mean, run, std } from "./helpers.js";

const GBM = { kind: "gbm", spot: 3000, drift: 0, vol: 0.8 };
const STOCH = { kind: "stochastic", level: 0.7, premium: 0.05, kappa: 10, volOfVol: 1.5, rho: -0.5 };
const withIv = (iv: Record<string, unknown>, model: Record<string, unknown> = GBM) => ({
  rate: 0,
  assets: { ETH: { model, iv } },
});
const call = (extra: Record<string, unknown> = {}) => ({
  kind: "option",
  underlying: "ETH",
  right: "call",
  strike: "atm",
  expiry: "30d",
  qty: -1,
  ...extra,
});
const perp = { kind: "perp", underlying: "ETH", qty: 0, collateral: 20000 };

describe("marking options on an implied-vol surface", () => {
  it("marks as the option's own iv when the surface is flat and constant at that vol", () => {
    const fixed = run(hedgeScenario({ paths: 40 })).metrics.columns;
    const surf = run(
      hedgeScenario({ paths: 40, market: withIv({ kind: "constant", vol: 0.8 }), book: [call(), perp] }),
    ).metrics.columns;
    expect(surf.pnl).toEqual(fixed.pnl);
    expect([...surf.pnlVega].every((x) => x === 0)).toBe(true);
  });

  it("leaves an option with its own iv pinned, and prices and hedges unchanged (own random stream)", () => {
    const fixed = run(hedgeScenario({ paths: 40 })).metrics.columns;
    const pinned = run(hedgeScenario({ paths: 40, market: withIv(STOCH) })).metrics.columns;
    expect(pinned.pnl).toEqual(fixed.pnl);
  });

  it("values a held call at the horizon at Black–Scholes on the final price and final implied vol", () => {
    const out = run(
      hedgeScenario({
        paths: 6,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
        market: withIv(STOCH),
        book: [call({ qty: 1 }), perp],
        strategy: { kind: "hold" },
        report: { sampleSeries: 6, eventPaths: 0 },
      }),
    );
    const v = out.series.values;
    for (let p = 0; p < 6; p++) {
      const rows = out.series.path.flatMap((q, i) => (q === p ? [i] : []));
      const [first, last] = [rows[0] as number, rows[rows.length - 1] as number];
      const s0 = v.price[first] as number;
      const open = blackPrice(true, s0, s0, 30 / 365, 0, 0, v.iv[first] as number);
      const close = blackPrice(true, v.price[last] as number, s0, 20 / 365, 0, 0, v.iv[last] as number);
      expect(out.metrics.columns.pnl[p]).toBeCloseTo(close - open, 6);
    }
  });

  it("marks at Heston prices on a Heston path: the horizon value is the semi-closed form at the final variance", () => {
    const hp = { kind: "heston", spot: 3000, v0: 0.49, kappa: 3, theta: 0.49, xi: 0.9, rho: -0.6 };
    const out = run(
      hedgeScenario({
        paths: 4,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
        market: withIv({ kind: "heston" }, hp),
        book: [call({ qty: 1, strike: 3300 }), perp],
        strategy: { kind: "hold" },
        report: { sampleSeries: 4, eventPaths: 0 },
      }),
    );
    const v = out.series.values;
    const dyn = { kappa: 3, theta: 0.49, xi: 0.9, rho: -0.6 };
    for (let p = 0; p < 4; p++) {
      const rows = out.series.path.flatMap((q, i) => (q === p ? [i] : []));
      const [first, last] = [rows[0] as number, rows[rows.length - 1] as number];
      const open = hestonPrice(true, v.price[first] as number, 3300, 30 / 365, 0, {
        ...dyn,
        v0: (v.iv[first] as number) ** 2,
      });
      const close = hestonPrice(true, v.price[last] as number, 3300, 20 / 365, 0, {
        ...dyn,
        v0: (v.iv[last] as number) ** 2,
      });
      expect(out.metrics.columns.pnl[p]).toBeCloseTo(close - open, 4);
    }
  });

  it("keeps a strike's vol while the spot moves under sticky-strike, and moves it under sticky-delta", () => {
    const smile = { rho: -0.5, eta: 1, gamma: 0.5, slope: 0, tenor: 30 / 365, minTenor: 1 / 365 };
    const [strike, delta] = [new SsviSurface(smile, "strike"), new SsviSurface(smile, "delta")];
    const at = (surf: SsviSurface, s: number) => surf.vol(3000, 20 / 365, s, 3000, 0, 0.8);
    expect(at(strike, 2500)).toBe(at(strike, 3400));
    expect(at(delta, 2500)).not.toBeCloseTo(at(delta, 3400), 3);
    // Sticky-delta: the vol follows moneyness K/F; at the money it is the ATM vol wherever the spot is.
    expect(delta.vol(2500, 30 / 365, 2500, 3000, 0, 0.8)).toBeCloseTo(0.8, 12);
  });

  it("attributes an implied-vol move to vega: with a near-still price, PnL is theta + vega up to a small residual", () => {
    const c = run(
      hedgeScenario({
        paths: 60,
        clock: { start: "2024-01-01T00:00:00Z", horizon: "10d", step: "1h" },
        market: withIv(STOCH, { ...GBM, vol: 0.001 }),
        book: [call({ qty: 1 }), perp],
        strategy: { kind: "hold" },
      }),
    ).metrics.columns;
    expect(std(c.pnlVega)).toBeGreaterThan(20);
    expect(std(c.pnlResidual)).toBeLessThan(0.02 * std(c.pnlVega));
    expect(Math.abs(mean(c.pnlResidual))).toBeLessThan(0.02 * std(c.pnlVega));
  });
});

describe("implied-vol settings that cannot work", () => {
  const bad = (overrides: Record<string, unknown>) => () => run(hedgeScenario({ paths: 1, ...overrides }));

  it("asks for an iv or an implied-vol model when an option has neither", () => {
    expect(bad({ book: [call(), perp] })).toThrow(/book\[0\]\.iv: missing: ETH has no implied-vol model/);
  });

  it("refuses Heston marks on a non-Heston price model, naming the field", () => {
    expect(bad({ market: withIv({ kind: "heston" }) })).toThrow(
      /market\.assets\.ETH\.iv\.kind: found heston, but the asset's price model is gbm/,
    );
  });

  it("refuses a replayed-column implied vol on a Monte-Carlo asset", () => {
    expect(bad({ market: withIv({ kind: "column" }) })).toThrow(
      /market\.assets\.ETH\.iv\.kind: found column, but the asset has no data\.vol column/,
    );
  });
});
