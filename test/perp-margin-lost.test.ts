/**
 * Liquidation figures are named per venue type: a perp account that loses its margin reports the
 * margin lost (deposit − margin balance left after its last liquidation), its fees apart; a loan
 * reports collateral seized and bonus. Recomputed here from the event rows, independently.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../engine/events.js";
import { run } from "./helpers.js";

const DEPOSIT = 1500;
const scenario = {
  name: "perp-margin-lost",
  seed: 3,
  paths: 20,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "3d", step: "10m" },
  market: {
    assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.5 } } },
    shocks: [{ kind: "crash", asset: "ETH", at: "1d", size: -0.45, over: "3h" }],
  },
  oracle: { kind: "ideal" },
  venues: { perp: { kind: "perp-linear", fundingSource: "fixed", fundingRate: 0 } },
  // 5 ETH long on 1 500 of margin (10×): a 45 % crash takes all of it.
  book: [{ kind: "perp", underlying: "ETH", qty: 5, collateral: DEPOSIT }],
  strategy: { kind: "hold" },
  report: { sampleSeries: 0, eventPaths: 0 },
};

describe("perp liquidation metrics", () => {
  const out = run(scenario);
  const c = out.metrics.columns;
  const ev = out.events;

  it("report the margin the account lost, not only the fee", () => {
    let checked = 0;
    for (let p = 0; p < 20; p++) {
      let after = Number.NaN;
      let fees = 0;
      for (let i = 0; i < ev.length; i++) {
        if (ev.path[i] !== p || ev.type[i] !== EventType.liquidation || ev.account[i] !== "trader") continue;
        after = ev.amounts.marginBalanceAfter[i] as number;
        fees += (ev.amounts.fee[i] as number) + (ev.amounts.slippage[i] as number);
        expect(ev.names.venue[i]).toBe("perp");
        expect(ev.amounts.marginRatioBefore[i] as number).toBeGreaterThanOrEqual(1);
        expect(Number.isNaN(ev.amounts.collateralSeized[i] as number)).toBe(true);
      }
      if (Number.isNaN(after)) continue;
      checked++;
      expect(c.perpMarginLost[p]).toBeCloseTo(Math.max(0, DEPOSIT - after), 9);
      expect(c.perpLiquidationFees[p]).toBeCloseTo(fees, 9);
      expect(c.perpMarginLost[p] as number).toBeGreaterThan(0.5 * DEPOSIT);
      expect(c.collateralSeized[p]).toBe(0);
      expect(c.liquidationBonus[p]).toBe(0);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
