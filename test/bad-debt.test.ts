/**
 * The margin engine's acceptance scenario: a fully collateralised Aave v3 loan through the real
 * Black Thursday hours (../shared/data, Binance ETHUSDT 1 h). With a one-hour-delayed oracle, a
 * keeper stalled three hours and a pool of limited depth, the loan ends in bad debt; the same book
 * with the ideal oracle and a prompt keeper is liquidated in time and leaves none. The ledger is
 * checked after every event of both runs.
 *
 * Expected figures are worked by hand from the data and the Aave rule (REFERENCE "Lending: Aave v3";
 * v3.3 close factor 100 % below 2 000 USD of debt, bonus 5 %, LT 0.83 for WETH): HF = 1 at
 * P = 1 080 / (10 × 0.83) = 130.12. Hourly closes: 12 Mar 19:00 138.37, 20:00 128.84 (< 130.12),
 * 23:00 107.82.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../cli/compile.js";
import { loadScenario } from "../cli/scenario.js";
import { EventType } from "../engine/events.js";
import { runPaths } from "../engine/sim/run.js";

const ROOT = resolve(import.meta.dirname, "..");

async function runFile(name: string) {
  const loaded = await loadScenario(resolve(ROOT, "scenarios/examples", name));
  const cfg = compile(loaded.scenario, {
    checkConservation: true,
    ...(loaded.replay ? { replay: loaded.replay.market } : {}),
  });
  return runPaths(cfg);
}

const MARCH_12 = Date.parse("2020-03-12T00:00:00Z");
const START = Date.parse("2020-03-11T00:00:00Z");

describe("Black Thursday loan", () => {
  it("with a slow oracle, stalled keepers and slippage, ends in bad debt", async () => {
    const out = await runFile("black-thursday-loan.yaml");
    const c = out.metrics.columns;
    expect(c.liquidations[0]).toBe(1);
    // Landed at 13 Mar 00:00 with the oracle at the 12 Mar 23:00 close, 107.82:
    expect((c.firstLiquidationHours[0] as number) * 3_600_000 + START).toBe(MARCH_12 + 24 * 3_600_000);
    // All 10 ETH seized repay 10 × 107.82 / 1.05 = 1 026.86 of ≈ 1 080 (plus a few days' interest).
    const covered = (10 * 107.82) / 1.05;
    expect(c.badDebt[0]).toBeGreaterThan(1080 - covered - 1e-6);
    expect(c.badDebt[0]).toBeLessThan(1080 * 1.001 - covered);
    // All the collateral: 10 ETH (plus a few days' supply interest) at 107.82.
    expect(c.collateralSeized[0]).toBeGreaterThanOrEqual(10 * 107.82);
    expect(c.collateralSeized[0]).toBeLessThan(10 * 107.82 * 1.001);
    const ev = out.events;
    const bad = ev.type.indexOf(EventType.badDebt);
    expect(bad).toBeGreaterThanOrEqual(0);
    expect(ev.account[bad]).toBe("trader");
    expect(ev.amounts.badDebt[bad]).toBeCloseTo(c.badDebt[0] as number, 9);
  });

  it("without the frictions, is liquidated in time and leaves no bad debt", async () => {
    const out = await runFile("black-thursday-loan-ideal.yaml");
    const c = out.metrics.columns;
    expect(c.liquidations[0]).toBe(1);
    // HF first below 1 at the 20:00 close, 128.84; the keeper lands 12 s later.
    expect((c.firstLiquidationHours[0] as number) * 3_600_000 + START).toBe(
      MARCH_12 + 20 * 3_600_000 + 12_000,
    );
    expect(c.badDebt[0]).toBe(0);
    // Seized: debt × 1.05 at 128.84 (the whole debt: v3.3 close factor 100 % below 2 000 USD).
    expect(c.collateralSeized[0]).toBeGreaterThan(1080 * 1.05 - 1e-6);
    expect(c.collateralSeized[0]).toBeLessThan(1080 * 1.001 * 1.05);
  });
});
