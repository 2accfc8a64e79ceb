/**
 * `deleverage` on shared crash paths: a 7.5× long perp that `hold` loses to liquidation is cut back
 * as its margin ratio rises and survives; a loan is repaid back to its target HF and survives.
 */
import { describe, expect, it } from "vitest";
import { run } from "../helpers.js";

const base = {
  name: "deleverage",
  seed: 9,
  paths: 10,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "3d", step: "10m" },
  market: {
    quote: "USDC",
    assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.3 } } },
    shocks: [{ kind: "crash", asset: "ETH", at: "1d", size: -0.35, over: "4h" }],
  },
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h" },
  liquidators: [{ name: "keeper", latency: "1m", capital: 1e7 }],
  report: { sampleSeries: 0, eventPaths: 0 },
};

const perp = (strategy: Record<string, unknown>) =>
  run({
    ...base,
    venues: { perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 } },
    book: [{ kind: "perp", underlying: "ETH", qty: 10, collateral: 4000 }],
    strategy,
  });

const loan = (strategy: Record<string, unknown>) =>
  run({
    ...base,
    venues: { lend: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } } },
    book: [{ kind: "loan", collateral: { ETH: 10 }, debt: { USDC: 17000 } }],
    strategy,
  });

describe("deleverage", () => {
  it("cuts a perp whose margin ratio crosses the trigger, where hold is liquidated", () => {
    const hold = perp({ kind: "hold" }).metrics.columns;
    const cut = perp({ kind: "deleverage", trigger: 0.5, target: 0.25 }).metrics.columns;
    for (const x of hold.liquidations) expect(x).toBeGreaterThan(0);
    for (const x of cut.liquidations) expect(x).toBe(0);
    for (const x of cut.trades) expect(x).toBeGreaterThan(0);
  });

  it("repays a loan whose health factor crosses the trigger, where hold is liquidated", () => {
    const hold = loan({ kind: "hold" }).metrics.columns;
    const cut = loan({ kind: "deleverage", trigger: 1.15, target: 1.6 }).metrics.columns;
    for (const x of hold.liquidations) expect(x).toBeGreaterThan(0);
    for (const x of cut.liquidations) expect(x).toBe(0);
  });
});
