/**
 * Invariants of liquidation and accounting over random scenarios (fast-check; generator in
 * ./arbitraries.ts: aave-v3, compound-v3, perp-linear and options-standard books under random
 * models, shocks and oracles). For every generated case:
 * 1. the ledger is conserved per asset after every event: the runner checks `Ledger.check` after
 *    each event (checking is on in these runs) and throws otherwise — check() itself is shown to
 *    throw for every asset in engine/ledger-check.test.ts;
 * 2. no liquidation fires while the account is healthy on the oracle price it was judged on:
 *    health recomputed here (lending HF = coll·P·LT / debt; perp equity/MM with MM = Σ|q|·P·mmf;
 *    options equity/MM under the linear standard margin with Black–Scholes marks) is < 1, and the
 *    prices are the runner's oracle prices;
 * 3. no account has negative collateral after a liquidation (lending: collateral units; perp and
 *    options: equity, any deficit having been covered by the insurance fund or booked as bad debt);
 * 4. bad debt is non-negative and fully accounted: each bad-debt event's shortfall is ≥ 0, the
 *    ledger's bad-debt postings on a path equal the sum of its events, and the path's badDebt
 *    metric is the sum over the trader's events.
 * And the properties are not vacuous: liquidations happen in a good share of the cases.
 * Cases per property: 40 in CI, 1 000 under `npm run test:deep`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseArb, numRuns, SEED } from "./arbitraries.js";
import { observe } from "./probes.js";

const RUNS = numRuns(40);
const TOL = 1e-9;

describe("liquidation and accounting invariants over random scenarios", () => {
  it("conserves the ledger, liquidates only unhealthy accounts on oracle prices, leaves no negative collateral", () => {
    let cases = 0;
    let liquidated = 0;
    const byKind = new Map<string, number>();
    fc.assert(
      fc.property(caseArb, (c) => {
        const seen = observe(c); // throws if the ledger is unbalanced after any event
        cases++;
        if (seen.liquidations.length > 0) {
          liquidated++;
          byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
        }
        for (const l of seen.liquidations) {
          expect(l.onOracle).toBe(true);
          expect(l.healthBefore).toBeLessThan(1 + TOL);
          expect(l.collateralAfter).toBeGreaterThanOrEqual(-1e-6);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(cases).toBe(RUNS);
    // Not vacuous: a good share of the cases liquidate, on every kind of venue (the share is only
    // meaningful over enough cases; mutation runs use a handful).
    expect(liquidated).toBeGreaterThan(0);
    if (RUNS >= 20) {
      expect(liquidated / cases).toBeGreaterThan(0.25);
      expect([...byKind.keys()].sort()).toEqual(["aave", "compound", "option", "perp"]);
    }
  });

  it("keeps bad debt non-negative and fully accounted in the ledger and the metrics", () => {
    let withBadDebt = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const p of observe(c).paths) {
          const sum = p.badDebtEvents.reduce((s, x) => s + x, 0);
          for (const x of p.badDebtEvents) expect(x).toBeGreaterThanOrEqual(0);
          expect(p.badDebtLedger).toBeCloseTo(sum, 6);
          expect(p.badDebtMetric).toBeGreaterThanOrEqual(0);
          expect(p.badDebtMetric).toBeCloseTo(p.badDebtTrader, 6);
          if (sum > 0) withBadDebt++;
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(withBadDebt).toBeGreaterThan(0);
  });
});
